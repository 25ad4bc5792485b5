package org.commonground.config;

import java.util.List;

/**
 * Where the server listens. {@code port} 0 takes a free port (tests). {@code allowedOrigins}: origins a
 * WebSocket may come from besides the server's own; {@code publicUrl}: the address printed and put in
 * join links when the server sits behind a proxy. {@code behindProxy}: every request comes through one
 * reverse proxy that appends the client's address to {@code X-Forwarded-For}; only then is that header
 * believed (for the failed-join limit), and only its last address, the one the proxy itself wrote.
 */
public record HttpConfig(String host, int port, String publicUrl, List<String> allowedOrigins, boolean behindProxy) {
  public HttpConfig(String host, int port, String publicUrl, List<String> allowedOrigins) {
    this(host, port, publicUrl, allowedOrigins, false);
  }

  public HttpConfig {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("http.host is required");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("http.port must be 0..65535, not " + port);
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }
}
