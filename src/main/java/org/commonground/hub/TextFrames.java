package org.commonground.hub;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import java.nio.charset.StandardCharsets;

/**
 * Writes already-encoded UTF-8 JSON as a WebSocket text frame, through the public API only. Vert.x 5.0
 * makes text frames only from a String, so the JSON of a broadcast is built once and decoded once per
 * event loop that has members ({@link #text}); each socket's frame is then copied from that String by
 * Vert.x. Sending the Buffer as a fragment after an empty text frame would avoid that copy, but costs a
 * second flush (a system call) per socket, which is dearer.
 */
public final class TextFrames {
  private TextFrames() {}

  /** The frame's text, once for all the sockets it goes to. */
  public static String text(Buffer utf8Json) { return utf8Json.toString(StandardCharsets.UTF_8); }

  public static void write(WebSocketBase ws, String json) { ws.writeFinalTextFrame(json); }

  public static void write(WebSocketBase ws, Buffer utf8Json) { write(ws, text(utf8Json)); }
}
