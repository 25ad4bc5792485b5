package org.commonground.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class OneTimerTest {

  @Test
  @DisplayName("set while it waits changes nothing; once it has fired it can be set again")
  void setOnce(Vertx vertx, VertxTestContext test) {
    List<String> ran = new ArrayList<>();
    vertx.runOnContext(v -> {
      OneTimer timer = new OneTimer(vertx);
      timer.set(10, () -> {
        ran.add("first");
        timer.set(1, () -> test.verify(() -> {
          assertThat(ran).containsExactly("first");
          test.completeNow();
        }));
      });
      timer.set(1, () -> ran.add("second"));
    });
  }

  @Test
  @DisplayName("a cancelled timer never fires, and can be set again at once")
  void cancel(Vertx vertx, VertxTestContext test) {
    List<String> ran = new ArrayList<>();
    vertx.runOnContext(v -> {
      OneTimer timer = new OneTimer(vertx);
      timer.set(1, () -> ran.add("cancelled"));
      timer.cancel();
      timer.set(20, () -> test.verify(() -> {
        assertThat(ran).isEmpty();
        test.completeNow();
      }));
    });
  }
}
