package org.commonground.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adjusted Rand index (Hubert and Arabie) between two labellings of the same items: 1 for the
 * same partition, about 0 for chance. Labels are compared only for equality, so a singleton is
 * any label no other item has.
 */
public final class AdjustedRandIndex {
  private AdjustedRandIndex() {}

  public static <A, B> double of(List<A> predicted, List<B> gold) {
    if (predicted.size() != gold.size()) {
      throw new IllegalArgumentException("labellings differ in length");
    }
    int n = predicted.size();
    Map<A, Integer> a = new HashMap<>();
    Map<B, Integer> b = new HashMap<>();
    Map<List<Object>, Integer> both = new HashMap<>();
    for (int i = 0; i < n; i++) {
      a.merge(predicted.get(i), 1, Integer::sum);
      b.merge(gold.get(i), 1, Integer::sum);
      both.merge(List.of(predicted.get(i), gold.get(i)), 1, Integer::sum);
    }
    double index = pairs(both);
    double sumA = pairs(a);
    double sumB = pairs(b);
    double total = n * (n - 1) / 2.0;
    if (total == 0) {
      return 1.0;
    }
    double expected = sumA * sumB / total;
    double max = (sumA + sumB) / 2;
    if (max == expected) {
      // Both trivial (all alone, or all together) the same way: identical partitions.
      return index == expected ? 1.0 : 0.0;
    }
    return (index - expected) / (max - expected);
  }

  private static double pairs(Map<?, Integer> counts) {
    double s = 0;
    for (int c : counts.values()) {
      s += c * (c - 1) / 2.0;
    }
    return s;
  }
}
