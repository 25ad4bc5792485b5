package org.commonground.config;

import java.util.Set;

/**
 * The Redis to use: {@code url} (redis://, rediss://, or a sentinel/cluster URL) or, when null, a private
 * embedded one with append-only persistence under the data directory.
 */
public record RedisConfig(String url, String keyPrefix, int poolSize, String appendfsync) {
  public RedisConfig {
    if (url != null && url.isBlank()) url = null;
    if (url != null && !(url.startsWith("redis://") || url.startsWith("rediss://") || url.startsWith("unix://"))) {
      throw new IllegalArgumentException("redis.url must start with redis:// or rediss://, not " + url);
    }
    if (keyPrefix == null || keyPrefix.isBlank() || keyPrefix.contains("{")) {
      throw new IllegalArgumentException("redis.keyPrefix must be a plain non-empty name");
    }
    if (poolSize < 1 || poolSize > 1024) throw new IllegalArgumentException("redis.poolSize must be 1..1024");
    if (!Set.of("always", "everysec", "no").contains(appendfsync)) {
      throw new IllegalArgumentException("redis.appendfsync must be always, everysec or no");
    }
  }
}
