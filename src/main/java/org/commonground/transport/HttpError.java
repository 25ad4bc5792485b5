package org.commonground.transport;

import io.vertx.ext.web.RoutingContext;
import org.commonground.protocol.Json;

/** Every HTTP error body: {"error":{"code","message"}}. */
final class HttpError {
  private HttpError() {}

  static void send(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended()) return;
    var body = Json.object();
    body.putObject("error").put("code", code).put("message", message);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(Json.buffer(body));
  }

  static int statusOf(org.commonground.workshop.Code code) {
    switch (code) {
      case INVALID: case UNKNOWN_COMMAND: case PHASE_CLOSED: return 400;
      case FORBIDDEN: case LOCKED: return 403;
      case NOT_FOUND: return 404;
      case FULL: return 409;
      case ENDED: return 410;
      case LIMIT: return 422;
      case RATE_LIMITED: return 429;
      default: return 500;
    }
  }
}
