package org.commonground.transport;

import io.vertx.ext.web.RoutingContext;
import org.commonground.config.AppConfig;

/** Absolute addresses for links people follow (the QR code), from config or the request. */
final class Links {
  private Links() {}

  static String origin(RoutingContext ctx, AppConfig config) {
    if (config.http().publicUrl() != null) return stripSlash(config.http().publicUrl());
    String host = ctx.request().authority() == null ? "localhost" : ctx.request().authority().toString();
    return ctx.request().scheme() + "://" + host;
  }

  private static String stripSlash(String s) { return s.endsWith("/") ? s.substring(0, s.length() - 1) : s; }
}
