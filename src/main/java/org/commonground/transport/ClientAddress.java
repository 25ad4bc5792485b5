package org.commonground.transport;

import io.vertx.core.http.HttpServerRequest;

/**
 * Who a request comes from, for per-client limits. Behind a proxy every connection comes from the proxy,
 * so its {@code X-Forwarded-For} is read instead, but only its last address: a proxy appends the peer it
 * saw to whatever the client sent, so every earlier entry is the client's own say and would let anyone
 * choose their address (and so escape the limit). Vert.x Web's forwarded-header parsing takes the first
 * entry, which is why this is not {@code Router.allowForward}.
 */
final class ClientAddress {
  private ClientAddress() {}

  static String of(HttpServerRequest request, boolean behindProxy) {
    if (behindProxy) {
      String forwarded = request.getHeader("X-Forwarded-For");
      if (forwarded != null) {
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        if (!last.isEmpty()) return last;
      }
    }
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }
}
