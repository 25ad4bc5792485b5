package org.commonground.transport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import org.commonground.config.AppConfig;
import org.commonground.hub.Creation;
import org.commonground.protocol.JoinCodes;
import org.commonground.protocol.Json;
import org.commonground.protocol.WorkshopSpecs;
import org.commonground.store.WorkshopStore;

/**
 * {@code POST /api/workshops}: the organiser key when one is set, a bounded agenda
 * ({@link org.commonground.protocol.WorkshopBounds}), the per-address allowance ({@link CreationLimit}),
 * then {@link Creation} (a fresh join code and the workshop's first event, decided by the domain).
 */
final class CreateRoute {
  private final Creation creation;
  private final OrganiserKey organiserKey;
  private final CreationLimit creations;

  CreateRoute(AppConfig config, WorkshopStore store) {
    this.creation = new Creation(store);
    this.organiserKey = new OrganiserKey(config.organiserKey());
    this.creations = new CreationLimit(store, config);
  }

  void handle(RoutingContext ctx) {
    if (!organiserKey.admits(ApiRoutes.bearer(ctx))) {
      HttpError.send(ctx, 401, "UNAUTHENTICATED", "creating a workshop needs the organiser key as a bearer token");
      return;
    }
    WorkshopSpecs.Spec spec = WorkshopSpecs.parse(ApiRoutes.body(ctx));
    create(ctx, () -> creation.create(spec));
  }

  Creation creation() { return creation; }

  /**
   * Within the per-address allowance, runs {@code make} (which creates a workshop, or finds the one a retried
   * request made) and answers 201 with its links once that has succeeded.
   */
  void create(RoutingContext ctx, Supplier<Future<Creation.Created>> make) {
    // Counted once the request is valid: a form sent back with a mistake does not use up the allowance.
    creations.take(ctx.request()).compose(wait -> wait > 0
        ? Future.succeededFuture((Runnable) () -> {
          ctx.response().putHeader("Retry-After", Long.toString(wait));
          HttpError.send(ctx, 429, "RATE_LIMITED", CreationLimit.message(wait));
        })
        : make.get().map(c -> (Runnable) () -> {
          ObjectNode out = Json.object();
          out.put("workshopId", c.workshopId()).put("joinCode", JoinCodes.display(c.joinCode()))
              .put("facilitatorToken", c.facilitator().token()).put("displayToken", c.display().token());
          out.putObject("links").put("join", "/j/" + c.joinCode()).put("facilitator", "/f/#" + c.facilitator().token())
              .put("display", "/d/#" + c.display().token());
          ApiRoutes.json(ctx, 201, out);
        })).onSuccess(Runnable::run).onFailure(ctx::fail);
  }
}
