package org.commonground.hub;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.commonground.hub.live.Cursor;
import org.commonground.protocol.CloseCode;
import org.commonground.protocol.EventFrames;
import org.commonground.protocol.SequencedEvent;
import org.commonground.store.WorkshopStore;

/**
 * One workshop's connections on this node and what they are sent: each live event written once per event
 * loop, and the history paged to a member that is catching up, from the frames held in memory or else
 * from the log. Each member's place and held acks are its {@link Cursor}; this class moves the frames.
 * On the workshop's context.
 */
final class Fanout {
  /** Frames sent to a catching-up connection before waiting for its socket to drain. */
  private static final int SYNC_CHUNK = 256;

  private final String id;
  private final Context context;
  private final WorkshopStore store;
  private final HubMetrics metrics;
  private final LongSupplier seq;
  /** The last encoded events, so that a resuming member is served from memory. */
  private final FrameRing ring;
  private final Set<Member> members = new LinkedHashSet<>();

  Fanout(String id, Context context, WorkshopStore store, HubMetrics metrics, int resumeFrames, LongSupplier seq) {
    this.id = id;
    this.context = context;
    this.store = store;
    this.metrics = metrics;
    this.seq = seq;
    this.ring = new FrameRing(resumeFrames);
  }

  boolean isEmpty() { return members.isEmpty(); }

  int size() { return members.size(); }

  boolean remove(Member m) { return members.remove(m); }

  /** Sends a member its welcome, then everything after {@code from} (a resume) before any live event. */
  void welcome(Member m, long from, Buffer welcome) {
    members.add(m);
    m.cursor.welcomedAt(from);
    m.send(welcome);
    if (from < seq.getAsLong()) sync(m);
  }

  /** Frames held for resuming carry words an event takes back: resumes from before it read the log. */
  void forgetHeld() { ring.clear(); }

  /**
   * Holds an event's frame for resumes and writes it to every member it is next for: one task per event
   * loop that has members, the same text to each of its sockets; acks that were waiting for this event
   * follow in their own tasks, so always after it.
   */
  void deliver(long seq, Buffer frame) {
    ring.add(seq, frame);
    Map<Object, List<Member>> byLoop = new IdentityHashMap<>(8);
    List<Member> withAcks = null;
    // Sized for every member at once: in a plenary profile (500 members), growing the lists step by step took
    // 20 of 148 samples (array copies); two lists of that size per event cost next to nothing.
    for (Member m : members) {
      if (!m.accept(seq)) continue;
      List<Member> batch = byLoop.get(m.loopKey());
      if (batch == null) byLoop.put(m.loopKey(), batch = new ArrayList<>(members.size()));
      batch.add(m);
      if (m.cursor.hasPendingAcks()) {
        if (withAcks == null) withAcks = new ArrayList<>();
        withAcks.add(m);
      }
    }
    byLoop.forEach((loop, batch) -> batch.get(0).socketContext.runOnContext(v -> {
      String text = TextFrames.text(frame);
      int written = 0;
      for (Member m : batch) if (m.writeLive(text)) written++;
      metrics.framesDelivered(written);
    }));
    if (withAcks != null) withAcks.forEach(Member::flushAcks);
  }

  void sendAll(Buffer frame) {
    for (Member m : members) m.send(frame);
  }

  /** Closes every connection of one person (after what was queued for them so far). */
  void close(String participantId, short code, String reason) {
    for (Member m : new ArrayList<>(members)) {
      if (m.you.participantId().equals(participantId)) m.close(code, reason);
    }
  }

  void closeAll(short code, String reason) {
    for (Member m : new ArrayList<>(members)) m.close(code, reason);
  }

  /** Closes every connection and forgets them all at once (the workshop is gone). */
  void dropAll(short code, String reason) {
    closeAll(code, reason);
    members.clear();
  }

  /**
   * Sends a member everything between its cursor and our seq, from memory or else from the log, one
   * chunk at a time, each after the socket has taken the last.
   */
  private void sync(Member m) {
    if (!members.contains(m)) return;
    long seq = this.seq.getAsLong();
    List<Buffer> chunk = m.cursor.page(seq, ring::get, SYNC_CHUNK);
    if (!chunk.isEmpty()) {
      m.writeChunk(chunk, () -> context.runOnContext(v -> sync(m)));
      return;
    }
    if (m.cursor.behind(seq)) {
      Contexts.on(context, store.range(id, m.cursor.position() + 1, seq, SYNC_CHUNK)).onComplete(ar -> {
        if (!members.contains(m)) return;
        if (ar.failed() || ar.result().isEmpty()) {
          m.close(CloseCode.SERVER_ERROR.code(), "could not read history; reconnect");
          return;
        }
        List<Buffer> fromLog = new ArrayList<>();
        for (String r : ar.result()) {
          SequencedEvent e = SequencedEvent.parse(r);
          if (m.cursor.fromLog(e.seq())) fromLog.add(EventFrames.encode(e));
        }
        m.writeChunk(fromLog, () -> context.runOnContext(v -> sync(m)));
      });
      return;
    }
    m.cursor.caughtUp(m::send);
  }
}
