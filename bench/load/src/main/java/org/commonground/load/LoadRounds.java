package org.commonground.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;

/** Several rounds of one target's steady measurement, reduced to the one reported. */
final class LoadRounds {
  private LoadRounds() {}

  /**
   * The round with the median server CPU per delivery (the lower middle of an even count: no round is
   * invented by averaging two), with {@code rounds}: every round's CPU per delivery, p99 and RSS, in the
   * order they ran.
   */
  static JsonObject median(List<JsonObject> rounds) {
    if (rounds.isEmpty()) throw new IllegalArgumentException("no rounds");
    List<JsonObject> sorted = rounds.stream().sorted(Comparator.comparingDouble(LoadRounds::cpu)).toList();
    JsonObject kept = sorted.get((sorted.size() - 1) / 2).copy();
    JsonArray all = new JsonArray();
    for (JsonObject r : rounds) {
      JsonObject w = r.getJsonObject("window");
      all.add(new JsonObject().put("serverCpuMicrosPerDelivered", cpu(r))
          .put("p99Ms", w.getJsonObject("latencyMs").getDouble("p99"))
          .put("serverRssKb", w.getLong("serverRssKb")));
    }
    return kept.put("rounds", all);
  }

  private static double cpu(JsonObject r) { return r.getJsonObject("window").getDouble("serverCpuMicrosPerDelivered"); }
}
