package org.commonground;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.config.AppConfig;
import org.commonground.config.MetricsConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What an operator reads at start-up. */
class MainTest {
  @Test
  @DisplayName("with no organiser key, the start banner says plainly that anyone can create workshops, and how to stop it")
  void openCreationIsAnnounced() {
    String banner = Main.banner(AppConfig.defaults(), 8080, 9464, "redis://127.0.0.1:1");
    assertThat(banner).contains("OPEN TO ANYONE").contains("CG_ORGANISER_KEY");
  }

  @Test
  @DisplayName("with an organiser key, the banner says creation needs it, and never prints the key")
  void keyedCreation() {
    String banner = Main.banner(AppConfig.defaults().withOrganiserKey("s3cret-key"), 8080, 9464, "redis://127.0.0.1:1");
    assertThat(banner).doesNotContain("OPEN TO ANYONE").contains("organiser key").doesNotContain("s3cret-key");
  }

  @Test
  @DisplayName("the banner gives the metrics address apart from the public one")
  void metricsAddress() {
    String banner = Main.banner(AppConfig.defaults().withMetrics(new MetricsConfig("127.0.0.1", 0)), 8080, 41234, "r");
    assertThat(banner).contains("http://127.0.0.1:41234/metrics").doesNotContain("localhost:8080/metrics");
  }

  @Test
  @DisplayName("without a public address, the banner gives phones this machine's network address, not localhost")
  void phonesAddress() {
    String banner = Main.banner(AppConfig.defaults(), 8080, 9464, "r", java.util.List.of("192.168.1.20"), null);
    assertThat(banner).contains("Phones:  http://192.168.1.20:8080/").contains("CG_PUBLIC_URL");
    assertThat(Main.banner(AppConfig.defaults(), 8080, 9464, "r", java.util.List.of(), null))
        .contains("no network address").contains("CG_PUBLIC_URL");
  }

  @Test
  @DisplayName("a node's sockets are on Linux's epoll here, and the banner warns only when they are not")
  void socketsOnEpoll() {
    io.vertx.core.Vertx vertx = Nodes.vertx(new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
        io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));
    try {
      assertThat(vertx.isNativeTransportEnabled()).as("epoll: %s", vertx.unavailableNativeTransportCause()).isTrue();
      assertThat(Nodes.transportWarning(vertx)).isNull();
    } finally {
      vertx.close();
    }
    assertThat(Main.banner(AppConfig.defaults(), 8080, 9464, "r", java.util.List.of(), null)).doesNotContain("Sockets:");
    assertThat(Main.banner(AppConfig.defaults(), 8080, 9464, "r", java.util.List.of(), "Java NIO, not Linux's epoll"))
        .contains("  Sockets: Java NIO, not Linux's epoll");
  }
}
