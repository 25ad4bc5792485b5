package org.commonground.hub;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import java.nio.charset.StandardCharsets;

/**
 * Writes already-encoded UTF-8 JSON as one WebSocket text frame, through the public API only. Vert.x 5.0
 * makes text frames only from a String, so the JSON of a broadcast is built once and decoded once per
 * event loop that has members ({@link #text}); each socket's frame is then encoded from that String.
 *
 * <p>How it is encoded matters: it is done once per delivery. {@code writeFinalTextFrame} encodes through
 * Netty's character-by-character UTF-8 writer, which a profile of the rooms load put at about a sixth of
 * the server's CPU; {@code writeTextMessage} uses the JDK's {@code String.getBytes}, a block copy for the
 * ASCII that most JSON is. It splits a message longer than the server's frame limit into fragments,
 * though, and the protocol promises one frame per JSON object, so only text certain to fit goes that way
 * (UTF-8 takes at most 3 bytes per Java char). Sending the Buffer as a fragment after an empty text frame
 * would avoid even that copy, but costs a second flush (a system call) per socket, which is dearer.
 */
public final class TextFrames {
  /** The smallest frame limit a server is given (transport sets it at least this large). */
  public static final int MIN_SERVER_FRAME_BYTES = 64 * 1024;
  private static final int SURELY_ONE_FRAME_CHARS = MIN_SERVER_FRAME_BYTES / 3;

  private TextFrames() {}

  /** The frame's text, once for all the sockets it goes to. */
  public static String text(Buffer utf8Json) { return utf8Json.toString(StandardCharsets.UTF_8); }

  public static void write(WebSocketBase ws, String json) {
    if (json.length() <= SURELY_ONE_FRAME_CHARS) ws.writeTextMessage(json);
    else ws.writeFinalTextFrame(json);
  }

  public static void write(WebSocketBase ws, Buffer utf8Json) { write(ws, text(utf8Json)); }
}
