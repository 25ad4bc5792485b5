package org.commonground.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** NMI with the arithmetic-mean normaliser; shown beside ARI only, since it rewards over-splitting. */
public final class NormalizedMutualInfo {
  private NormalizedMutualInfo() {}

  public static <A, B> double of(List<A> predicted, List<B> gold) {
    int n = predicted.size();
    Map<A, Integer> a = new HashMap<>();
    Map<B, Integer> b = new HashMap<>();
    Map<List<Object>, Integer> both = new HashMap<>();
    for (int i = 0; i < n; i++) {
      a.merge(predicted.get(i), 1, Integer::sum);
      b.merge(gold.get(i), 1, Integer::sum);
      both.merge(List.of(predicted.get(i), gold.get(i)), 1, Integer::sum);
    }
    double mi = 0;
    for (var e : both.entrySet()) {
      double pij = e.getValue() / (double) n;
      double pi = a.get(e.getKey().get(0)) / (double) n;
      double pj = b.get(e.getKey().get(1)) / (double) n;
      mi += pij * Math.log(pij / (pi * pj));
    }
    double ha = entropy(a, n);
    double hb = entropy(b, n);
    if (ha + hb == 0) {
      return 1.0;
    }
    return mi / ((ha + hb) / 2);
  }

  private static double entropy(Map<?, Integer> counts, int n) {
    double h = 0;
    for (int c : counts.values()) {
      double p = c / (double) n;
      h -= p * Math.log(p);
    }
    return h;
  }
}
