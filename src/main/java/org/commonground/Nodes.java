package org.commonground;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/** The Vert.x a node runs on, made the same way by {@link Main} and by the tests' nodes. */
public final class Nodes {
  private Nodes() {}

  /**
   * Metrics into {@code registry}, and Linux's epoll for the sockets where it loads (Java NIO elsewhere): a
   * node's cost is mostly one socket write per connection per event, and epoll did the rooms load with about
   * a fifth less CPU than NIO's selector (docs/performance.md).
   */
  public static Vertx vertx(PrometheusMeterRegistry registry) {
    return Vertx.builder()
        .with(new VertxOptions().setPreferNativeTransport(true)
            .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  /** A line for the start banner when the sockets are not on epoll, else null. */
  public static String transportWarning(Vertx vertx) {
    if (vertx.isNativeTransportEnabled()) return null;
    Throwable why = vertx.unavailableNativeTransportCause();
    return "Java NIO, not Linux's epoll" + (why == null ? "" : " (" + why + ")")
        + ": expect about a third more CPU per message";
  }
}
