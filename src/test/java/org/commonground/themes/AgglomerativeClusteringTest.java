package org.commonground.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgglomerativeClusteringTest {

  @Test
  @DisplayName("two tight pairs and an outlier: pairs join under the threshold, the outlier stays alone")
  void smallCase() {
    double[][] d = {
        {0, 0.1, 0.9, 0.9, 0.95},
        {0.1, 0, 0.9, 0.9, 0.95},
        {0.9, 0.9, 0, 0.2, 0.95},
        {0.9, 0.9, 0.2, 0, 0.95},
        {0.95, 0.95, 0.95, 0.95, 0}};
    assertThat(AgglomerativeClustering.cluster(d, 0.5)).containsExactly(0, 0, 1, 1, 2);
    assertThat(AgglomerativeClustering.cluster(d, 0.05)).containsExactly(0, 1, 2, 3, 4);
    assertThat(AgglomerativeClustering.cluster(d, 0.92)).containsExactly(0, 0, 0, 0, 1);
    assertThat(AgglomerativeClustering.cluster(d, 1.0)).containsExactly(0, 0, 0, 0, 0);
  }

  @Test
  @DisplayName("the nearest-neighbour chain cuts the same tree as textbook average linkage")
  void matchesNaiveAverageLinkage() {
    Random random = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int n = 2 + random.nextInt(40);
      double[][] d = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          d[i][j] = d[j][i] = random.nextDouble();
        }
      }
      double threshold = 0.2 + 0.6 * random.nextDouble();
      assertThat(AgglomerativeClustering.cluster(d, threshold)).as("trial %d", trial)
          .containsExactly(naive(d, threshold));
    }
  }

  /** Merge the closest pair (average distance) while it is within the threshold. */
  private static int[] naive(double[][] d, double threshold) {
    int n = d.length;
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = i;
    }
    while (true) {
      double best = Double.POSITIVE_INFINITY;
      int ba = -1;
      int bb = -1;
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          if (label[a] == a && label[b] == b && a < b) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
              for (int j = 0; j < n; j++) {
                if (label[i] == a && label[j] == b) {
                  sum += d[i][j];
                  count++;
                }
              }
            }
            if (sum / count < best) {
              best = sum / count;
              ba = a;
              bb = b;
            }
          }
        }
      }
      if (ba < 0 || best > threshold) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (label[i] == bb) {
          label[i] = ba;
        }
      }
    }
    int[] out = new int[n];
    int[] map = new int[n];
    java.util.Arrays.fill(map, -1);
    int next = 0;
    for (int i = 0; i < n; i++) {
      if (map[label[i]] < 0) {
        map[label[i]] = next++;
      }
      out[i] = map[label[i]];
    }
    return out;
  }
}
