package org.commonground.transport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import org.commonground.config.AppConfig;
import org.commonground.protocol.JoinCodes;
import org.commonground.protocol.Json;
import org.commonground.protocol.SequencedEvent;
import org.commonground.protocol.WorkshopSpecs;
import org.commonground.store.Ids;
import org.commonground.store.NewToken;
import org.commonground.store.TokenGrant;
import org.commonground.store.WorkshopStore;
import org.commonground.workshop.Emitted;
import org.commonground.workshop.Event;
import org.commonground.workshop.Participant;
import org.commonground.workshop.Role;

/**
 * {@code POST /api/workshops}: the organiser key when one is set, a bounded agenda
 * ({@link org.commonground.protocol.WorkshopBounds}), the per-address allowance ({@link CreationLimit}),
 * then a fresh join code and the workshop's first event.
 */
final class CreateRoute {
  private static final int CODE_ATTEMPTS = 8;

  private final WorkshopStore store;
  private final OrganiserKey organiserKey;
  private final CreationLimit creations;

  CreateRoute(AppConfig config, WorkshopStore store) {
    this.store = store;
    this.organiserKey = new OrganiserKey(config.organiserKey());
    this.creations = new CreationLimit(store, config);
  }

  void handle(RoutingContext ctx) {
    if (!organiserKey.admits(ApiRoutes.bearer(ctx))) {
      HttpError.send(ctx, 401, "UNAUTHENTICATED", "creating a workshop needs the organiser key as a bearer token");
      return;
    }
    create(ctx, WorkshopSpecs.parse(ApiRoutes.body(ctx)), id -> Future.succeededFuture());
  }

  /**
   * Creates a workshop from {@code spec} within the per-address allowance, runs {@code then} with its id, and
   * answers 201 with its links once that has succeeded (the next meeting of a series carries items in there).
   */
  void create(RoutingContext ctx, WorkshopSpecs.Spec spec, Function<String, Future<Void>> then) {
    String id = Ids.workshopId();
    NewToken facilitator = NewToken.mint(id, "p1", Role.FACILITATOR);
    NewToken display = NewToken.mint(id, TokenGrant.DISPLAY_ID, Role.DISPLAY);
    // Counted once the request is valid: a form sent back with a mistake does not use up the allowance.
    creations.take(ctx.request()).compose(wait -> wait > 0
        ? Future.succeededFuture((Runnable) () -> {
          ctx.response().putHeader("Retry-After", Long.toString(wait));
          HttpError.send(ctx, 429, "RATE_LIMITED", CreationLimit.message(wait));
        })
        : createWithFreeCode(id, spec, List.of(facilitator, display), 1).compose(code -> then.apply(id).map(code))
            .map(code -> (Runnable) () -> {
          ObjectNode out = Json.object();
          out.put("workshopId", id).put("joinCode", JoinCodes.display(code))
              .put("facilitatorToken", facilitator.token()).put("displayToken", display.token());
          out.putObject("links").put("join", "/j/" + code).put("facilitator", "/f/#" + facilitator.token())
              .put("display", "/d/#" + display.token());
          ApiRoutes.json(ctx, 201, out);
        })).onSuccess(Runnable::run).onFailure(ctx::fail);
  }

  private Future<String> createWithFreeCode(String id, WorkshopSpecs.Spec spec, List<NewToken> tokens, int attempt) {
    String code = JoinCodes.generate();
    long now = System.currentTimeMillis();
    Event.WorkshopCreated created = new Event.WorkshopCreated(id, spec.title(), code, spec.settings(), spec.phases(),
        new Participant("p1", spec.facilitatorName(), Role.FACILITATOR, null), now);
    String body = SequencedEvent.bodyWithoutSeq(now, new Emitted("p1", created));
    return store.create(id, code, Ids.random(16), body, tokens).map(v -> code).recover(err ->
        err instanceof WorkshopStore.CodeTakenException && attempt < CODE_ATTEMPTS
            ? createWithFreeCode(id, spec, tokens, attempt + 1)
            : Future.failedFuture(err));
  }
}
