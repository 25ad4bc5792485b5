package org.commonground.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Configuration is read once, and a bad value stops the server with a message naming it")
class ConfigTest {
  private static final Path NO_DIR = Path.of("does-not-exist");

  @Test
  @DisplayName("with nothing set, the shipped defaults apply: port 8080, embedded Redis")
  void defaults() {
    AppConfig c = AppConfig.load(NO_DIR, Map.of());
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.redis().url()).isNull();
    assertThat(c.redis().type()).isEqualTo("standalone");
    assertThat(c.organiserKey()).isNull();
    assertThat(c.http().behindProxy()).as("X-Forwarded-For is not believed unless asked").isFalse();
    assertThat(c.metrics()).as("metrics on this machine only, off the public port").isEqualTo(new MetricsConfig("127.0.0.1", 9464));
  }

  @Test
  @DisplayName("connection limits: a cap per address (CG_CONNECTIONS_PER_ADDRESS) and HTTP timeouts that never cut a pinged WebSocket")
  void connectionLimits() {
    Limits d = AppConfig.load(NO_DIR, Map.of()).limits();
    assertThat(d.connectionsPerAddress()).isEqualTo(1000);
    assertThat(d.headerTimeoutSeconds()).isEqualTo(10);
    assertThat(d.httpIdleTimeoutSeconds() * 1000L).as("idle timeout past the WebSocket ping interval")
        .isGreaterThan(d.webSocketPingMs());
    assertThat(AppConfig.load(NO_DIR, Map.of("CG_CONNECTIONS_PER_ADDRESS", "50")).limits().connectionsPerAddress()).isEqualTo(50);
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_CONNECTIONS_PER_ADDRESS", "many")))
        .hasMessageContaining("CG_CONNECTIONS_PER_ADDRESS");
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_CONNECTIONS_PER_ADDRESS", "0")))
        .hasMessageContaining("limits.connectionsPerAddress");
    assertThatThrownBy(() -> d.withHttpTimeouts(10, 20)).as("an idle timeout the 20 s pings would not keep open")
        .hasMessageContaining("limits.httpIdleTimeoutSeconds").hasMessageContaining("limits.idleTimeoutSeconds");
    assertThatThrownBy(() -> d.withHttpTimeouts(0, 30)).hasMessageContaining("limits.headerTimeoutSeconds");
  }

  @Test
  @DisplayName("workshop creations per address: 60 an hour by default, CG_CREATIONS_PER_WINDOW to change it")
  void creations() {
    Limits d = AppConfig.load(NO_DIR, Map.of()).limits();
    assertThat(d.creationsPerWindow()).isEqualTo(60);
    assertThat(d.creationWindowSeconds()).isEqualTo(3600);
    assertThat(AppConfig.load(NO_DIR, Map.of("CG_CREATIONS_PER_WINDOW", "5")).limits().creationsPerWindow()).isEqualTo(5);
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_CREATIONS_PER_WINDOW", "lots")))
        .hasMessageContaining("CG_CREATIONS_PER_WINDOW");
    assertThatThrownBy(() -> d.withCreations(0, 3600)).hasMessageContaining("limits.creationsPerWindow");
    assertThatThrownBy(() -> d.withCreations(5, 0)).hasMessageContaining("limits.creationWindowSeconds");
  }

  @Test
  @DisplayName("metrics have their own address: CG_METRICS_HOST and CG_METRICS_PORT, never the public port")
  void metricsAddress() {
    AppConfig c = AppConfig.load(NO_DIR, Map.of("CG_METRICS_HOST", "10.0.0.5", "CG_METRICS_PORT", "0"));
    assertThat(c.metrics()).isEqualTo(new MetricsConfig("10.0.0.5", 0));
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_METRICS_PORT", "nine"))).hasMessageContaining("CG_METRICS_PORT");
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_METRICS_PORT", "-1"))).hasMessageContaining("metrics.port");
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_METRICS_PORT", "8080"))).hasMessageContaining("metrics.port")
        .hasMessageContaining("http.port");
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_METRICS_HOST", " "))).hasMessageContaining("metrics.host");
  }

  @Test
  @DisplayName("the environment overrides the files")
  void environment() {
    AppConfig c = AppConfig.load(NO_DIR, Map.of("CG_HTTP_PORT", "9090", "CG_REDIS_URL", "redis://127.0.0.1:6390",
        "CG_ORGANISER_KEY", "secret", "CG_DATA_DIR", "/tmp/cg", "CG_ALLOWED_ORIGINS", "https://a.example, https://b.example",
        "CG_BEHIND_PROXY", "true"));
    assertThat(c.http().port()).isEqualTo(9090);
    assertThat(c.redis().url()).isEqualTo("redis://127.0.0.1:6390");
    assertThat(c.organiserKey()).isEqualTo("secret");
    assertThat(c.dataDir()).isEqualTo("/tmp/cg");
    assertThat(c.http().allowedOrigins()).containsExactly("https://a.example", "https://b.example");
    assertThat(c.http().behindProxy()).isTrue();
  }

  @Test
  @DisplayName("Sentinel needs its master's name; Cluster takes several nodes")
  void sentinelAndCluster() {
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_REDIS_TYPE", "sentinel",
        "CG_REDIS_URL", "redis://10.0.0.1:26379"))).hasMessageContaining("masterName");
    AppConfig cluster = AppConfig.load(NO_DIR, Map.of("CG_REDIS_TYPE", "cluster",
        "CG_REDIS_URL", "redis://10.0.0.1:6379, redis://10.0.0.2:6379"));
    assertThat(RedisConfig.endpoints(cluster.redis().url())).hasSize(2);
  }

  @Test
  @DisplayName("bad values are named: a port that is not a number, a Redis URL of another scheme, an unknown type")
  void badValues() {
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_HTTP_PORT", "eighty"))).hasMessageContaining("CG_HTTP_PORT");
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_HTTP_PORT", "70000"))).hasMessageContaining("http.port");
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_REDIS_URL", "http://x"))).hasMessageContaining("redis.url");
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_REDIS_TYPE", "mesh"))).hasMessageContaining("redis.type");
  }

  @Test
  @DisplayName("replica acks: none for standalone, one for Sentinel and Cluster, set by CG_REDIS_REPLICA_ACKS; bad values named")
  void replicaAcks() {
    RedisConfig standalone = AppConfig.load(NO_DIR, Map.of()).redis();
    assertThat(standalone.replicaAcks()).isZero();
    assertThat(standalone.replicaAckTimeoutMs()).isEqualTo(500);
    AppConfig cluster = AppConfig.load(NO_DIR, Map.of("CG_REDIS_TYPE", "cluster", "CG_REDIS_URL", "redis://10.0.0.1:6379"));
    assertThat(cluster.redis().replicaAcks()).isEqualTo(1);
    assertThat(new RedisConfig("redis://a:1", "cg", 4, "always", "sentinel", "m").replicaAcks()).isEqualTo(1);
    assertThat(AppConfig.load(NO_DIR, Map.of("CG_REDIS_TYPE", "cluster", "CG_REDIS_URL", "redis://10.0.0.1:6379",
        "CG_REDIS_REPLICA_ACKS", "0")).redis().replicaAcks()).as("0 turns waiting off").isZero();
    assertThatThrownBy(() -> AppConfig.load(NO_DIR, Map.of("CG_REDIS_REPLICA_ACKS", "some")))
        .hasMessageContaining("CG_REDIS_REPLICA_ACKS");
    assertThatThrownBy(() -> new RedisConfig(null, "cg", 4, "always", "standalone", null, -1, 500))
        .hasMessageContaining("redis.replicaAcks must be 0..16");
    assertThatThrownBy(() -> new RedisConfig(null, "cg", 4, "always", "standalone", null, 1, 0))
        .hasMessageContaining("redis.replicaAckTimeoutMs must be 1..2000");
    assertThatThrownBy(() -> new RedisConfig(null, "cg", 4, "always", "standalone", null, 1, 60_000))
        .hasMessageContaining("redis.replicaAckTimeoutMs");
  }
}
