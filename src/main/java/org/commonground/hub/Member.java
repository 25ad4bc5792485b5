package org.commonground.hub;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import org.commonground.protocol.ServerFrames.You;
import org.commonground.store.TokenGrant;
import org.commonground.transport.TextFrames;

/**
 * One connection as its live workshop sees it: how far it has been sent the log, and the acks waiting
 * for their events to be sent first. Touched only on the workshop's context.
 */
public final class Member {
  /** Close code for a connection that cannot keep up; the client reconnects and resumes. */
  public static final short CLOSE_TOO_SLOW = 1013;

  private record PendingAck(long seq, Buffer frame) {}

  final ServerWebSocket socket;
  final TokenGrant grant;
  final You you;
  long cursor;
  boolean syncing;
  private final ArrayDeque<PendingAck> acks = new ArrayDeque<>();
  private final HubMetrics metrics;
  private boolean dropped;

  Member(ServerWebSocket socket, TokenGrant grant, You you, HubMetrics metrics) {
    this.socket = socket;
    this.grant = grant;
    this.you = you;
    this.metrics = metrics;
  }

  public TokenGrant grant() { return grant; }

  /** Sends a live event if this connection is exactly one behind it; a syncing one is caught up by its sync. */
  void deliver(long seq, Buffer frame) {
    if (syncing || seq != cursor + 1) return;
    send(frame);
    cursor = seq;
    flushAcks();
  }

  /** Sends an ack once the event it names has been sent: the sender sees its {@code ev} before its ack. */
  void ack(Long seq, Buffer frame) {
    if (seq == null || seq <= cursor) {
      send(frame);
    } else {
      acks.add(new PendingAck(seq, frame));
    }
  }

  void flushAcks() {
    while (!acks.isEmpty() && acks.peek().seq() <= cursor) send(acks.poll().frame());
  }

  /**
   * Writes unless the socket's write queue is past its bound: then the client is too slow to follow
   * and is disconnected (it resumes from its seq), so that no queue grows without bound.
   */
  void send(Buffer frame) {
    if (dropped) return;
    if (socket.writeQueueFull()) {
      dropped = true;
      metrics.slowConsumerDropped();
      socket.close(CLOSE_TOO_SLOW, "too slow to keep up; reconnect and resume");
      return;
    }
    TextFrames.write(socket, frame);
    metrics.frameDelivered();
  }
}
