package org.commonground.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.commonground.support.Api;
import org.commonground.support.TestNode;
import org.commonground.support.TestRedis;
import org.commonground.support.WsClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Six people on two nodes working at once, two of them facilitators moving the agenda: whatever order the
 * nodes settle on, everyone must hear the same events in it, and what each client builds from them must
 * be what a fresh welcome says. Each client's choices come from a seeded Random (which command, which
 * ids); how the six interleave is up to the machine, so a failing run prints its seed and the interleaving
 * it saw is in the assertion message.
 */
@ExtendWith(VertxExtension.class)
class ConsistencyTest {
  static final long DEFAULT_SEED = 424_242L;
  static final int COMMANDS_PER_CLIENT = 50;

  private static final List<String> WORDS = List.of("access", "waiting", "carers", "respite", "trust", "language",
      "transport", "listening", "money", "time", "choice", "dignity", "housing", "family", "peer", "support");

  /** One of the six: its connection, welcome and what it has learnt from its own events. */
  static final class Person {
    final String name;
    final boolean facilitator;
    final WsClient client;
    final JsonObject welcome;
    final List<String> mine = new ArrayList<>();
    final Map<String, Integer> outcomes = new TreeMap<>();

    Person(String name, boolean facilitator, WsClient client, JsonObject welcome) {
      this.name = name;
      this.facilitator = facilitator;
      this.client = client;
      this.welcome = welcome;
    }

    /** Contribution and theme ids this client has seen added and not removed. */
    List<List<String>> known() {
      List<String> contributions = new ArrayList<>();
      List<String> themes = new ArrayList<>();
      for (JsonObject ev : client.events()) {
        JsonObject d = ev.getJsonObject("data");
        switch (ev.getString("name")) {
          case "contribution.added" -> contributions.add(d.getJsonObject("contribution").getString("id"));
          case "contribution.removed" -> contributions.remove(d.getString("id"));
          case "theme.created" -> themes.add(d.getJsonObject("theme").getString("id"));
          case "theme.removed" -> themes.remove(d.getString("id"));
          default -> { }
        }
      }
      return List.of(contributions, themes);
    }
  }

  private static String phrase(Random rnd) {
    StringBuilder b = new StringBuilder();
    int n = 1 + rnd.nextInt(5);
    for (int i = 0; i < n; i++) b.append(i == 0 ? "" : " ").append(WORDS.get(rnd.nextInt(WORDS.size())));
    return b.toString();
  }

  private static <T> T pick(Random rnd, List<T> xs) { return xs.get(rnd.nextInt(xs.size())); }

