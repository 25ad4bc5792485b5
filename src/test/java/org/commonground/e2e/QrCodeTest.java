package org.commonground.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.commonground.config.HttpConfig;
import org.commonground.support.Api;
import org.commonground.transport.NetworkAddresses;
import org.commonground.support.LiveNode;
import org.commonground.support.RawHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The QR code on the display is scanned by a room full of people who never see the address it holds, so
 * it must not come from whatever Host header a request carried (one forged request, cached publicly,
 * would send them all to another site). It comes from configuration, or the address the node really
 * listens on, and no shared cache may keep it. HttpApiConfiguredTest checks the public-URL case.
 */
@ExtendWith(VertxExtension.class)
class QrCodeTest {
  static final String LISTED = "http://workshops.test:8080";

  @RegisterExtension
  static final LiveNode plain = LiveNode.create();
  static final LiveNode listed = plain.sibling(c -> c.withHttp(new HttpConfig(c.http().host(), c.http().port(), null,
      List.of(LISTED))));

  private static RawHttp.Response qr(LiveNode node, String id, String host) {
    return RawHttp.exchange(node.port(), "GET", "/api/workshops/" + id + "/qr.svg", Map.of("Host", host), null);
  }

  @Test
  @DisplayName("with nothing configured, a forged Host header does not reach the QR code: it holds the machine's own address")
  void forgedHostIgnored(Vertx vertx) {
    Api.Created w = plain.api(vertx).create("Poster");
    String code = w.joinCode().replace("-", "");
    for (String host : List.of("evil.example", "evil.example:" + plain.port(), "127.0.0.1.evil.example")) {
      RawHttp.Response r = qr(plain, w.id(), host);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).as("Host %s", host).doesNotContain("evil")
          .contains(machine(plain) + "/j/" + code);
    }
  }

  @Test
  @DisplayName("the QR code is private to the browser that asked: no shared cache keeps it")
  void notPubliclyCached(Vertx vertx) {
    Api.Created w = plain.api(vertx).create("Cached");
    RawHttp.Response r = qr(plain, w.id(), "127.0.0.1:" + plain.port());
    assertThat(r.header("Cache-Control")).isNotNull().startsWith("private").doesNotContain("public");
  }

  @Test
  @DisplayName("a Host that is one of the allowed origins is used as it is; any other is not")
  void allowedOriginUsed(Vertx vertx) {
    Api.Created w = listed.api(vertx).create("Listed");
    String code = w.joinCode().replace("-", "");
    assertThat(qr(listed, w.id(), "workshops.test:8080").body()).contains(LISTED + "/j/" + code);
    assertThat(qr(listed, w.id(), "workshops.test:8081").body()).doesNotContain("workshops.test")
        .contains(machine(listed) + "/j/" + code);
  }

  /**
   * The node's own address as a phone would need it: the request reached loopback, so the QR code holds
   * this machine's network address instead (loopback only on a machine with none).
   */
  private static String machine(LiveNode n) {
    List<String> reachable = NetworkAddresses.reachable();
    return "http://" + (reachable.isEmpty() ? "127.0.0.1" : reachable.get(0)) + ":" + n.port();
  }
}
