package org.commonground.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonground.config.AppConfig;
import org.commonground.hub.Hub;
import org.commonground.hub.Outcome;
import org.commonground.protocol.Args;
import org.commonground.protocol.Json;
import org.commonground.protocol.JoinCodes;
import org.commonground.protocol.ProtocolException;
import org.commonground.protocol.Views;
import org.commonground.store.Ids;
import org.commonground.store.NewToken;
import org.commonground.store.TokenGrant;
import org.commonground.store.WorkshopStore;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Command;
import org.commonground.workshop.Participant;
import org.commonground.workshop.Role;
import org.commonground.workshop.Settings;

/** The REST side of docs/protocol.md: create (CreateRoute), join, co-facilitators, the QR code, reports, deletion. */
final class ApiRoutes {
  private final AppConfig config;
  private final WorkshopStore store;
  private final Hub hub;
  private final CreateRoute creation;
  private final SeriesRoutes series;

  ApiRoutes(AppConfig config, WorkshopStore store, Hub hub) {
    this.config = config;
    this.store = store;
    this.hub = hub;
    this.creation = new CreateRoute(config, store);
    this.series = new SeriesRoutes(store, hub, creation, this::facilitatorOf);
  }

  void mount(Router router) {
    router.post("/api/workshops").handler(this::create);
    router.post("/api/join").handler(this::join);
    router.get("/api/join/:code").handler(this::preview);
    router.post("/api/workshops/:id/facilitators").handler(this::addFacilitator);
    router.post("/api/workshops/:id/display").handler(this::newDisplayLink);
    router.get("/api/workshops/:id/qr.svg").handler(this::qr);
    new ReportRoute(hub, this::facilitatorOf).mount(router);
    router.delete("/api/workshops/:id").handler(this::purge);
    new JoinCodeRoutes(store, hub, this::facilitatorOf).mount(router);
    series.mount(router);
  }

  private void create(RoutingContext ctx) {
    creation.handle(ctx);
  }

  private void join(RoutingContext ctx) {
    JsonNode body = body(ctx);
    var args = new Args(body);
    String rawCode = args.string("joinCode");
    // Someone from an earlier meeting of the series may leave their name out: it comes with them.
    String returning = args.optString("returning");
    String name = returning == null ? args.string("name") : args.optString("name");
    String group = args.optString("group");
    Command.Join typed = name == null ? null : participantJoin(name, group);
    String code = JoinCodes.normalise(rawCode);
    Future<Optional<String>> workshop = code == null
        ? Future.succeededFuture(Optional.empty())
        : store.workshopOfCode(code);
    workshop.compose(w -> {
      if (w.isEmpty()) return unknownCode(ctx);
      Future<Command.Join> command = returning == null ? Future.succeededFuture(typed)
          : series.returning(returning, w.get()).compose(p -> hub.read(w.get(), s -> s.settings()).map(settings -> asBefore(typed, p, group, settings)));
      return command.compose(c -> joinWorkshop(w.get(), c.withJoinCode(code)))
          .map(ok -> (Runnable) () -> json(ctx, 201, ok));
    }).onSuccess(Runnable::run).onFailure(ctx::fail);
  }

  private static Command.Join participantJoin(String name, String group) { return join(name, group, Role.PARTICIPANT); }

  /** A join command, or the reason it is not one as a 400. */
  private static Command.Join join(String name, String group, Role role) {
    try {
      return new Command.Join(name, group, role);
    } catch (IllegalArgumentException e) {
      throw ProtocolException.invalid(e.getMessage());
    }
  }

  /**
   * A returning person's name and group, unless they typed others; a group this meeting lacks is left out.
   * Called outside {@code hub.read}: what it throws must fail the future, not the workshop's context.
   */
  private static Command.Join asBefore(Command.Join typed, Optional<Participant> before, String group,
                                       Settings settings) {
    if (before.isEmpty()) {
      if (typed != null) return typed;
      throw ProtocolException.invalid("We could not find you from last time. Type your name to join.");
    }
    String name = typed != null ? typed.name() : before.get().name();
    String g = group != null ? group : before.get().group();
    return participantJoin(name, g != null && settings.hasGroup(g) ? g : null);
  }

