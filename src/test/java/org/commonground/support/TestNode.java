package org.commonground.support;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.commonground.hub.ThemeHelp;
import org.commonground.Nodes;
import org.commonground.Server;
import org.commonground.config.AppConfig;
import org.commonground.config.HttpConfig;
import org.commonground.config.MetricsConfig;
import org.commonground.config.RedisConfig;

/** One server node with its own Vert.x, on a free port, against a given Redis: as in production. */
public final class TestNode implements AutoCloseable {
  private final Vertx vertx;
  private final Server server;
  private final PrometheusMeterRegistry registry;

  private TestNode(Vertx vertx, Server server, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.server = server;
    this.registry = registry;
  }

  public static TestNode start(String redisUrl) { return start(redisUrl, c -> c); }

  public static TestNode start(String redisUrl, UnaryOperator<AppConfig> tweak) {
    return start(redisUrl, tweak, FirstWordThemes::new);
  }

  /** {@code themes}: the theme engine this node loads (the real one is slow to load; most tests need not). */
  public static TestNode start(String redisUrl, UnaryOperator<AppConfig> tweak, Callable<ThemeHelp> themes) {
    AppConfig base = AppConfig.defaults();
    AppConfig config = tweak.apply(base
        .withHttp(new HttpConfig("127.0.0.1", 0, null, base.http().allowedOrigins()))
        .withRedis(new RedisConfig(redisUrl, base.redis().keyPrefix(), 4, "always"))
        .withMetrics(new MetricsConfig("127.0.0.1", 0))
        // Every test speaks from 127.0.0.1 and creates far more workshops than one network would in an
        // hour; the tests of the creation limit set their own.
        .withLimits(base.limits().withCreations(1_000_000, base.limits().creationWindowSeconds())));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Made as Main makes it, so the tests' nodes use the same socket transport (epoll on Linux).
    Vertx vertx = Nodes.vertx(registry);
    Server server = Await.of(Server.start(vertx, config, config.redis().url(), registry, themes));
    return new TestNode(vertx, server, registry);
  }

  public int port() { return server.port(); }

  /** The metrics address's port (loopback), apart from the public one. */
  public int metricsPort() { return server.metricsPort(); }

  public Api api(Vertx clientVertx) { return new Api(clientVertx, port()); }

  public String scrape() { return registry.scrape(); }

  /** Graceful: sockets get 1001. */
  @Override
  public void close() {
    Await.of(server.stop().compose(v -> vertx.close()));
  }
}
