package org.commonground.transport;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.commonground.config.MetricsConfig;

/**
 * {@code GET /metrics} (Prometheus text) on its own address ({@code metrics.host}:{@code metrics.port}),
 * never on the public router: traffic figures and live workshop counts are for the operator's scraper,
 * and a separate port can be kept private without a proxy rule that someone may forget.
 */
public final class MetricsEndpoint {
  /** Scrapers ask every few seconds; a connection quiet this long is let go. */
  private static final int IDLE_SECONDS = 60;

  private MetricsEndpoint() {}

  /** Listens; the server's {@code actualPort()} is the one taken when {@code metrics.port} is 0. */
  public static Future<HttpServer> start(Vertx vertx, MetricsConfig config, PrometheusMeterRegistry registry) {
    HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port())
        .setIdleTimeout(IDLE_SECONDS);
    return vertx.createHttpServer(options).requestHandler(req -> {
      var response = req.response().putHeader("X-Content-Type-Options", "nosniff");
      if (req.path().equals("/metrics")) {
        response.putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape());
      } else {
        response.setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8")
            .end("only /metrics is served here\n");
      }
    }).listen().recover(err -> Future.failedFuture(new IllegalStateException("metrics port " + config.port()
        + " on " + config.host() + " cannot be used (" + err.getMessage()
        + "); set CG_METRICS_PORT to a free one (0 picks one)", err)));
  }
}
