package org.commonground.hub.live;

import org.commonground.protocol.SequencedEvent;
import org.commonground.store.AppendResult;
import org.commonground.store.StoredAnswer;

/**
 * The optimistic loop of one command: decide against the replica, append against its seq, and on a stale
 * answer apply what was missed and decide again, until the command is appended, answered before, or has
 * lost the race for too long. This class says what comes next after each append; the driver does it.
 */
public final class AppendRound {
  /**
   * How long a command may keep losing the race for the log's next seq to other nodes before it is given up.
   * A time, not a count of rounds: a node with a backlog appends again the moment each append is answered,
   * so another node's command can lose once per command of that backlog (each loss is one round trip) and
   * still be answered well within this.
   */
  public static final long CONTENDED_FOR_MS = 5_000;

  /** What the driver does after an append's answer. */
  public sealed interface Next {
    /** The events hold seqs {@code first .. last}: apply them, then ack. */
    record Appended(long first, long last) implements Next {}

    /** The ref was answered before: its first answer stands. */
    record Duplicate(StoredAnswer answer) implements Next {}

    /** The workshop no longer exists. */
    record Gone() implements Next {}

    /** Lost the race for too long: the sender is asked to try again. */
    record GiveUp() implements Next {}

    /** Decide again, after reading the log when what came with the stale answer did not reach its seq. */
    record DecideAgain(boolean readLogFirst) implements Next {}
  }

  /** The replica as the loop sees it: its seq, and a way to hand it a stored event. */
  public interface Replica {
    long seq();

    void offer(SequencedEvent e);
  }

  private final long startedAt;

  /** {@code startedAt}: when the command was first decided. */
  public AppendRound(long startedAt) { this.startedAt = startedAt; }

  public Next answered(AppendResult result, int events, long now, Replica replica) {
    if (result instanceof AppendResult.Appended a) return new Next.Appended(a.lastSeq() - events + 1, a.lastSeq());
    if (result instanceof AppendResult.Duplicate d) return new Next.Duplicate(d.answer());
    if (result instanceof AppendResult.Gone) return new Next.Gone();
    if (now - startedAt > CONTENDED_FOR_MS) return new Next.GiveUp();
    AppendResult.Stale stale = (AppendResult.Stale) result;
    // The events that beat this command come with the answer, so it decides again one round trip later,
    // like the winner, instead of two.
    for (String r : stale.missed()) replica.offer(SequencedEvent.parse(r));
    return new Next.DecideAgain(replica.seq() < stale.currentSeq());
  }
}
