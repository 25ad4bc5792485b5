package org.commonground.hub.live;

import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.commonground.protocol.SequencedEvent;

/**
 * The order in which one replica applies a workshop's events: strictly seq by seq, early ones held until
 * the gap before them is read from the log, and this node's own echoes dropped while its append is on its
 * way. No I/O: the caller applies what it is handed and reads the log when told to.
 *
 * <p>Everything but {@link #alreadyApplied} runs on the workshop's context; that one is called from the
 * subscriber's thread too, which is why the seq and the append window are volatile.
 */
public final class ReplicaLog {
  private static final String EVENT_PREFIX = "{\"seq\":";

  private final int maxEarly;
  private volatile long seq;
  /**
   * While this node's append is on its way: the last seq it would take (else 0). Redis may echo the
   * append's events to this node's subscriber before the append's own answer arrives; those echoes are
   * dropped unparsed, because the answer brings the same events (appended), or the events that took
   * those seqs instead (stale, with what was missed), or, if no answer comes, a catch-up reads them.
   */
  private volatile long appendingUntil;
  /**
   * The highest seq of an echo dropped that way. Once an append's answer is applied, a dropped echo above
   * the replica's seq (an event that came after a stale answer, or one a failed append says nothing of)
   * is read from the log. Only grows: a value at or below the seq asks nothing.
   */
  private final AtomicLong droppedEcho = new AtomicLong();
  /** Events heard ahead of a gap. Bounded by {@code maxEarly}: past it they are all dropped and read from the log. */
  private final TreeMap<Long, SequencedEvent> early = new TreeMap<>();

  public ReplicaLog(int maxEarly) { this.maxEarly = maxEarly; }

  /** The seq of the last event applied. */
  public long seq() { return seq; }

  /** Whether a channel message is a stored event (anything else is presence or a purge). */
  public static boolean isEvent(String message) { return message.startsWith(EVENT_PREFIX); }

  /**
   * Whether a message from the channel is an event this replica has applied already, or one its own
   * append in flight will bring. Safe from any thread: the seq only grows, so a stale read only means the
   * message is looked at again on the workshop's context.
   */
  public boolean alreadyApplied(String message) {
    if (!isEvent(message)) return false;
    long s = seqOf(message);
    if (s <= seq) return true;
    if (s > appendingUntil) return false;
    // Recorded before the second look: an append that ends after that look finds it when it checks.
    droppedEcho.accumulateAndGet(s, Math::max);
    return s <= appendingUntil;
  }

  /**
   * Takes one event: applies it (and any held events it unblocks) through {@code apply}, in seq order.
   * Returns true when it is past a gap, so the log must be read from {@link #seq()} + 1.
   */
  public boolean offer(SequencedEvent e, Consumer<SequencedEvent> apply) {
    if (e.seq() <= seq) return false;
    if (e.seq() > seq + 1) {
      if (early.size() >= maxEarly) early.clear();
      else early.put(e.seq(), e);
      return true;
    }
    applyOne(e, apply);
    while (!early.isEmpty() && early.firstKey() <= seq + 1) {
      SequencedEvent next = early.pollFirstEntry().getValue();
      if (next.seq() == seq + 1) applyOne(next, apply);
    }
    return false;
  }

  private void applyOne(SequencedEvent e, Consumer<SequencedEvent> apply) {
    apply.accept(e);
    seq = e.seq();
  }

  /** This node is about to append {@code events} events decided against {@link #seq()}. */
  public void appendSent(int events) { appendingUntil = seq + events; }

  /** The append's answer (or failure) is in: echoes are no longer dropped. */
  public void appendAnswered() { appendingUntil = 0; }

  /**
   * Once an answer's events are applied: whether an echo dropped while it was on its way is still
   * missing, so the log must be read.
   */
  public boolean droppedEchoMissing() { return droppedEcho.get() > seq; }

  /** Events held ahead of a gap. */
  public int held() { return early.size(); }

  /** The seq at the front of a stored event ({"seq":N,…}), read without parsing the rest. */
  static long seqOf(String record) {
    long n = 0;
    for (int i = EVENT_PREFIX.length(); i < record.length(); i++) {
      char c = record.charAt(i);
      if (c < '0' || c > '9') break;
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
