package org.commonground.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.commonground.bench.AdjustedRandIndex;
import org.commonground.bench.NormalizedMutualInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmark's scoring, checked on cases with known answers. */
class AdjustedRandIndexTest {
  private static final List<String> GOLD = List.of("a", "a", "a", "b", "b", "c", "c", "c", "d");

  @Test
  @DisplayName("identical partitions score 1, whatever the labels are called")
  void identical() {
    assertThat(AdjustedRandIndex.of(GOLD, GOLD)).isEqualTo(1.0);
    assertThat(AdjustedRandIndex.of(List.of(7, 7, 7, 1, 1, 2, 2, 2, 9), GOLD)).isEqualTo(1.0);
  }

  @Test
  @DisplayName("everything in one cluster, or every note alone, scores 0 against the gold")
  void trivialAnswers() {
    assertThat(AdjustedRandIndex.of(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), GOLD)).isCloseTo(0.0, within(1e-12));
    assertThat(AdjustedRandIndex.of(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), GOLD)).isCloseTo(0.0, within(1e-12));
  }

  @Test
  @DisplayName("a known partial match: [0,0,1,1] against [0,0,1,2] is 4/7, both ways round")
  void knownValue() {
    assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 1), List.of(0, 0, 1, 2))).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 2), List.of(0, 0, 1, 1))).isCloseTo(4.0 / 7, within(1e-12));
  }

  @Test
  @DisplayName("NMI is 1 for identical partitions and rewards putting every note alone, unlike ARI")
  void nmi() {
    assertThat(NormalizedMutualInfo.of(GOLD, GOLD)).isCloseTo(1.0, within(1e-12));
    assertThat(NormalizedMutualInfo.of(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), GOLD)).isGreaterThan(0.5);
  }
}
