package org.commonground.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.commonground.support.Api;
import org.commonground.support.LiveNode;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Broken text on the wire. A WebSocket text frame built from a Java String is always valid UTF-8 (the
 * client library encodes it, turning a lone surrogate into '?'), so invalid UTF-8 cannot be sent from
 * here; what a client can send is JSON escapes of unpaired surrogates ("\ud800"), which decode to a Java
 * String no UTF-8 encoder can write, and control characters, which JSON escapes carry fine.
 */
@ExtendWith(VertxExtension.class)
class BrokenTextTest {
  @RegisterExtension
  static final LiveNode a = LiveNode.create();
  static final LiveNode b = a.sibling();

  private static String cmd(String refJson, String name, String argsJson) {
    return "{\"t\":\"cmd\",\"ref\":" + refJson + ",\"name\":\"" + name + "\",\"args\":" + argsJson + "}";
  }

  private static JsonObject nextAnswer(WsClient c) {
    return c.await(f -> "ack".equals(f.getString("t")) || "err".equals(f.getString("t")));
  }

  private static String textOf(JsonObject ev) {
    return ev.getJsonObject("data").getJsonObject("contribution").getString("text");
  }

  @Test
  @DisplayName("control characters, zero-width and right-to-left marks and characters outside the BMP reach every client "
      + "on every node exactly as sent")
  void oddButValidTextPassesThrough(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created w = api.create("Odd text");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient s = a.join(vertx, sam);
         WsClient onB = b.join(vertx, w.facilitatorToken())) {
      for (String text : List.of("bell\u0007 escape\u001b[31m red", "nul\u0000inside", "\u202eright to left\u202c",
          "zero\u200bwidth", "tea \uD83C\uDF75 and \uD834\uDD1E")) {
        JsonObject ack = s.call("contribution.add", new JsonObject().put("text", text));
        assertThat(ack.getString("t")).as("%s", ack).isEqualTo("ack");
        assertThat(textOf(Eventually.seenSeq(onB, ack.getLong("seq")))).isEqualTo(text);
        assertThat(textOf(Eventually.seenSeq(s, ack.getLong("seq")))).isEqualTo(text);
      }
    }
  }

  @Test
  @DisplayName("a ref holding an unpaired surrogate is refused, or answered under that very ref: it is never taken for "
      + "another command's ref, so no post is acknowledged without being applied")
  void loneSurrogateRefs(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created w = api.create("Broken refs");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient s = a.join(vertx, sam)) {
      record Sent(String ref, String refJson, String name, String args, String text) {}
      List<Sent> sent = List.of(
          new Sent("\ud800", "\"\\ud800\"", "hand.raise", "{}", null),
          new Sent("\udc00", "\"\\udc00\"", "contribution.add", "{\"text\":\"second\"}", "second"),
          new Sent("?", "\"?\"", "contribution.add", "{\"text\":\"third\"}", "third"));
      for (Sent x : sent) {
        s.sendText(cmd(x.refJson(), x.name(), x.args()));
        JsonObject reply = nextAnswer(s);
        if ("ack".equals(reply.getString("t"))) {
          assertThat(codePoints(reply.getString("ref"))).as("the ack for %s names its own ref", x.name())
              .isEqualTo(codePoints(x.ref()));
        } else {
          assertThat(reply.getString("code")).as("%s", reply).isEqualTo("INVALID");
        }
      }
      // Every acknowledged post is there.
      try (WsClient fresh = a.connect(vertx)) {
        List<String> texts = fresh.hello(w.facilitatorToken()).getJsonObject("state").getJsonArray("contributions").stream()
            .map(o -> ((JsonObject) o).getString("text")).toList();
        for (JsonObject ack : s.received().stream().filter(f -> "ack".equals(f.getString("t"))).toList()) {
          sent.stream().filter(x -> x.ref().equals(ack.getString("ref")) && x.text() != null)
              .forEach(x -> assertThat(texts).contains(x.text()));
        }
      }
    }
  }

  @Test
  @DisplayName("text holding an unpaired surrogate is the same for every client on every node, live and in a fresh welcome, "
      + "and the same edit is decided alike wherever it lands")
  void loneSurrogateTextIsTheSameOnEveryNode(Vertx vertx) {
    Api api = a.api(vertx);
    Api.Created w = api.create("Broken text");
    String sam = api.join(w.joinCode(), "Sam", null);
    try (WsClient onA = a.join(vertx, sam);
         WsClient onB = b.join(vertx, sam)) {
      String id = null;
      String seen = null;
      for (String escaped : List.of("\\udfff", "a\\ud800b", "ends with \\ud800")) {
        String ref = "post-" + escaped.hashCode();
        onA.sendText(cmd("\"" + ref + "\"", "contribution.add", "{\"text\":\"" + escaped + "\"}"));
        JsonObject posted = onA.reply(ref);
        if ("err".equals(posted.getString("t"))) {
          assertThat(posted.getString("code")).as("%s", posted).isEqualTo("INVALID");
          continue;
        }
        String onNodeB = textOf(Eventually.seenSeq(onB, posted.getLong("seq")));
        String onNodeA = textOf(Eventually.seenSeq(onA, posted.getLong("seq")));
        assertThat(codePoints(onNodeA)).as("%s as clients of node A and of node B get it", escaped).isEqualTo(codePoints(onNodeB));
        if (id == null) {
          id = posted.getJsonObject("result").getString("id");
          seen = onNodeB;
        }
      }
      List<String> welcomeA = texts(vertx, a, w.facilitatorToken());
      assertThat(welcomeA.stream().map(BrokenTextTest::codePoints).toList())
          .isEqualTo(texts(vertx, b, w.facilitatorToken()).stream().map(BrokenTextTest::codePoints).toList());
      if (id == null) return;
      JsonObject edit = new JsonObject().put("id", id).put("text", seen);
      JsonObject viaB = onB.call("contribution.edit", edit);
      JsonObject viaA = onA.call("contribution.edit", edit);
      assertThat(viaA.getValue("seq")).as("editing to the text everyone sees, on node A: %s (on node B: %s)", viaA, viaB)
          .isEqualTo(viaB.getValue("seq"));
    }
  }

  private static List<String> texts(Vertx vertx, LiveNode node, String token) {
    return node.welcome(vertx, token).getJsonObject("state").getJsonArray("contributions").stream()
        .map(o -> ((JsonObject) o).getString("text")).toList();
  }

  /** Code points in hex: an assertion message that survives a report file. */
  static List<String> codePoints(String s) {
    return s.codePoints().mapToObj(Integer::toHexString).toList();
  }
}
