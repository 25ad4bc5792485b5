package org.commonground;

import java.util.List;
import org.commonground.transport.NetworkAddresses;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.commonground.config.AppConfig;
import org.commonground.store.RedisLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a node: reads config, starts the embedded Redis when none is configured, and prints where to go. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  private static boolean portFree(String host, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static void main(String[] args) throws Exception {
    HeapSizing.apply();
    AppConfig config;
    try {
      config = AppConfig.load(Path.of("config"), System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("Common Ground cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (config.http().port() != 0 && !portFree(config.http().host(), config.http().port())) {
      System.err.println("Common Ground cannot start: port " + config.http().port()
          + " is taken; set CG_HTTP_PORT to a free one");
      System.exit(1);
      return;
    }
    if (config.metrics().port() != 0 && !portFree(config.metrics().host(), config.metrics().port())) {
      System.err.println("Common Ground cannot start: the metrics port " + config.metrics().port()
          + " is taken; set CG_METRICS_PORT to a free one (0 picks one)");
      System.exit(1);
      return;
    }
    RedisLauncher embedded = null;
    String redisUrl = config.redis().url();
    if (redisUrl == null) {
      try {
        embedded = RedisLauncher.start(Path.of(config.dataDir(), "redis"), 0, config.redis().appendfsync());
      } catch (IOException e) {
        System.err.println("Common Ground cannot start its embedded Redis: " + e.getMessage());
        System.exit(1);
        return;
      }
      redisUrl = embedded.url();
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Nodes.vertx(registry);
    Server server;
    try {
      server = Server.start(vertx, config, redisUrl, registry).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      System.err.println("Common Ground cannot start: " + cause.getMessage());
      vertx.close();
      if (embedded != null) embedded.close();
      System.exit(1);
      return;
    }
    RedisLauncher redisToStop = embedded;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop().compose(v -> vertx.close()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("shutdown: {}", e.toString());
      }
      try {
        if (redisToStop != null) redisToStop.close();
      } catch (Exception e) {
        LOG.warn("stopping Redis: {}", e.toString());
      }
    }, "shutdown"));
    HeapSizing.settle();
    System.out.print(banner(config, server.port(), server.metricsPort(),
        redisUrl + (embedded != null ? " (embedded, data in " + embedded.dataDir() + ")" : ""),
        NetworkAddresses.reachable(), Nodes.transportWarning(vertx)));
  }

  /** What is printed once the node is up: where to go, and what an operator must know at a glance. */
  static String banner(AppConfig config, int port, int metricsPort, String redis) {
    return banner(config, port, metricsPort, redis, NetworkAddresses.reachable(), null);
  }

  /**
   * {@code network}: this machine's addresses a phone could reach (see {@link NetworkAddresses});
   * {@code transportWarning}: why the sockets are not on epoll, or null when they are.
   */
  static String banner(AppConfig config, int port, int metricsPort, String redis, List<String> network,
                       String transportWarning) {
    boolean configured = config.http().publicUrl() != null;
    String base = configured ? config.http().publicUrl() : "http://localhost:" + port;
    String metricsHost = config.metrics().host();
    boolean everywhere = metricsHost.equals("0.0.0.0") || metricsHost.equals("::");
    StringBuilder b = new StringBuilder("\nCommon Ground is running.\n");
    b.append("  Open:    ").append(base).append("/            (create a workshop, or join one with its code)\n");
    if (!configured) {
      if (network.isEmpty()) {
        b.append("  Phones:  this computer has no network address they can reach; set CG_PUBLIC_URL to the address\n")
            .append("           people should use (and the QR code will say it)\n");
      } else {
        b.append("  Phones:  http://").append(network.get(0)).append(':').append(port)
            .append("/   (on the same network; the QR code says this. Elsewhere, set CG_PUBLIC_URL)\n");
      }
    }
    b.append("  Health:  ").append(base).append("/health\n");
    b.append("  Metrics: http://").append(everywhere ? "localhost" : hostForUrl(metricsHost)).append(':')
        .append(metricsPort).append("/metrics")
        .append(everywhere ? "   (on every interface: keep this port private)" : "   (not on the public port)").append('\n');
    b.append("  Redis:   ").append(redis).append('\n');
    b.append("  Memory:  ").append(HeapSizing.summary()).append('\n');
    if (transportWarning != null) b.append("  Sockets: ").append(transportWarning).append('\n');
    if (config.organiserKey() == null) {
      b.append("  Create:  OPEN TO ANYONE who can reach this server: anyone can create workshops here.\n")
          .append("           Set CG_ORGANISER_KEY unless this is a private machine (see README).\n");
    } else {
      b.append("  Create:  only with the organiser key (CG_ORGANISER_KEY) as a bearer token\n");
    }
    return b.append("Stop with Ctrl+C.\n").toString();
  }

  private static String hostForUrl(String host) { return host.contains(":") ? "[" + host + "]" : host; }
}
