package org.commonground.config;

/**
 * Where {@code /metrics} is served: its own address, apart from the public port, because what it shows
 * (traffic, workshops live, Redis latency) is for operators only. The default, 127.0.0.1, lets only this
 * machine scrape it. {@code port} 0 takes a free port (tests, several nodes on one machine); the address
 * taken is printed at start.
 */
public record MetricsConfig(String host, int port) {
  public MetricsConfig {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("metrics.host is required");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("metrics.port must be 0..65535, not " + port);
  }
}
