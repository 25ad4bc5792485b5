package org.commonground.transport;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * Writes already-encoded UTF-8 JSON as a WebSocket text frame. The public API makes text frames only
 * from a String, which would re-encode a broadcast for every socket; this wraps the one encoded Buffer
 * instead (each frame gets its own slice of the same bytes, which Netty cannot release under another
 * socket). This is the one place that touches Vert.x internals.
 */
public final class TextFrames {
  private TextFrames() {}

  public static void write(WebSocketBase ws, Buffer utf8Json) {
    ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, ((BufferInternal) utf8Json).getByteBuf(), true));
  }
}
