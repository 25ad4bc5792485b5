package org.commonground.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class TextFramesTest {

  @Test
  @DisplayName("short and long JSON, ASCII or not, each reach the client as one whole text frame")
  void oneFrameEach(Vertx vertx, VertxTestContext test) {
    String small = "{\"t\":\"ev\",\"text\":\"Paned o de, diolch \u2615\"}";
    String atEdge = "{\"t\":\"ev\",\"text\":\"" + "ŵ".repeat(TextFrames.MIN_SERVER_FRAME_BYTES / 3 - 20) + "\"}";
    String large = "{\"t\":\"welcome\",\"text\":\"" + "a".repeat(TextFrames.MIN_SERVER_FRAME_BYTES * 2) + "\"}";
    List<String> sent = List.of(small, atEdge, large);
    HttpServer server = vertx.createHttpServer(new HttpServerOptions()
        .setMaxWebSocketFrameSize(TextFrames.MIN_SERVER_FRAME_BYTES)
        .setMaxWebSocketMessageSize(TextFrames.MIN_SERVER_FRAME_BYTES * 4));
    server.webSocketHandler(ws -> sent.forEach(s -> TextFrames.write(ws, s)));
    List<WebSocketFrame> frames = new ArrayList<>();
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxFrameSize(TextFrames.MIN_SERVER_FRAME_BYTES * 4).setMaxMessageSize(TextFrames.MIN_SERVER_FRAME_BYTES * 4));
    server.listen(0, "127.0.0.1")
        .compose(s -> client.connect(s.actualPort(), "127.0.0.1", "/"))
        .onComplete(test.succeeding(ws -> ws.frameHandler(f -> {
          frames.add(f);
          if (frames.size() < sent.size()) return;
          test.verify(() -> {
            assertThat(frames).allSatisfy(x -> {
              assertThat(x.isText()).isTrue();
              assertThat(x.isFinal()).isTrue();
            });
            assertThat(frames.stream().map(WebSocketFrame::textData).toList()).isEqualTo(sent);
          });
          test.completeNow();
        })));
  }
}