  /** The next command this person would send, given what it knows. */
  static Map.Entry<String, JsonObject> choose(Random rnd, Person p) {
    List<List<String>> known = p.known();
    List<String> cs = known.get(0);
    List<String> ts = known.get(1);
    int r = rnd.nextInt(100);
    if (p.facilitator && r < 20) {
      return switch (rnd.nextInt(4)) {
        case 0 -> Map.entry("phase.next", new JsonObject());
        case 1 -> Map.entry("phase.prev", new JsonObject());
        case 2 -> Map.entry("phase.goto", new JsonObject().put("index", rnd.nextInt(3)));
        default -> Map.entry("theme.rename", new JsonObject().put("id", ts.isEmpty() ? "t1" : pick(rnd, ts))
            .put("label", phrase(rnd)));
      };
    }
    if (p.facilitator && r < 23 && !ts.isEmpty()) return Map.entry("theme.delete", new JsonObject().put("id", pick(rnd, ts)));
    if (r < 30 || cs.isEmpty()) {
      JsonObject args = new JsonObject().put("text", phrase(rnd));
      if (rnd.nextInt(5) == 0) args.put("anonymous", true);
      return Map.entry("contribution.add", args);
    }
    if (r < 38 && !p.mine.isEmpty()) {
      return Map.entry("contribution.edit", new JsonObject().put("id", pick(rnd, p.mine)).put("text", phrase(rnd)));
    }
    if (r < 42 && !p.mine.isEmpty()) {
      return Map.entry("contribution.withdraw", new JsonObject().put("id", pick(rnd, p.mine)));
    }
    if (r < 56) {
      return Map.entry("reaction.toggle", new JsonObject().put("contributionId", pick(rnd, cs))
          .put("reaction", pick(rnd, List.of("agree", "heart", "insight", "question"))));
    }
    if (r < 64) {
      JsonArray ids = new JsonArray();
      for (int i = 0; i < 1 + rnd.nextInt(3); i++) ids.add(pick(rnd, cs));
      return Map.entry("theme.create", new JsonObject().put("label", phrase(rnd)).put("contributionIds", ids));
    }
    if (r < 76) {
      String theme = ts.isEmpty() || rnd.nextInt(6) == 0 ? null : pick(rnd, ts);
      return Map.entry("contribution.move", new JsonObject().put("id", pick(rnd, cs)).put("themeId", theme));
    }
    if (r < 90) {
      List<String> targets = new ArrayList<>(cs);
      targets.addAll(ts);
      return Map.entry("vote.cast", new JsonObject().put("targetId", pick(rnd, targets)));
    }
    if (r < 95) {
      List<String> targets = new ArrayList<>(cs);
      targets.addAll(ts);
      return Map.entry("vote.retract", new JsonObject().put("targetId", pick(rnd, targets)));
    }
    return rnd.nextBoolean() ? Map.entry("hand.raise", new JsonObject())
        : Map.entry("ready.set", new JsonObject().put("ready", rnd.nextBoolean()));
  }

