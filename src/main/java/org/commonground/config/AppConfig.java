package org.commonground.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.commonground.protocol.Json;

/**
 * All settings, read once at start-up: {@code config/default.json}, then {@code config/local.json} if
 * present, then the environment ({@code CG_HTTP_PORT}, {@code CG_HTTP_HOST}, {@code CG_PUBLIC_URL},
 * {@code CG_REDIS_URL}, {@code CG_REDIS_TYPE}, {@code CG_REDIS_MASTER}, {@code CG_REDIS_REPLICA_ACKS}, {@code CG_ORGANISER_KEY}, {@code CG_DATA_DIR}, {@code CG_BEHIND_PROXY}, {@code CG_ALLOWED_ORIGINS}
 * comma-separated, {@code CG_METRICS_HOST}, {@code CG_METRICS_PORT}, {@code CG_CONNECTIONS_PER_ADDRESS},
 * {@code CG_CREATIONS_PER_WINDOW}). A bad value stops the server with a message naming it.
 */
public record AppConfig(HttpConfig http, RedisConfig redis, String organiserKey, String dataDir, Limits limits,
                        Lifetimes lifetimes, MetricsConfig metrics) {
  public AppConfig {
    if (lifetimes == null) lifetimes = Lifetimes.DEFAULTS;
    if (http == null || redis == null || limits == null || metrics == null) {
      throw new IllegalArgumentException("http, redis, limits and metrics are required");
    }
    if (organiserKey != null && organiserKey.isBlank()) organiserKey = null;
    if (dataDir == null || dataDir.isBlank()) dataDir = "data";
    if (metrics.port() != 0 && metrics.port() == http.port()) {
      throw new IllegalArgumentException("metrics.port must differ from http.port (" + http.port()
          + "): metrics are kept off the public port");
    }
  }

  private static final Map<String, String> ENV = Map.ofEntries(
      Map.entry("CG_HTTP_PORT", "http.port"),
      Map.entry("CG_HTTP_HOST", "http.host"),
      Map.entry("CG_PUBLIC_URL", "http.publicUrl"),
      Map.entry("CG_REDIS_URL", "redis.url"),
      Map.entry("CG_REDIS_TYPE", "redis.type"),
      Map.entry("CG_REDIS_MASTER", "redis.masterName"),
      Map.entry("CG_REDIS_REPLICA_ACKS", "redis.replicaAcks"),
      Map.entry("CG_ORGANISER_KEY", "organiserKey"),
      Map.entry("CG_DATA_DIR", "dataDir"),
      Map.entry("CG_BEHIND_PROXY", "http.behindProxy"),
      Map.entry("CG_METRICS_HOST", "metrics.host"),
      Map.entry("CG_METRICS_PORT", "metrics.port"),
      Map.entry("CG_CONNECTIONS_PER_ADDRESS", "limits.connectionsPerAddress"),
      Map.entry("CG_CREATIONS_PER_WINDOW", "limits.creationsPerWindow"));

  /** Variables whose value must be a whole number. */
  private static final java.util.Set<String> NUMBERS = java.util.Set.of("CG_HTTP_PORT", "CG_METRICS_PORT",
      "CG_REDIS_REPLICA_ACKS",
      "CG_CONNECTIONS_PER_ADDRESS", "CG_CREATIONS_PER_WINDOW");

  /** The bundled defaults, then config/*.json under {@code dir} where present, then the environment. */
  public static AppConfig load(Path dir, Map<String, String> env) {
    ObjectNode tree = (ObjectNode) bundledDefaults();
    for (String name : new String[] {"default.json", "local.json"}) {
      Path file = dir.resolve(name);
      if (!Files.exists(file)) continue;
      try {
        merge(tree, Json.MAPPER.readTree(file.toFile()));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    ENV.forEach((var, path) -> {
      String v = env.get(var);
      if (v != null) set(tree, path, NUMBERS.contains(var) ? number(var, v) : Json.MAPPER.getNodeFactory().textNode(v));
    });
    String origins = env.get("CG_ALLOWED_ORIGINS");
    if (origins != null) {
      var arr = Json.object().arrayNode();
      for (String o : origins.split(",")) if (!o.isBlank()) arr.add(o.strip());
      set(tree, "http.allowedOrigins", arr);
    }
    return from(tree);
  }

  public static AppConfig from(JsonNode tree) {
    try {
      return Json.MAPPER.treeToValue(tree, AppConfig.class);
    } catch (IOException | IllegalArgumentException e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      throw new IllegalArgumentException("bad configuration: " + root.getMessage(), e);
    }
  }

  /** The shipped defaults (config/default.json as built into the jar), for tests and tools. */
  public static AppConfig defaults() {
    return from(bundledDefaults());
  }

  private static JsonNode bundledDefaults() {
    try (var in = AppConfig.class.getResourceAsStream("/config/default.json")) {
      if (in == null) throw new IllegalStateException("config/default.json is not on the classpath");
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public AppConfig withHttp(HttpConfig h) { return new AppConfig(h, redis, organiserKey, dataDir, limits, lifetimes, metrics); }
  public AppConfig withRedis(RedisConfig r) { return new AppConfig(http, r, organiserKey, dataDir, limits, lifetimes, metrics); }
  public AppConfig withLimits(Limits l) { return new AppConfig(http, redis, organiserKey, dataDir, l, lifetimes, metrics); }
  public AppConfig withLifetimes(Lifetimes t) { return new AppConfig(http, redis, organiserKey, dataDir, limits, t, metrics); }
  public AppConfig withOrganiserKey(String k) { return new AppConfig(http, redis, k, dataDir, limits, lifetimes, metrics); }
  public AppConfig withMetrics(MetricsConfig m) { return new AppConfig(http, redis, organiserKey, dataDir, limits, lifetimes, m); }

  private static JsonNode number(String var, String v) {
    try {
      return Json.MAPPER.getNodeFactory().numberNode(Integer.parseInt(v.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(var + " must be a number, not " + v);
    }
  }

  private static void set(ObjectNode tree, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
    node.set(parts[parts.length - 1], value);
  }

  private static void merge(ObjectNode into, JsonNode from) {
    from.fields().forEachRemaining(e -> {
      JsonNode existing = into.get(e.getKey());
      if (existing instanceof ObjectNode o && e.getValue().isObject()) merge(o, e.getValue());
      else into.set(e.getKey(), e.getValue());
    });
  }
}