  /**
   * The answer to a code that opens nothing. Failed attempts are counted per address to slow code
   * guessing (successful joins never are); past the limit the answer is 429 with Retry-After.
   */
  private Future<Runnable> unknownCode(RoutingContext ctx) {
    String address = ClientAddress.of(ctx.request(), config.http().behindProxy());
    return store.countFailedJoin(address, config.limits().failedJoinWindowSeconds()).map(count -> () -> {
      if (count[0] > config.limits().failedJoinsPerWindow()) {
        ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, count[1])));
        HttpError.send(ctx, 429, "RATE_LIMITED", "too many wrong join codes; wait a minute and try again");
      } else {
        HttpError.send(ctx, 404, "NOT_FOUND", "no workshop has that join code; check it with the facilitator");
      }
    });
  }

  /**
   * What someone about to join needs to see: the title, the stakeholder groups to choose from, whether
   * posts may be anonymous. Unknown codes count as failed joins, so this is no way round the limit.
   */
  private void preview(RoutingContext ctx) {
    String code = JoinCodes.normalise(ctx.pathParam("code"));
    Future<Optional<String>> workshop = code == null ? Future.succeededFuture(Optional.empty()) : store.workshopOfCode(code);
    workshop.compose(w -> {
      if (w.isPresent()) {
        return hub.read(w.get(), s -> {
          if (!code.equals(s.joinCode())) return null; // replaced a moment ago: it opens nothing now
          ObjectNode out = Json.object();
          out.put("title", s.title()).put("status", s.status().wire())
              .put("anonymity", s.settings().anonymity().wire()).put("joiningLocked", s.settings().joiningLocked())
              .put("lang", s.settings().lang().wire());
          out.set("stakeholderGroups", Views.settings(s.settings()).get("stakeholderGroups"));
          // Which meetings a person remembered on this device may come back from (no titles, no people).
          if (s.series() != null) {
            ObjectNode sr = out.putObject("series").put("id", s.series().id());
            var ids = sr.putArray("workshopIds");
            s.series().meetings().forEach(m -> ids.add(m.workshopId()));
          }
          return (Runnable) () -> json(ctx, 200, out);
        }).compose(shown -> shown != null ? Future.succeededFuture(shown) : unknownCode(ctx));
      }
      return unknownCode(ctx);
    }).onSuccess(Runnable::run).onFailure(ctx::fail);
  }

  private Future<ObjectNode> joinWorkshop(String workshopId, Command.Join command) {
    return admit(workshopId, new Actor("joining", Role.PARTICIPANT), "join-", command).map(minted -> {
      ObjectNode out = Json.object();
      out.put("workshopId", workshopId).put("participantId", minted.grant().participantId()).put("token", minted.token());
      return out;
    });
  }

  /**
   * Runs a join through the workshop's command queue, the newcomer's token stored with its event; the
   * workshop's refusal fails the future with its code and words.
   */
  private Future<NewToken> admit(String workshopId, Actor by, String refPrefix, Command.Join command) {
    NewToken[] minted = new NewToken[1];
    return hub.execute(workshopId, by, refPrefix + Ids.random(16), command, accepted -> {
      minted[0] = NewToken.mint(workshopId, (String) accepted.result().get("participantId"), command.role());
      return List.of(minted[0]);
    }).compose(outcome -> outcome instanceof Outcome.Error e
        ? Future.failedFuture(new ProtocolException(e.code(), e.message()))
        : Future.succeededFuture(minted[0]));
  }

  private void addFacilitator(RoutingContext ctx) {
    String workshopId = ctx.pathParam("id");
    String token = bearer(ctx);
    Command.Join command = join(new Args(body(ctx)).string("name"), null, Role.FACILITATOR);
    facilitatorOf(token, workshopId)
        .compose(g -> admit(workshopId, new Actor(g.participantId(), g.role()), "cofac-", command))
        .map(minted -> {
          ObjectNode out = Json.object();
          out.put("participantId", minted.grant().participantId()).put("token", minted.token());
          return out;
        }).onSuccess(out -> json(ctx, 201, out)).onFailure(ctx::fail);
  }

  /**
   * A new display link for a facilitator (extension): the server keeps only a hash of each token, so the
   * link shown at creation cannot be shown again; a facilitator on another device, or a co-facilitator,
   * gets a new one instead. Earlier display links keep working.
   */
  private void newDisplayLink(RoutingContext ctx) {
    String workshopId = ctx.pathParam("id");
    NewToken display = NewToken.mint(workshopId, TokenGrant.DISPLAY_ID, Role.DISPLAY);
    facilitatorOf(bearer(ctx), workshopId)
        .compose(g -> store.addToken(workshopId, display))
        .onSuccess(added -> {
          if (!added) {
            HttpError.send(ctx, 404, "NOT_FOUND", "no such workshop");
            return;
          }
          ObjectNode out = Json.object();
          out.put("displayToken", display.token());
          out.putObject("links").put("display", "/d/#" + display.token());
          json(ctx, 201, out);
        }).onFailure(ctx::fail);
  }

  /** This workshop's facilitator behind a bearer token, or a 401/403 failure. */
  private Future<TokenGrant> facilitatorOf(String token, String workshopId) {
    if (token == null) {
      return Future.failedFuture(new HttpStatusException(401, "UNAUTHENTICATED", "a facilitator token is required"));
    }
    return store.resolve(token).compose(grant -> {
      if (grant.isEmpty()) return Future.failedFuture(new HttpStatusException(401, "UNAUTHENTICATED", "unknown token"));
      TokenGrant g = grant.get();
      if (!g.workshopId().equals(workshopId) || g.role() != Role.FACILITATOR) {
        return Future.failedFuture(new HttpStatusException(403, "FORBIDDEN", "only this workshop's facilitators can do that"));
      }
      // A facilitator removed from the workshop keeps a token that no longer opens anything.
      return hub.read(workshopId, s -> s.participants().get(g.participantId()) != null).compose(member -> member
          ? Future.succeededFuture(g)
          : Future.failedFuture(new HttpStatusException(403, "FORBIDDEN", "you are no longer in this workshop")));
    });
  }

  /**
   * Deletes the workshop at once: every trace in Redis, its tokens and join code; its connections close. It
   * leaves its series: the other meetings are told.
   */
  private void purge(RoutingContext ctx) {
    String workshopId = ctx.pathParam("id");
    facilitatorOf(bearer(ctx), workshopId)
        .compose(g -> hub.read(workshopId, s -> s))
        .compose(s -> store.purge(workshopId, s.joinCode()).compose(v -> series.purged(workshopId, s.series())))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void qr(RoutingContext ctx) {
    String workshopId = ctx.pathParam("id");
    if (!Ids.isWorkshopId(workshopId)) {
      HttpError.send(ctx, 404, "NOT_FOUND", "no such workshop");
      return;
    }
    hub.read(workshopId, s -> s.joinCode()).onSuccess(code -> {
      String link = Links.origin(ctx.request(), config.http()) + "/j/" + code;
      // Private: the link depends on the address the request reached, so no shared cache may keep one.
      ctx.response().putHeader("Content-Type", "image/svg+xml").putHeader("Cache-Control", "private, max-age=3600")
          .end(QrSvg.of(link));
    }).onFailure(ctx::fail);
  }

  static JsonNode body(RoutingContext ctx) {
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) throw ProtocolException.invalid("a JSON body is required");
    return Json.parseObject(text);
  }

  static String bearer(RoutingContext ctx) {
    String h = ctx.request().getHeader("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    String t = h.substring(7).strip();
    return t.isEmpty() ? null : t;
  }

  static void json(RoutingContext ctx, int status, JsonNode body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(Json.buffer(body));
  }

  /** A failure that maps straight to an HTTP status and code. */
  static final class HttpStatusException extends RuntimeException {
    final int status;
    final String code;

    HttpStatusException(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }
}