  @Test
  @DisplayName("six clients on two nodes sending a few hundred concurrent commands (posts, edits, withdrawals, reactions, themes, "
      + "moves, votes, two facilitators moving the agenda) all hear one sequence of events, and each one's fold of it is a fresh welcome's state")
  void everyoneAgrees(Vertx vertx) throws Exception {
    long seed = Long.getLong("cg.consistency.seed", DEFAULT_SEED);
    System.out.printf("ConsistencyTest seed %d (rerun with -Dcg.consistency.seed=%d)%n", seed, seed);
    // Rate limits are not the point here: every command should be decided on its merits.
    try (TestRedis redis = new TestRedis();
         TestNode a = TestNode.start(redis.url(), c -> c.withLimits(c.limits().withCommandRate(10_000, 10_000)));
         TestNode b = TestNode.start(redis.url(), c -> c.withLimits(c.limits().withCommandRate(10_000, 10_000)))) {
      Api api = a.api(vertx);
      JsonArray all = new JsonArray().add("contribute").add("group").add("vote").add("react").add("poll").add("hand");
      JsonArray phases = new JsonArray();
      for (String title : List.of("Explore", "Group", "Decide")) {
        phases.add(new JsonObject().put("title", title).put("minutes", 20).put("allow", all));
      }
      Api.Created w = api.create(new JsonObject().put("title", "Consistency").put("phases", phases));
      String cofacilitator = api.post("/api/workshops/" + w.id() + "/facilitators", new JsonObject().put("name", "Priya"),
          w.facilitatorToken()).body().getString("token");
      List<String> participants = new ArrayList<>();
      for (int i = 1; i <= 4; i++) participants.add(api.join(w.joinCode(), "P" + i, List.of("carers", "professionals").get(i % 2)));

      List<Person> people = new ArrayList<>();
      List<String> tokens = new ArrayList<>(List.of(w.facilitatorToken(), cofacilitator));
      tokens.addAll(participants);
      for (int i = 0; i < tokens.size(); i++) {
        WsClient c = WsClient.connect(vertx, (i % 2 == 0 ? a : b).port());
        people.add(new Person(i < 2 ? "facilitator " + (i + 1) : "P" + (i - 1), i < 2, c, c.hello(tokens.get(i))));
      }
      try {
        long started = people.get(0).client.call("phase.start", new JsonObject()).getLong("seq");
        for (Person p : people) Eventually.seenSeq(p.client, started);

        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        AtomicLong last = new AtomicLong(started);
        Map<String, Integer> totals = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
          Person p = people.get(i);
          Random rnd = new Random(seed * 31 + i);
          runs.add(CompletableFuture.runAsync(() -> {
            for (int k = 0; k < COMMANDS_PER_CLIENT; k++) {
              Map.Entry<String, JsonObject> cmd = choose(rnd, p);
              JsonObject reply = p.client.call(cmd.getKey(), cmd.getValue());
              String outcome = "ack".equals(reply.getString("t")) ? "ack" : reply.getString("code");
              if ("INTERNAL".equals(outcome)) throw new AssertionError(p.name + " " + cmd + " -> " + reply);
              p.outcomes.merge(cmd.getKey() + " " + outcome, 1, Integer::sum);
              totals.merge(outcome, 1, Integer::sum);
              if ("ack".equals(outcome) && reply.getValue("seq") != null) last.accumulateAndGet(reply.getLong("seq"), Math::max);
              if ("ack".equals(outcome) && cmd.getKey().equals("contribution.add")) {
                p.mine.add(reply.getJsonObject("result").getString("id"));
              }
              if ("ack".equals(outcome) && cmd.getKey().equals("contribution.withdraw")) {
                p.mine.remove(cmd.getValue().getString("id"));
              }
            }
          }, pool));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        pool.shutdown();
        System.out.printf("ConsistencyTest: %d commands, outcomes %s, last seq %d%n",
            people.size() * COMMANDS_PER_CLIENT, new TreeMap<>(totals), last.get());
        assertThat(totals.getOrDefault("ack", 0)).as("acknowledged commands").isGreaterThan(people.size() * COMMANDS_PER_CLIENT / 3);

        // One sequence for everyone: consecutive, and the same events in the same order on every client.
        long end = last.get();
        long commonStart = people.stream().mapToLong(p -> p.welcome.getLong("seq")).max().orElseThrow();
        List<JsonObject> reference = null;
        for (Person p : people) {
          Eventually.seenSeq(p.client, end);
          List<JsonObject> evs = p.client.events();
          Eventually.consecutive(evs.stream().filter(e -> e.getLong("seq") <= end).toList(), p.welcome.getLong("seq"), p.name);
          List<JsonObject> window = evs.stream().filter(e -> e.getLong("seq") > commonStart && e.getLong("seq") <= end).toList();
          if (reference == null) reference = window;
          else assertThat(window).as("%s's events against facilitator 1's", p.name).isEqualTo(reference);
        }
        assertThat(reference.stream().map(e -> e.getString("name")).toList())
            .as("the run moved the agenda, grouped and voted").contains("phase.changed", "theme.created", "votes.changed");

        // What each client built from its welcome and its events is what a fresh welcome says, on either node.
        for (TestNode n : List.of(a, b)) {
          for (String token : List.of(w.facilitatorToken(), participants.get(0))) {
            JsonObject fresh;
            try (WsClient c = WsClient.connect(vertx, n.port())) {
              fresh = c.hello(token);
            }
            long at = fresh.getLong("seq");
            assertThat(at).isGreaterThanOrEqualTo(end);
            JsonObject expected = WorkshopView.of(fresh).summary();
            for (Person p : people) {
              Eventually.seenSeq(p.client, at);
              JsonObject folded = WorkshopView.of(p.welcome).applyAll(p.client.events(), at).summary();
              assertThat(folded).as("%s's fold up to seq %d against a fresh welcome", p.name, at).isEqualTo(expected);
            }
          }
        }
      } finally {
        people.forEach(p -> p.client.close());
      }
    }
  }

}
