package org.commonground;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import org.commonground.hub.ThemeHelp;
import org.commonground.hub.LanguageWork;
import org.commonground.hub.ThemeWork;
import org.commonground.language.WelshOrEnglish;
import org.commonground.themes.LoadedOnFirstUse;
import org.commonground.themes.ThemeEngineLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;
import org.commonground.config.RedisConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.commonground.config.AppConfig;
import org.commonground.hub.Hub;
import org.commonground.hub.HubMetrics;
import org.commonground.hub.HubSettings;
import org.commonground.hub.ShardVerticle;
import org.commonground.store.Ids;
import org.commonground.store.Keys;
import org.commonground.store.LoopConnections;
import org.commonground.store.RedisLauncher;
import org.commonground.store.RedisWorkshopStore;
import org.commonground.store.ReplicaWaits;
import org.commonground.store.Subscriber;
import org.commonground.store.TimedRedis;
import org.commonground.transport.AddressCounts;
import org.commonground.transport.HttpVerticle;
import org.commonground.transport.MetricsEndpoint;
import io.vertx.core.http.HttpServer;

/**
 * One Common Ground node: store, hub and HTTP, on a given Vert.x and an already-running Redis.
 * Start-up fails fast, with a message that says what to fix, if Redis cannot be reached or the
 * port is taken.
 */
public final class Server {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
  /** Embedding work is CPU-bound: one thread leaves the other core to the event loops. */
  private static final int THEME_WORKERS = 1;
  /** Language detection takes a fraction of a millisecond a post once loaded; two threads keep posts from queueing. */
  private static final int LANGUAGE_WORKERS = 2;
  /** How long any Redis request may take before its caller is told to try again. */
  private static final long REDIS_TIMEOUT_MS = 5_000;
  private final Vertx vertx;
  private final Redis redis;
  private final Subscriber subscriber;
  private final Hub hub;
  private final int port;
  private final HttpServer metricsServer;

  private Server(Vertx vertx, Redis redis, Subscriber subscriber, Hub hub, int port, HttpServer metricsServer) {
    this.vertx = vertx;
    this.redis = redis;
    this.subscriber = subscriber;
    this.hub = hub;
    this.port = port;
    this.metricsServer = metricsServer;
  }

  public int port() { return port; }

  /** Where {@code /metrics} is served (the port taken, when {@code metrics.port} is 0). */
  public int metricsPort() { return metricsServer.actualPort(); }

  public Hub hub() { return hub; }

  public static Future<Server> start(Vertx vertx, AppConfig config, String redisUrl, PrometheusMeterRegistry registry) {
    return start(vertx, config, redisUrl, registry, ThemeEngineLoader::load);
  }

