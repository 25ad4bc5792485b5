package org.commonground.transport;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import org.commonground.config.HttpConfig;

/**
 * The absolute address put in links people follow without reading them (the QR code). It never comes
 * from a request header alone: a QR code built from whatever {@code Host} a request carried would send
 * the people who scan it to whichever site that request named.
 */
final class Links {
  private Links() {}

  /**
   * In order: {@code http.publicUrl}; else the request's own origin (its scheme and Host) when that is
   * one of {@code http.allowedOrigins}; else the address the connection actually reached on this machine
   * (what a phone on the same network can use when nothing is configured), except that a console opened
   * at localhost gets this machine's network address: a QR code saying localhost sends a phone to itself.
   */
  static String origin(HttpServerRequest request, HttpConfig http) {
    if (http.publicUrl() != null) return stripSlash(http.publicUrl());
    String own = Origins.own(request);
    if (own != null) {
      for (String allowed : http.allowedOrigins()) {
        if (own.equals(Origins.normalise(allowed))) return stripSlash(allowed);
      }
    }
    SocketAddress local = request.localAddress();
    String host = local == null || local.hostAddress() == null ? "localhost" : local.hostAddress();
    if (NetworkAddresses.isLoopback(host)) {
      List<String> reachable = NetworkAddresses.reachable();
      if (!reachable.isEmpty()) host = reachable.get(0);
    }
    if (host.contains(":")) host = "[" + host + "]";
    return request.scheme() + "://" + host + (local == null ? "" : ":" + local.port());
  }

  private static String stripSlash(String s) { return s.endsWith("/") ? s.substring(0, s.length() - 1) : s; }
}
