package org.commonground.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Average-linkage agglomerative clustering cut at a distance threshold. Average linkage because
 * a theme is a loose family of notes: single linkage chains unrelated notes through one
 * in-between note, complete linkage splits a theme over its one odd wording (both scored lower
 * on the dev set). Uses the nearest-neighbour chain, so 300 notes cost O(n^2), not O(n^3).
 */
public final class AgglomerativeClustering {
  private AgglomerativeClustering() {}

  /**
   * Cluster labels 0..k-1 (numbered by first appearance) for a symmetric distance matrix: two
   * groups are joined while their average pairwise distance is at most {@code threshold}.
   * The same matrix always gives the same labels: ties go to the lower index.
   */
  public static int[] cluster(double[][] distance, double threshold) {
    int n = distance.length;
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    if (n < 2) {
      return relabel(parent);
    }
    double[][] d = new double[n][];
    for (int i = 0; i < n; i++) {
      d[i] = Arrays.copyOf(distance[i], n);
    }
    int[] size = new int[n];
    Arrays.fill(size, 1);
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    int remaining = n;
    int[] chain = new int[n];
    int top = 0;
    while (remaining > 1) {
      if (top == 0) {
        chain[top++] = firstActive(active);
      }
      int a = chain[top - 1];
      int previous = top >= 2 ? chain[top - 2] : -1;
      // Preferring the previous chain link on a tie is what guarantees the chain ends in a pair.
      int b = previous;
      double best = previous >= 0 ? d[a][previous] : Double.POSITIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        if (active[k] && k != a && d[a][k] < best) {
          best = d[a][k];
          b = k;
        }
      }
      if (b != previous) {
        chain[top++] = b;
        continue;
      }
      top -= 2;
      // Average linkage is reducible, so merge heights never fall as the tree grows: every merge
      // at or under the threshold belongs to the cut, whatever order the chain finds them in.
      if (best <= threshold) {
        union(parent, a, b);
      }
      int keep = Math.min(a, b);
      int drop = Math.max(a, b);
      for (int k = 0; k < n; k++) {
        if (active[k] && k != a && k != b) {
          double merged = (size[a] * d[a][k] + size[b] * d[b][k]) / (size[a] + size[b]);
          d[keep][k] = merged;
          d[k][keep] = merged;
        }
      }
      size[keep] = size[a] + size[b];
      active[drop] = false;
      remaining--;
    }
    return relabel(parent);
  }

  /** Clusters unit vectors by cosine distance (1 - dot) at {@code threshold}. */
  public static int[] clusterByCosine(float[][] unitVectors, double threshold) {
    return cluster(cosineDistances(unitVectors), threshold);
  }

  /** Cosine distance (1 - dot) between unit vectors. */
  static double[][] cosineDistances(float[][] unitVectors) {
    int n = unitVectors.length;
    double[][] d = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = 1 - Vectors.dot(unitVectors[i], unitVectors[j]);
        d[i][j] = v;
        d[j][i] = v;
      }
    }
    return d;
  }

  /** Labels as lists of member indices, in label order. */
  public static List<List<Integer>> groups(int[] labels) {
    int k = 0;
    for (int l : labels) {
      k = Math.max(k, l + 1);
    }
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      out.get(labels[i]).add(i);
    }
    return out;
  }

  private static int firstActive(boolean[] active) {
    for (int i = 0; i < active.length; i++) {
      if (active[i]) {
        return i;
      }
    }
    throw new IllegalStateException("no active cluster");
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  private static int[] relabel(int[] parent) {
    int n = parent.length;
    int[] labels = new int[n];
    int[] byRoot = new int[n];
    Arrays.fill(byRoot, -1);
    int next = 0;
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      if (byRoot[r] < 0) {
        byRoot[r] = next++;
      }
      labels[i] = byRoot[r];
    }
    return labels;
  }
}
