package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When a write waits for its replicas, and when a missing replica stops writes waiting for a while. */
class ReplicaWaitsTest {
  private final ReplicaWaits waits = new ReplicaWaits(1, 500, 5_000);

  @Test
  @DisplayName("off: never waits, counts nothing")
  void off() {
    assertThat(ReplicaWaits.OFF.shouldWait(0)).isFalse();
    assertThat(ReplicaWaits.of(0, 500)).isSameAs(ReplicaWaits.OFF);
    assertThat(ReplicaWaits.OFF.unconfirmed()).isZero();
  }

  @Test
  @DisplayName("while replicas answer in time, every write waits and none is unconfirmed")
  void healthy() {
    for (long t = 0; t < 100; t += 10) {
      assertThat(waits.shouldWait(t)).isTrue();
      assertThat(waits.answered(1, t + 1)).isFalse();
    }
    assertThat(waits.unconfirmed()).isZero();
    assertThat(waits.episodes()).isZero();
  }

  @Test
  @DisplayName("after a shortfall, writes stop waiting for the pause, then try again")
  void pauseAfterShortfall() {
    assertThat(waits.shouldWait(0)).isTrue();
    assertThat(waits.answered(0, 500)).as("the first shortfall is told").isTrue();
    assertThat(waits.shouldWait(501)).isFalse();
    assertThat(waits.shouldWait(5_499)).isFalse();
    assertThat(waits.unconfirmed()).isEqualTo(3);
    assertThat(waits.shouldWait(5_500)).as("the pause is over: try again").isTrue();
    assertThat(waits.answered(1, 5_501)).isFalse();
    assertThat(waits.shouldWait(5_502)).isTrue();
    assertThat(waits.episodes()).isEqualTo(1);
  }

  @Test
  @DisplayName("a shortfall is told once per episode: waits queued behind the first do not tell it again")
  void toldOncePerEpisode() {
    assertThat(waits.shouldWait(0)).isTrue();
    assertThat(waits.shouldWait(1)).isTrue();
    assertThat(waits.answered(0, 500)).isTrue();
    assertThat(waits.answered(0, 1_000)).isFalse();
    assertThat(waits.episodes()).isEqualTo(1);
    assertThat(waits.shouldWait(7_000)).isTrue();
    assertThat(waits.answered(0, 7_500)).as("a new episode").isTrue();
    assertThat(waits.episodes()).isEqualTo(2);
  }

  @Test
  @DisplayName("waits outstanding for half the timeout with none answered: the next write does not queue behind them")
  void stuckWaitsPause() {
    assertThat(waits.shouldWait(0)).isTrue();
    assertThat(waits.shouldWait(100)).as("a wait in flight that is not late yet").isTrue();
    assertThat(waits.shouldWait(250)).isFalse();
    assertThat(waits.shouldWait(400)).isFalse();
    waits.answered(0, 500);
    waits.answered(0, 1_000);
    assertThat(waits.shouldWait(1_001)).as("still paused").isFalse();
    assertThat(waits.shouldWait(5_999)).as("each shortfall restarts the pause").isFalse();
    assertThat(waits.shouldWait(6_000)).isTrue();
  }

  @Test
  @DisplayName("a failed write frees its place: later writes wait again")
  void failedFreesPlace() {
    assertThat(waits.shouldWait(0)).isTrue();
    waits.failed(10);
    assertThat(waits.shouldWait(1_000)).isTrue();
    assertThat(waits.unconfirmed()).isZero();
  }

  @Test
  @DisplayName("bad settings are refused with what is wrong")
  void badSettings() {
    assertThatThrownBy(() -> new ReplicaWaits(-1, 500, 0)).hasMessageContaining("replicas must be >= 0");
    assertThatThrownBy(() -> new ReplicaWaits(1, 0, 0)).hasMessageContaining("timeoutMs must be >= 1");
  }
}
