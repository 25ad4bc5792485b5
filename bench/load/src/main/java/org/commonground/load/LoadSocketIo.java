package org.commonground.load;

import io.vertx.core.http.WebSocket;
import java.util.function.Consumer;

/**
 * The tool's frames inside Socket.IO 4 packets, over Engine.IO v4 on a raw WebSocket, for the Socket.IO
 * comparison target (bench/socketio/server.js). One per connection, on the client's context.
 *
 * <p>The server opens with {@code 0{...}}; the hello goes as the connect packet's auth,
 * {@code 40{"t":"hello","token":...}}; {@code 40{"sid":...}} says connected. The server's frames arrive as
 * events, {@code 42["welcome"|"ev",<frame>]}; a post goes as {@code 42<id>["cmd",<frame>]} and its answer
 * (an ack or err frame) comes back as the Socket.IO ack {@code 43<id>[<frame>]}. Engine.IO's ping
 * {@code 2} is answered {@code 3}. Each frame is handed on as the JSON text the tool's own protocol would
 * carry, so {@link LoadClient} counts deliveries, latencies and acks as it does for the other targets.
 */
final class LoadSocketIo {
  static final String PATH = "/socket.io/?EIO=4&transport=websocket";

  private final WebSocket ws;
  private final Consumer<String> frames;
  private String hello;
  private long ackIds;

  LoadSocketIo(WebSocket ws, Consumer<String> frames) {
    this.ws = ws;
    this.frames = frames;
  }

  /** The hello to send as the connect packet's auth when the server opens the Engine.IO session. */
  void hello(String helloFrame) { hello = helloFrame; }

  /** A command frame, as a Socket.IO event with an ack id. */
  void send(String frame) {
    ws.writeTextMessage("42" + (++ackIds) + "[\"cmd\"," + frame + "]");
  }

  void receive(String p) {
    if (p.isEmpty()) return;
    switch (p.charAt(0)) {
      case '0' -> ws.writeTextMessage("40" + hello); // Engine.IO open: connect to the default namespace
      case '2' -> ws.writeTextMessage("3"); // ping, pong
      case '4' -> message(p);
      case '1' -> ws.close(); // Engine.IO close
      default -> { } // noop and anything else Engine.IO may add
    }
  }

  private void message(String p) {
    char type = p.length() > 1 ? p.charAt(1) : '?';
    switch (type) {
      case '2' -> {
        // 42["name",{...}]: the frame is everything after the name, less the closing bracket.
        int comma = p.indexOf(',');
        if (comma > 0 && p.endsWith("]")) frames.accept(p.substring(comma + 1, p.length() - 1));
      }
      case '3' -> {
        // 43<id>[{...}]
        int open = p.indexOf('[');
        if (open > 0 && p.endsWith("]")) frames.accept(p.substring(open + 1, p.length() - 1));
      }
      case '1', '4' -> ws.close(); // disconnected by the server, or the connect refused (44{"message":...})
      default -> { } // 40{"sid":...}: connected; the welcome event follows
    }
  }
}
