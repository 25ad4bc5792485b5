package org.commonground.hub.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * How far one connection has been sent its workshop's log, and the acks waiting for their events: the
 * fan-out bookkeeping of one member, without the socket. {@code F} is an encoded frame.
 *
 * <p>A member gets live events only while it is exactly one behind and not catching up; a catching-up
 * member is paged through the history instead ({@link #page}); an ack goes out only once the event it
 * names has, so a sender always sees its {@code ev} before its {@code ack}.
 */
public final class Cursor<F> {
  private record PendingAck<F>(long seq, F frame) {}

  private long position;
  private boolean syncing;
  /** At most one per queued command of this member (the command queue is bounded). */
  private final ArrayDeque<PendingAck<F>> acks = new ArrayDeque<>();

  /**
   * The seq a welcome starts from: the client's own when it resumes in this epoch, from a seq the replica
   * has, and not before the token's first welcome ({@code since}: nobody replays what happened before
   * they came); else -1 (it is sent the full state at {@code seq}).
   */
  public static long resumeFrom(String resumeEpoch, long resumeSeq, String epoch, long seq, long since) {
    boolean resumes = resumeEpoch != null && resumeEpoch.equals(epoch) && resumeSeq <= seq && resumeSeq >= since;
    return resumes ? resumeSeq : -1;
  }

  public long position() { return position; }

  /** Where the member was welcomed: everything after this is sent to it, live or paged. */
  public void welcomedAt(long seq) { position = seq; }

  /** Whether a live event goes to this member; moves the cursor when it does. */
  public boolean accept(long seq) {
    if (syncing || seq != position + 1) return false;
    position = seq;
    return true;
  }

  /** The ack to send now, or null when it waits for its event ({@code seq} null: nothing appended). */
  public F ack(Long seq, F frame) {
    if (seq == null || seq <= position) return frame;
    acks.add(new PendingAck<>(seq, frame));
    return null;
  }

  /** Hands out every held ack whose event has been sent. */
  public void dueAcks(Consumer<F> send) {
    while (!acks.isEmpty() && acks.peek().seq() <= position) send.accept(acks.poll().frame());
  }

  public boolean hasPendingAcks() { return !acks.isEmpty(); }

  /**
   * The next frames of history up to {@code seq}, from those held in memory, at most {@code max}: the
   * cursor moves past them. Empty when the next one is not held (read it from the log) or none is due.
   * While a member is paged it gets no live events.
   */
  public List<F> page(long seq, LongFunction<F> held, int max) {
    syncing = true;
    List<F> chunk = new ArrayList<>();
    while (position < seq && chunk.size() < max) {
      F frame = held.apply(position + 1);
      if (frame == null) break;
      chunk.add(frame);
      position++;
    }
    return chunk;
  }

  /** Takes one event read from the log while paging: true (and the cursor moves) when it is the next one. */
  public boolean fromLog(long seq) {
    if (seq != position + 1) return false;
    position = seq;
    return true;
  }

  public boolean behind(long seq) { return position < seq; }

  /** Paging is over: live events flow again, and the acks held for what was paged go out. */
  public void caughtUp(Consumer<F> send) {
    syncing = false;
    dueAcks(send);
  }
}
