package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.junit5.VertxExtension;
import org.commonground.support.Await;
import org.commonground.support.LiveNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Browsers always ask for permessage-deflate; the server declines, so each broadcast is encoded once and
 * the same bytes go to every socket (see docs/performance.md for what compressing per socket cost).
 */
@ExtendWith(VertxExtension.class)
class NoCompressionTest {
  @RegisterExtension
  static final LiveNode node = LiveNode.create();

  @Test
  @DisplayName("a client asking for compressed frames, as browsers do, gets plain ones")
  void declined(Vertx vertx) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setTryUsePerMessageCompression(true));
    try {
      WebSocket ws = Await.of(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.port())
          .setURI("/ws")));
      assertThat(ws.headers().get("Sec-WebSocket-Extensions")).as("extensions the server accepted").isNull();
      Await.of(ws.close());
    } finally {
      client.close();
    }
  }
}
