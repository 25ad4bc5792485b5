package org.commonground.transport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.BiFunction;
import org.commonground.hub.Hub;
import org.commonground.protocol.JoinCodes;
import org.commonground.protocol.Json;
import org.commonground.store.TokenGrant;
import org.commonground.store.WorkshopStore;
import org.commonground.workshop.Actor;

/**
 * {@code POST /api/workshops/{id}/join-code} (extension): a facilitator gets a new join code, so that someone
 * removed cannot walk back in with the code they have. Every connected client hears it as
 * {@code workshop.updated}; the old code opens nothing from then on.
 */
final class JoinCodeRoutes {
  /** ApiRoutes' check: this workshop's facilitator behind a bearer token, or a 401/403 failure. */
  private final BiFunction<String, String, Future<TokenGrant>> facilitatorOf;
  private final JoinCodeSwitch codes;

  JoinCodeRoutes(WorkshopStore store, Hub hub, BiFunction<String, String, Future<TokenGrant>> facilitatorOf) {
    this.facilitatorOf = facilitatorOf;
    this.codes = new JoinCodeSwitch(store,
        (workshopId, actor, ref, command) -> hub.execute(workshopId, actor, ref, command, accepted -> List.of()),
        JoinCodes::generate);
  }

  void mount(Router router) {
    router.post("/api/workshops/:id/join-code").handler(this::newCode);
  }

  private void newCode(RoutingContext ctx) {
    String workshopId = ctx.pathParam("id");
    facilitatorOf.apply(ApiRoutes.bearer(ctx), workshopId)
        .compose(g -> codes.replace(workshopId, new Actor(g.participantId(), g.role())))
        .onSuccess(code -> {
          ObjectNode out = Json.object();
          out.put("joinCode", JoinCodes.display(code));
          out.putObject("links").put("join", "/j/" + code);
          ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
              .putHeader("Cache-Control", "no-store").end(Json.buffer(out));
        }).onFailure(ctx::fail);
  }
}
