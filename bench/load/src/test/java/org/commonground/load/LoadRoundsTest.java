package org.commonground.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoadRoundsTest {
  private static JsonObject round(String name, double cpu) {
    return new JsonObject().put("name", name).put("window", new JsonObject().put("serverCpuMicrosPerDelivered", cpu)
        .put("serverRssKb", 1000L).put("latencyMs", new JsonObject().put("p99", 5.0)));
  }

  @Test
  @DisplayName("the reported round is the median by CPU per delivery, with every round listed in the order run")
  void medianRound() {
    JsonObject kept = LoadRounds.median(List.of(round("a", 51.0), round("b", 40.4), round("c", 42.3)));
    assertThat(kept.getString("name")).isEqualTo("c");
    assertThat(kept.getJsonArray("rounds").stream().map(o -> ((JsonObject) o).getDouble("serverCpuMicrosPerDelivered")))
        .containsExactly(51.0, 40.4, 42.3);
  }

  @Test
  @DisplayName("of an even number of rounds the lower middle one is kept, never an average of two")
  void evenRounds() {
    assertThat(LoadRounds.median(List.of(round("a", 50.0), round("b", 40.0))).getString("name")).isEqualTo("b");
    assertThat(LoadRounds.median(List.of(round("only", 44.0))).getJsonArray("rounds")).hasSize(1);
  }
}