  /**
   * {@code themeLoader} is called once, on a theme worker, when theme help is first needed (see
   * {@link LoadedOnFirstUse}); if it fails, theme suggestions answer with a clear error while everything
   * else works.
   */
  public static Future<Server> start(Vertx vertx, AppConfig config, String redisUrl, PrometheusMeterRegistry registry,
                                     Callable<ThemeHelp> themeLoader) {
    int port;
    try {
      port = config.http().port() == 0 ? RedisLauncher.freePort() : config.http().port();
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    RedisOptions redisOptions = redisOptions(config, redisUrl);
    int loops = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
    // One connection per event loop (twice that while failed ones are being replaced), and the pool for
    // requests made off the event loops.
    Redis redis = new LoopConnections(
        Redis.createClient(vertx, new RedisOptions(redisOptions).setMaxPoolSize(2 * loops)
            .setPoolName("cg-loops-" + Ids.random(6))),
        Redis.createClient(vertx, new RedisOptions(redisOptions).setPoolName("cg-pool-" + Ids.random(6))),
        REDIS_TIMEOUT_MS);
    Keys keys = new Keys(config.redis().keyPrefix());
    ReplicaWaits waits = ReplicaWaits.of(config.redis().replicaAcks(), config.redis().replicaAckTimeoutMs());
    FunctionCounter.builder("cg.redis.unconfirmed.writes", waits, ReplicaWaits::unconfirmed)
        .description("creates and posts acknowledged before the replicas asked for had them").register(registry);
    RedisWorkshopStore store = new RedisWorkshopStore(new TimedRedis(redis, REDIS_TIMEOUT_MS), keys,
        config.limits().refTtlSeconds(), config.lifetimes().notStartedSeconds(), waits);
    List<Context> shards = new ArrayList<>();
    HubMetrics metrics = new HubMetrics(registry);
    WorkerExecutor themeWorkers = vertx.createSharedWorkerExecutor("cg-themes", THEME_WORKERS);
    ThemeWork themes = new ThemeWork(themeWorkers, new LoadedOnFirstUse(themeLoader));
    // Its own pool, so a post's language is never found behind a theme suggestion that takes seconds.
    LanguageWork languages = new LanguageWork(vertx.createSharedWorkerExecutor("cg-language", LANGUAGE_WORKERS),
        WelshOrEnglish::detect, WelshOrEnglish::needsModel, WelshOrEnglish::warm, WelshOrEnglish::ready);
    Hub hub = new Hub(shards, store, metrics, HubSettings.DEFAULTS.withIdleLifetimeSeconds(config.lifetimes().idleSeconds())
        .withPerPerson(config.limits().connectionsPerPerson(), config.limits().commandsPerSecond(),
            config.limits().commandBurst()),
        Ids.random(8), themes, languages);
    Subscriber subscriber = new Subscriber(vertx, redisOptions, keys, hub);
    AddressCounts connections = new AddressCounts(config.limits().connectionsPerAddress());
    hub.subscriber(subscriber);

    return store.ping()
        .recover(err -> Future.failedFuture(new IllegalStateException(
            "cannot reach Redis at " + redisUrl + " (" + err.getMessage() + "); start it or fix CG_REDIS_URL", err)))
        .compose(v -> vertx.deployVerticle(() -> new ShardVerticle(shards), new DeploymentOptions().setInstances(loops)))
        .compose(v -> subscriber.start())
        .compose(v -> vertx.deployVerticle(() -> new HttpVerticle(config, store, hub, metrics, port, connections),
            new DeploymentOptions().setInstances(loops)))
        .recover(err -> Future.failedFuture(err.getMessage() != null && err.getMessage().contains("Address already in use")
            ? new IllegalStateException("port " + port + " is taken; set CG_HTTP_PORT to a free one", err)
            : err))
        .compose(v -> MetricsEndpoint.start(vertx, config.metrics(), registry))
        .map(metricsServer -> {
          if (config.organiserKey() == null) {
            LOG.warn("workshop creation is open to anyone who can reach port {}: set CG_ORGANISER_KEY unless this "
                + "is a private machine", port);
          }
          hub.startHeartbeat(vertx);
          return new Server(vertx, redis, subscriber, hub, port, metricsServer);
        });
  }

  /** Standalone, Sentinel (the master, found through the sentinels) or Cluster, from config. */
  static RedisOptions redisOptions(AppConfig config, String redisUrl) {
    RedisOptions o = new RedisOptions().setMaxPoolSize(config.redis().poolSize()).setMaxPoolWaiting(10_000)
        .setMaxWaitingHandlers(100_000);
    RedisConfig.endpoints(redisUrl).forEach(o::addConnectionString);
    switch (config.redis().type()) {
      case "sentinel" -> o.setType(RedisClientType.SENTINEL).setMasterName(config.redis().masterName())
          .setRole(RedisRole.MASTER);
      case "cluster" -> o.setType(RedisClientType.CLUSTER);
      default -> o.setType(RedisClientType.STANDALONE);
    }
    return o;
  }

  /** Closes every socket with 1001 (clients resume elsewhere), then the Redis connections. */
  public Future<Void> stop() {
    return hub.shutdown()
        .compose(v -> metricsServer.close())
        .compose(v -> subscriber.close())
        .compose(v -> redis.close())
        .recover(err -> Future.succeededFuture());
  }
}
