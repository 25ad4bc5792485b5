package org.commonground.hub.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.hub.live.Events.event;
import static org.commonground.hub.live.Events.stored;

import java.util.ArrayList;
import java.util.List;
import org.commonground.protocol.SequencedEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReplicaLogTest {
  private final ReplicaLog log = new ReplicaLog(4);
  private final List<Long> applied = new ArrayList<>();

  private boolean offer(long seq) { return log.offer(event(seq), (SequencedEvent e) -> applied.add(e.seq())); }

  private void applyUpTo(long seq) {
    for (long s = log.seq() + 1; s <= seq; s++) offer(s);
    applied.clear();
  }

  @Test
  @DisplayName("events are applied in seq order: one past a gap waits for the gap, which is read from the log")
  void order() {
    assertThat(offer(1)).isFalse();
    assertThat(offer(3)).as("a gap before 3: read the log").isTrue();
    assertThat(applied).containsExactly(1L);
    assertThat(offer(1)).as("an old event changes nothing").isFalse();
    assertThat(offer(2)).isFalse();
    assertThat(applied).containsExactly(1L, 2L, 3L);
    assertThat(log.seq()).isEqualTo(3);
    assertThat(log.held()).isZero();
  }

  @Test
  @DisplayName("past its bound the events held ahead of a gap are dropped, and read from the log with the gap")
  void boundedEarly() {
    offer(1);
    for (long s = 3; s <= 7; s++) assertThat(offer(s)).isTrue();
    assertThat(log.held()).as("the fifth one found four held and dropped them all").isZero();
    offer(2);
    assertThat(applied).containsExactly(1L, 2L);
  }

  @Test
  @DisplayName("an echo of this node's own append that beats the append's answer is dropped unparsed, "
      + "and the answer applies each event once (2ad92a2)")
  void ownEchoBeforeAnswer() {
    applyUpTo(3);
    log.appendSent(2);

    assertThat(log.alreadyApplied(stored(4))).as("own echo, answer not in yet").isTrue();
    assertThat(log.alreadyApplied(stored(5))).isTrue();
    assertThat(log.alreadyApplied(stored(6))).as("beyond this append: another node's").isFalse();
    assertThat(log.alreadyApplied("{\"presence\":1}")).isFalse();

    log.appendAnswered();
    offer(4);
    offer(5);
    assertThat(applied).containsExactly(4L, 5L);
    assertThat(log.droppedEchoMissing()).isFalse();
    assertThat(log.alreadyApplied(stored(5))).as("a late duplicate of an applied event").isTrue();
  }

  @Test
  @DisplayName("an echo dropped while a stale append was on its way, for an event the stale answer did not "
      + "bring, is read from the log once the answer is applied (72c2737)")
  void droppedEchoAfterStaleAnswer() {
    applyUpTo(3);
    log.appendSent(2);
    // Another node takes 4 (the stale answer is made then, bringing 4), then 5 before the answer arrives.
    assertThat(log.alreadyApplied(stored(4))).isTrue();
    assertThat(log.alreadyApplied(stored(5))).isTrue();
    log.appendAnswered();
    offer(4);

    assertThat(log.seq()).isEqualTo(4);
    assertThat(log.droppedEchoMissing()).as("5 was dropped and nothing else will bring it").isTrue();
    offer(5);
    assertThat(log.droppedEchoMissing()).isFalse();
  }

  @Test
  @DisplayName("an echo dropped while an append was on its way that never got an answer is read from the log")
  void droppedEchoAfterFailedAppend() {
    applyUpTo(3);
    log.appendSent(1);
    assertThat(log.alreadyApplied(stored(4))).isTrue();
    log.appendAnswered();
    assertThat(log.droppedEchoMissing()).isTrue();
    assertThat(log.alreadyApplied(stored(4))).as("no append on its way: the echo is taken").isFalse();
  }

  @Test
  @DisplayName("the seq at the front of a stored event is read without parsing it")
  void seqOf() {
    assertThat(ReplicaLog.seqOf(stored(1234567))).isEqualTo(1234567);
    assertThat(ReplicaLog.isEvent(stored(1))).isTrue();
    assertThat(ReplicaLog.isEvent("{\"purged\":true}")).isFalse();
  }
}
