package org.commonground.resilience;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.commonground.support.Await;
import org.commonground.support.TestNode;
import org.commonground.support.WsClient;

/** Waits for conditions that no event announces (health, metrics), re-checking on a Vert.x timer, with a bound. */
final class Eventually {
  private Eventually() {}

  static void until(Vertx vertx, Duration within, String what, BooleanSupplier condition) {
    Await.until(vertx, within, what, condition);
  }

  /** Lets a period pass (a Redis outage, say) on a Vert.x timer. */
  static void pause(Vertx vertx, long ms) { Await.of(vertx.timer(ms), Duration.ofMillis(ms + 10_000)); }

  static int health(Vertx vertx, TestNode node) { return node.api(vertx).get("/health").status(); }

  /** The value of an unlabelled sample in a node's /metrics. */
  static double metric(TestNode node, String name) {
    for (String line : node.scrape().split("\n")) {
      if (line.startsWith(name + " ")) return Double.parseDouble(line.substring(name.length() + 1).strip());
    }
    throw new AssertionError("no sample " + name + " in /metrics");
  }

  /** The ack or err for a ref, within a bound. */
  static JsonObject answer(WsClient c, String ref, Duration within) {
    return c.await(f -> ("ack".equals(f.getString("t")) || "err".equals(f.getString("t"))) && ref.equals(f.getString("ref")),
        within);
  }

  /** Every ack or err a client received for a ref. */
  static List<JsonObject> answers(WsClient c, String ref) {
    return c.received().stream()
        .filter(f -> ("ack".equals(f.getString("t")) || "err".equals(f.getString("t"))) && ref.equals(f.getString("ref")))
        .toList();
  }

  /** The seq of the last ev a client received, or its welcome's seq. */
  static long lastSeq(WsClient c, long welcomeSeq) {
    List<JsonObject> evs = c.events();
    return evs.isEmpty() ? welcomeSeq : evs.get(evs.size() - 1).getLong("seq");
  }

  /** Waits until a client has received the ev with this seq (looking at everything it received, consuming nothing). */
  static JsonObject seenSeq(WsClient c, long seq) {
    return c.seen(f -> "ev".equals(f.getString("t")) && f.getLong("seq") == seq);
  }

  /** Asserts a client's ev frames are consecutive from {@code after + 1}. */
  static void consecutive(List<JsonObject> events, long after, String who) {
    long expect = after + 1;
    for (JsonObject ev : events) {
      if (ev.getLong("seq") != expect) {
        throw new AssertionError(who + ": expected seq " + expect + " but got " + ev.getLong("seq") + " in " + events);
      }
      expect++;
    }
  }
}
