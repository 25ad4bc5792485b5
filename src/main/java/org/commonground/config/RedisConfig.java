package org.commonground.config;

import java.util.Set;

/**
 * The Redis to use: {@code url} (redis:// or rediss://; for {@code sentinel} and {@code cluster}, several
 * comma-separated) or, when null, a private embedded one with append-only persistence under the data
 * directory. {@code type}: standalone, sentinel (with {@code masterName}) or cluster.
 *
 * <p>{@code replicaAcks}: how many replicas must have a create or a post before it is acknowledged (Redis
 * {@code WAIT}); null means 1 for sentinel and cluster and 0 for standalone; 0 never waits.
 * {@code replicaAckTimeoutMs}: how long one such wait may take before the write is acknowledged anyway.
 */
public record RedisConfig(String url, String keyPrefix, int poolSize, String appendfsync, String type,
                          String masterName, Integer replicaAcks, Integer replicaAckTimeoutMs) {
  /** Below every Redis request's own deadline (5 s), with room for the write itself. */
  public static final int MAX_REPLICA_ACK_TIMEOUT_MS = 2_000;
  public static final int DEFAULT_REPLICA_ACK_TIMEOUT_MS = 500;

  public RedisConfig(String url, String keyPrefix, int poolSize, String appendfsync) {
    this(url, keyPrefix, poolSize, appendfsync, "standalone", null);
  }

  public RedisConfig(String url, String keyPrefix, int poolSize, String appendfsync, String type, String masterName) {
    this(url, keyPrefix, poolSize, appendfsync, type, masterName, null, null);
  }

  public RedisConfig {
    if (type == null || type.isBlank()) type = "standalone";
    if (!Set.of("standalone", "sentinel", "cluster").contains(type)) {
      throw new IllegalArgumentException("redis.type must be standalone, sentinel or cluster");
    }
    if (type.equals("sentinel") && (masterName == null || masterName.isBlank())) {
      throw new IllegalArgumentException("redis.masterName is required with redis.type sentinel");
    }
    if (!type.equals("standalone") && url == null) {
      throw new IllegalArgumentException("redis.url (the " + type + " nodes, comma-separated) is required with redis.type " + type);
    }
    if (url != null && url.isBlank()) url = null;
    if (url != null) {
      for (String u : endpoints(url)) {
        if (!(u.startsWith("redis://") || u.startsWith("rediss://") || u.startsWith("unix://"))) {
          throw new IllegalArgumentException("redis.url must start with redis:// or rediss://, not " + u);
        }
      }
    }
    if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.contains("{")) {
      throw new IllegalArgumentException("redis.keyPrefix must be a plain non-empty name");
    }
    if (poolSize < 1 || poolSize > 1024) throw new IllegalArgumentException("redis.poolSize must be 1..1024");
    if (!Set.of("always", "everysec", "no").contains(appendfsync)) {
      throw new IllegalArgumentException("redis.appendfsync must be always, everysec or no");
    }
    if (replicaAcks == null) replicaAcks = type.equals("standalone") ? 0 : 1;
    if (replicaAcks < 0 || replicaAcks > 16) {
      throw new IllegalArgumentException("redis.replicaAcks must be 0..16 (0: do not wait for replicas), not "
          + replicaAcks);
    }
    if (replicaAckTimeoutMs == null) replicaAckTimeoutMs = DEFAULT_REPLICA_ACK_TIMEOUT_MS;
    if (replicaAckTimeoutMs < 1 || replicaAckTimeoutMs > MAX_REPLICA_ACK_TIMEOUT_MS) {
      throw new IllegalArgumentException("redis.replicaAckTimeoutMs must be 1.." + MAX_REPLICA_ACK_TIMEOUT_MS
          + " (milliseconds), not " + replicaAckTimeoutMs);
    }
  }

  /** The comma-separated addresses in {@code url}. */
  public static java.util.List<String> endpoints(String url) {
    return java.util.Arrays.stream(url.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }
}
