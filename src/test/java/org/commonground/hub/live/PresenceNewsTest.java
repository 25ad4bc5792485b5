package org.commonground.hub.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PresenceNewsTest {
  private final PresenceNews news = new PresenceNews();

  private static Set<String> online(String... ids) { return new LinkedHashSet<>(List.of(ids)); }

  @Test
  @DisplayName("people already online when the workshop is loaded are not told of as newcomers")
  void known() {
    news.known(online("ann", "bob"));
    assertThat(news.since(online("ann", "bob"), 1_000)).isNull();
    PresenceNews.News n = news.since(online("bob", "cat"), 2_000);
    assertThat(n.online()).isEqualTo(2);
    assertThat(n.joined()).containsExactly("cat");
    assertThat(n.left()).containsExactly("ann");
  }

  @Test
  @DisplayName("someone who leaves and comes back before the frame is sent is no news at all")
  void backBeforeTheFrame() {
    news.known(online("ann"));
    assertThat(news.since(online("ann"), 5_000)).isNull();
  }

  @Test
  @DisplayName("a change is told after the short wait, and never sooner than a second after the last frame")
  void oneFrameASecond() {
    assertThat(news.delay(10_000, 100)).as("no frame yet: the short wait").isEqualTo(100);
    news.since(online("ann"), 10_000);
    assertThat(news.delay(10_200, 100)).as("800 ms left of the second").isEqualTo(800);
    assertThat(news.delay(11_500, 100)).isEqualTo(100);
    news.since(online("ann"), 12_000);
    assertThat(news.delay(12_100, 100)).as("no frame sent at 12 s (nothing changed)").isEqualTo(100);
  }
}
