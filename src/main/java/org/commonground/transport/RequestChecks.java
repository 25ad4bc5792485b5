package org.commonground.transport;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Checks every state-changing API request (POST, PUT, PATCH, DELETE) before its body is read, so that a
 * page on another site cannot make a visitor's browser create or join a workshop:
 * <ul>
 *   <li>a browser's {@code Origin} must be allowed ({@link Origins}: the same rule as the WebSocket's);
 *       a request without one (curl, another server) is not from a browser page and passes;</li>
 *   <li>a body must be declared {@code application/json}. Browsers send text/plain, form and multipart
 *       bodies cross-site without asking first; JSON they send only after a CORS preflight, which this
 *       server never grants. A request without a body (a new display link) needs no type.</li>
 * </ul>
 */
final class RequestChecks implements Handler<RoutingContext> {
  private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
      HttpMethod.DELETE);

  private final Origins origins;

  RequestChecks(Origins origins) { this.origins = origins; }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    if (!STATE_CHANGING.contains(req.method())) {
      ctx.next();
      return;
    }
    String origin = req.getHeader("Origin");
    if (origin != null && !origins.allows(origin, req)) {
      HttpError.send(ctx, 403, "FORBIDDEN",
          "this page is on another website, which may not change anything here; open Common Ground at its own address and try again");
      return;
    }
    if (hasBody(req) && !isJson(req.getHeader("Content-Type"))) {
      HttpError.send(ctx, 415, "INVALID",
          "send the request body as JSON, with the header Content-Type: application/json");
      return;
    }
    ctx.next();
  }

  private static boolean hasBody(HttpServerRequest req) {
    String length = req.getHeader("Content-Length");
    if (req.getHeader("Transfer-Encoding") != null) return true;
    if (length == null) return false;
    try {
      return Long.parseLong(length.strip()) != 0;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** {@code application/json}, with parameters such as a charset, in any case. */
  static boolean isJson(String contentType) {
    if (contentType == null) return false;
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    return type.equalsIgnoreCase("application/json");
  }
}
