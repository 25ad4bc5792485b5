package org.commonground.transport;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import java.util.concurrent.TimeUnit;
import org.commonground.config.AppConfig;
import org.commonground.hub.Hub;
import org.commonground.hub.HubMetrics;
import org.commonground.hub.TextFrames;
import org.commonground.protocol.ProtocolException;
import org.commonground.store.WorkshopStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTTP and WebSocket on one port; deployed once per event loop, Vert.x spreads connections over them. */
public final class HttpVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  /** How far past the protocol's frame limit a frame is still read, to be refused properly. */
  private static final int WIRE_HEADROOM = 16;

  static int wireFrameBytes(AppConfig config) {
    return Math.max(TextFrames.MIN_SERVER_FRAME_BYTES, config.limits().maxFrameBytes() * WIRE_HEADROOM);
  }

  private final AppConfig config;
  private final WorkshopStore store;
  private final Hub hub;
  private final HubMetrics metrics;
  private final int port;
  private HttpServer server;
  private final Origins origins;
  /** Open connections per client address, shared by every instance of this verticle. */
  private final AddressCounts connections;
  private ConnectionGuard guard;
  /** This verticle's sockets (all on its event loop), pinged by one timer. */
  private Heartbeats heartbeats;

  public HttpVerticle(AppConfig config, WorkshopStore store, Hub hub, HubMetrics metrics,
                      int port, AddressCounts connections) {
    this.config = config;
    this.store = store;
    this.hub = hub;
    this.metrics = metrics;
    this.port = port;
    this.origins = new Origins(config.http());
    this.connections = connections;
  }

  @Override
  public Future<?> start() {
    heartbeats = new Heartbeats(config.limits().idleTimeoutSeconds() * 1000L, config.limits().webSocketPingMs());
    guard = new ConnectionGuard(config.limits(), connections, config.http().behindProxy());
    vertx.setPeriodic(Heartbeats.SWEEP_MS, t -> {
      long now = System.currentTimeMillis();
      heartbeats.sweep(now);
      guard.sweep(now);
    });
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      ctx.response().putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("Referrer-Policy", "no-referrer");
      ctx.next();
    });
    router.route().handler(guard::request);
    router.get("/ws").handler(this::upgrade);
    // Before the body is read: a refused request costs no more than its headers.
    router.route("/api/*").handler(new RequestChecks(origins));
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
    new ApiRoutes(config, store, hub).mount(router);
    router.get("/health").handler(HealthCheckHandler.createWithHealthChecks(HealthChecks.create(vertx)
        // Its own deadline, inside the handler's: a Redis that does not answer is DOWN (503), not an error.
        .register("redis", 2_000, p -> store.ping().timeout(1_500, TimeUnit.MILLISECONDS)
            .onSuccess(v -> p.complete(Status.OK()))
            .onFailure(err -> p.complete(Status.KO())))));
    router.get("/favicon.ico").handler(ctx -> ctx.response().setStatusCode(204).end());
    // One page per view; the page reads its token from the URL fragment.
    for (String[] page : new String[][] {{"/j/*", "/index.html"}, {"/f/", "/f.html"}, {"/f", "/f.html"},
        {"/d/", "/d.html"}, {"/d", "/d.html"}}) {
      router.get(page[0]).handler(ctx -> ctx.reroute(page[1]));
    }
    router.route("/*").handler(StaticHandler.create("web").setIndexPage("index.html").setCachingEnabled(false));
    router.route("/api/*").failureHandler(this::apiFailure);
    router.route().last().handler(ctx -> HttpError.send(ctx, 404, "NOT_FOUND", "nothing here"));

    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.http().host())
        .setPort(port)
        // Netty cuts a connection whose frame passes its limit without a close frame, so its limit sits
        // above ours: frames up to it are read and answered with 1009 by the session.
        // It is also the limit on frames the server writes: TextFrames counts on at least its minimum.
        .setMaxWebSocketFrameSize(wireFrameBytes(config))
        .setMaxWebSocketMessageSize(wireFrameBytes(config))
        // No WebSocket compression (Vert.x offers it by default, and every browser asks for it): each
        // broadcast is encoded once and its bytes written to every socket, where deflate would compress it
        // again per socket, with a compressor's state kept per connection. Measured with a client that asks
        // for it, as browsers do, the rooms load cost over three times the CPU per delivery (docs/performance.md).
        // Frames are a few hundred bytes a second per workshop, so nobody's connection needs it.
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        // Nothing read or written for this long closes any connection. It counts writes, so the pings
        // every WebSocket gets (limits.webSocketPingMs, which Limits keeps well inside it) keep a healthy
        // one open however quiet its user is.
        .setIdleTimeout(config.limits().httpIdleTimeoutSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS)
        // Browsers speak HTTP/2 only over TLS (at the proxy); h2c would let one connection carry many
        // requests at once, past the per-connection deadlines of ConnectionGuard.
        .setHttp2ClearTextEnabled(false);
    server = vertx.createHttpServer(options).connectionHandler(guard::opened).requestHandler(router);
    return server.listen();
  }

  private void upgrade(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin != null && !origins.allows(origin, ctx.request())) {
      HttpError.send(ctx, 403, "FORBIDDEN", "this origin may not connect");
      return;
    }
    ctx.request().toWebSocket().onSuccess(ws -> {
          Runnable uncount = guard.upgraded(ctx.request().connection());
          new SocketSession(ws, vertx, hub, store, config.limits(), metrics, heartbeats).start(uncount);
        })
        .onFailure(err -> LOG.debug("WebSocket upgrade failed: {}", err.toString()));
  }

  private void apiFailure(RoutingContext ctx) {
    Throwable err = ctx.failure();
    if (Hub.isNoSuchWorkshop(err)) {
      HttpError.send(ctx, 404, "NOT_FOUND", "no such workshop");
    } else if (err instanceof ProtocolException p) {
      HttpError.send(ctx, HttpError.statusOf(p.code()), p.code().name(), p.getMessage());
    } else if (err instanceof ApiRoutes.HttpStatusException h) {
      HttpError.send(ctx, h.status, h.code, h.getMessage());
    } else if (ctx.statusCode() == 413) {
      HttpError.send(ctx, 413, "INVALID", "request body too large");
    } else if (err == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      HttpError.send(ctx, ctx.statusCode(), "INVALID", "bad request");
    } else {
      LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), err);
      HttpError.send(ctx, 500, "INTERNAL", "something went wrong on the server; please try again");
    }
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
