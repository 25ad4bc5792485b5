package org.commonground.hub.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.hub.live.Events.event;

import java.util.ArrayList;
import java.util.List;
import org.commonground.protocol.SequencedEvent;
import org.commonground.store.AppendResult;
import org.commonground.store.StoredAnswer;
import org.commonground.workshop.Code;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppendRoundTest {
  private final ReplicaLog log = new ReplicaLog(1_000);
  private final List<Long> applied = new ArrayList<>();
  private final AppendRound.Replica replica = new AppendRound.Replica() {
    @Override
    public long seq() { return log.seq(); }

    @Override
    public void offer(SequencedEvent e) { log.offer(e, x -> applied.add(x.seq())); }
  };

  private void at(long seq) {
    for (long s = 1; s <= seq; s++) replica.offer(event(s));
    applied.clear();
  }

  private static List<String> stored(long from, long to) {
    List<String> out = new ArrayList<>();
    for (long s = from; s <= to; s++) out.add(Events.stored(s));
    return out;
  }

  @Test
  @DisplayName("appended: the events hold the seqs that end at the answer's")
  void appended() {
    AppendRound.Next next = new AppendRound(0).answered(new AppendResult.Appended(7), 3, 10, replica);
    assertThat(next).isEqualTo(new AppendRound.Next.Appended(5, 7));
  }

  @Test
  @DisplayName("a resent ref hears its first answer; a purged workshop is gone")
  void duplicateAndGone() {
    StoredAnswer first = StoredAnswer.error(Code.RATE_LIMITED, "no");
    assertThat(new AppendRound(0).answered(new AppendResult.Duplicate(first), 1, 0, replica))
        .isEqualTo(new AppendRound.Next.Duplicate(first));
    assertThat(new AppendRound(0).answered(new AppendResult.Gone(), 1, 0, replica))
        .isEqualTo(new AppendRound.Next.Gone());
  }

  @Test
  @DisplayName("a stale answer brings the events that won, so the command decides again at once, without "
      + "another read of the log (c06d822)")
  void staleBringsWhatWasMissed() {
    at(3);
    AppendRound.Next next = new AppendRound(0).answered(new AppendResult.Stale(5, stored(4, 5)), 1, 10, replica);

    assertThat(applied).containsExactly(4L, 5L);
    assertThat(next).isEqualTo(new AppendRound.Next.DecideAgain(false));
  }

  @Test
  @DisplayName("a stale answer that brings only the first of what was missed decides again after reading the log")
  void staleWithPartOfWhatWasMissed() {
    at(3);
    AppendRound.Next next = new AppendRound(0).answered(new AppendResult.Stale(100, stored(4, 67)), 1, 10, replica);
    assertThat(log.seq()).isEqualTo(67);
    assertThat(next).isEqualTo(new AppendRound.Next.DecideAgain(true));
  }

  @Test
  @DisplayName("a command losing the race to another node's backlog round after round is decided again for 5 s, "
      + "however many rounds that takes, and only then given up (c0cc6a8)")
  void givenUpByTimeNotRounds() {
    at(1);
    AppendRound round = new AppendRound(1_000);
    long now = 1_000;
    for (int lost = 0; lost < 40; lost++) {
      now += 100;
      long seq = log.seq();
      AppendRound.Next next = round.answered(new AppendResult.Stale(seq + 1, List.of(Events.stored(seq + 1))), 1, now, replica);
      assertThat(next).as("round %d at %d ms", lost + 1, now - 1_000).isEqualTo(new AppendRound.Next.DecideAgain(false));
    }
    assertThat(round.answered(new AppendResult.Stale(50), 1, 1_000 + AppendRound.CONTENDED_FOR_MS + 1, replica))
        .isEqualTo(new AppendRound.Next.GiveUp());
  }
}
