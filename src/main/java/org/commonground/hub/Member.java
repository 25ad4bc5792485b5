package org.commonground.hub;

import org.commonground.protocol.CloseCode;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import org.commonground.hub.live.Cursor;
import org.commonground.protocol.ServerFrames;
import org.commonground.protocol.ServerFrames.You;
import org.commonground.store.TokenGrant;

/**
 * One connection as its live workshop sees it. The bookkeeping (how far it has been sent the log, the
 * acks waiting for their events) belongs to the workshop's context; the writes themselves run on the
 * socket's own context, in the order the workshop issued them, so that back-pressure is read where the
 * socket lives.
 */
public final class Member {

  final ServerWebSocket socket;
  final Context socketContext;
  /**
   * The key of the event-loop thread the socket lives on ({@link #LOOP_KEY}), once the socket's context
   * has run a task (null until then). Each request gets its own (duplicated) context, so grouping a
   * broadcast by {@code socketContext} would make one task per socket; grouped by this thread, it is one
   * task per event loop. Any of a group's contexts runs the task on that same thread, and the loop runs its
   * tasks in the order given, so a socket's frames stay in order whichever context carries them.
   */
  private volatile Object loopKey;
  /**
   * One key per event-loop thread, made here: grouping by the Thread object itself put an eighth of the
   * plenary profile's samples in System.identityHashCode of those threads (the slow path the JVM takes for
   * an object whose header another thread has locked, it seems: the monitor-deflation thread was busy too),
   * where an object nothing ever locks keeps its hash in its header after the first call.
   */
  private static final ThreadLocal<Object> LOOP_KEY = ThreadLocal.withInitial(Object::new);
  final TokenGrant grant;
  final You you;
  /** How far it has been sent the log, and its acks waiting for their events (on the workshop's context). */
  final Cursor<Buffer> cursor = new Cursor<>();
  private final HubMetrics metrics;
  private volatile boolean dropped;

  Member(ServerWebSocket socket, Context socketContext, TokenGrant grant, You you, HubMetrics metrics) {
    this.socket = socket;
    this.socketContext = socketContext;
    socketContext.runOnContext(v -> loopKey = LOOP_KEY.get());
    this.grant = grant;
    this.you = you;
    this.metrics = metrics;
  }

  public TokenGrant grant() { return grant; }

  /** What to group this member's broadcasts by: its event loop's thread's key, or itself until that is known. */
  Object loopKey() {
    Object k = loopKey;
    return k != null ? k : this;
  }

  /** Whether a live event goes to this member (see {@link Cursor#accept}); the caller writes the frame. */
  boolean accept(long seq) {
    return !dropped && cursor.accept(seq);
  }

  /** Sends an ack once the event it names has been sent: the sender sees its {@code ev} before its ack. */
  void ack(Long seq, Buffer frame) {
    Buffer now = cursor.ack(seq, frame);
    if (now != null) send(now);
  }

  /** Tells the sender how its command went: the error at once, the ack once its event has been sent. */
  void answer(String ref, Outcome outcome) {
    if (outcome instanceof Outcome.Ack a) {
      ack(a.seq(), ServerFrames.ack(ref, a.seq(), a.resultJson()));
    } else if (outcome instanceof Outcome.Error e) {
      send(ServerFrames.err(ref, e.code(), e.message()));
    }
  }

  void flushAcks() { cursor.dueAcks(this::send); }

  /** Queues one frame for this socket. */
  void send(Buffer frame) {
    socketContext.runOnContext(v -> writeLive(frame));
  }

  /**
   * On the socket's context: writes unless the socket's write queue is past its bound. Then the client
   * is too slow to follow and is disconnected (it resumes from its seq), so no queue grows without bound.
   */
  void writeLive(Buffer frame) {
    if (writeLive(TextFrames.text(frame))) metrics.framesDelivered(1);
  }

  /**
   * {@link #writeLive(Buffer)} with the frame's text decoded once for every socket of an event loop; true
   * when written. The caller counts what was delivered, once for the loop's batch rather than per socket.
   */
  boolean writeLive(String frame) {
    if (dropped || socket.isClosed()) return false;
    if (socket.writeQueueFull()) {
      dropped = true;
      metrics.slowConsumerDropped();
      socket.close(CloseCode.TOO_SLOW.code(), "too slow to keep up; reconnect and resume");
      return false;
    }
    TextFrames.write(socket, frame);
    return true;
  }

  /** Closes after everything queued for this socket so far has been written. */
  void close(short code, String reason) {
    socketContext.runOnContext(v -> socket.close(code, reason));
  }

  /**
   * Writes a chunk of history and calls {@code then} once the socket has room again: catching up is paced
   * by the client instead of filling the write queue, so a long resume is never mistaken for a slow consumer.
   */
  void writeChunk(List<Buffer> frames, Runnable then) {
    socketContext.runOnContext(v -> {
      if (dropped || socket.isClosed()) return;
      for (Buffer f : frames) TextFrames.write(socket, f);
      metrics.framesDelivered(frames.size());
      if (socket.writeQueueFull()) {
        socket.drainHandler(x -> {
          socket.drainHandler(null);
          then.run();
        });
      } else {
        then.run();
      }
    });
  }
}
