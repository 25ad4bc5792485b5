package org.commonground.transport;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.commonground.config.HttpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages allowed to drive this server from a browser: the WebSocket and every state-changing API
 * request check their {@code Origin} here. Allowed are the origin the request was addressed to (its
 * scheme and {@code Host}), {@code http.publicUrl}, and {@code http.allowedOrigins}. Scheme, host and
 * port must all match: {@code http://host} is another origin than {@code https://host}, and a page
 * served over plain HTTP (readable and changeable by anyone on the network) must not act for one
 * served over HTTPS.
 */
final class Origins {
  private static final Logger LOG = LoggerFactory.getLogger(Origins.class);
  private static final long WARN_EVERY_MS = 60_000;

  private final Set<String> configured = new HashSet<>();
  /** When a refusal was last logged: a refused origin is an attack or a missing CG_PUBLIC_URL, worth a line a minute. */
  private final AtomicLong lastWarned = new AtomicLong();

  Origins(HttpConfig http) {
    for (String o : http.allowedOrigins()) {
      String n = normalise(o);
      if (n != null) configured.add(n);
    }
    if (http.publicUrl() != null) {
      String n = normalise(http.publicUrl());
      if (n != null) configured.add(n);
    }
  }

  /** Whether a browser page on {@code origin} (an Origin header) may act on this request. */
  boolean allows(String origin, HttpServerRequest request) {
    String o = normalise(origin);
    boolean ok = o != null && (configured.contains(o) || o.equals(own(request)));
    if (!ok) {
      long now = System.currentTimeMillis();
      long last = lastWarned.get();
      if (now - last > WARN_EVERY_MS && lastWarned.compareAndSet(last, now)) {
        LOG.warn("refused a request from a page on {} to {}; if that is this service's own address, set "
            + "CG_PUBLIC_URL to it (or add it to CG_ALLOWED_ORIGINS)", origin, own(request));
      }
    }
    return ok;
  }

  /** The origin the request was addressed to, from its scheme and Host header; null without a Host. */
  static String own(HttpServerRequest request) {
    HostAndPort a = request.authority();
    if (a == null || a.host() == null || a.host().isEmpty()) return null;
    String host = a.host().contains(":") && !a.host().startsWith("[") ? "[" + a.host() + "]" : a.host();
    return normalise(request.scheme() + "://" + host + (a.port() > 0 ? ":" + a.port() : ""));
  }

  /**
   * {@code scheme://host:port} in lower case with the default port made explicit, so equal origins
   * compare equal; null for anything that is not an http(s) origin (including the "null" origin of
   * sandboxed frames and files). A path (as in a public URL) is ignored.
   */
  static String normalise(String url) {
    if (url == null) return null;
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme)) return null;
      if (u.getHost() == null || u.getRawUserInfo() != null) return null;
      int port = u.getPort() > 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}
