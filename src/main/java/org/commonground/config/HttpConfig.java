package org.commonground.config;

import java.util.List;

/**
 * Where the server listens. {@code port} 0 takes a free port (tests). {@code allowedOrigins}: origins a
 * WebSocket may come from besides the server's own; {@code publicUrl}: the address printed and put in
 * join links when the server sits behind a proxy.
 */
public record HttpConfig(String host, int port, String publicUrl, List<String> allowedOrigins) {
  public HttpConfig {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("http.host is required");
    if (port < 0 || port > 65535) throw new IllegalArgumentException("http.port must be 0..65535, not " + port);
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }
}
