package org.commonground.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.commonground.hub.Creation;
import org.commonground.hub.Hub;
import org.commonground.hub.Outcome;
import org.commonground.protocol.WorkshopBounds;
import org.commonground.protocol.Args;
import org.commonground.protocol.ProtocolException;
import org.commonground.protocol.WorkshopSpecs;
import org.commonground.report.SeriesOutcomes;
import org.commonground.store.Ids;
import org.commonground.store.TokenGrant;
import org.commonground.store.WorkshopStore;
import org.commonground.workshop.Action;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Carry;
import org.commonground.workshop.Command;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Participant;
import org.commonground.workshop.PhaseDef;
import org.commonground.workshop.Role;
import org.commonground.workshop.Series;
import org.commonground.workshop.Settings;
import org.commonground.workshop.WorkshopState;

/**
 * Meetings in a series: {@code POST /api/workshops/{id}/next} starts the next one, {@code GET
 * /api/series/{id}/outcomes} is "you said, we did", and a person from an earlier meeting may join again as
 * themselves.
 *
 * <p>A series is kept in its meetings' own logs ({@code series.updated}), not under a key of its own: it lives,
 * expires and is purged exactly with its meetings, and a series with no meetings left leaves nothing behind.
 * When a meeting is added or purged the others are told by an event, so every welcome and live view knows.
 */
final class SeriesRoutes {
  private final WorkshopStore store;
  private final Hub hub;
  private final CreateRoute creation;
  private final BiFunction<String, String, Future<TokenGrant>> facilitatorOf;

  SeriesRoutes(WorkshopStore store, Hub hub, CreateRoute creation,
               BiFunction<String, String, Future<TokenGrant>> facilitatorOf) {
    this.store = store;
    this.hub = hub;
    this.creation = creation;
    this.facilitatorOf = facilitatorOf;
  }

  void mount(Router router) {
    router.post("/api/workshops/:id/next").handler(this::next);
    router.get("/api/series/:id/outcomes").handler(this::outcomes);
  }

  /** What the next meeting takes from the one it follows. */
  private record Previous(String id, String title, WorkshopState.Status status, long createdAt, Series series,
                          Settings settings, List<PhaseDef> phases, String facilitatorName,
                          List<Contribution> contributions, List<Action> actions) {
    static Previous of(WorkshopState s, String facilitatorId) {
      Participant f = s.participants().get(facilitatorId);
      return new Previous(s.id(), s.title(), s.status(), s.createdAt(), s.series(), s.settings(), s.phases(),
          f == null ? null : f.name(), Carry.contributions(s), Carry.actions(s));
    }
  }

  /** A checked body of {@code /next}: checked before anything is looked up, so a mistake costs nothing. */
  private record NextRequest(JsonNode body, String date, String requestId) {
    static NextRequest parse(JsonNode body) {
      WorkshopSpecs.parse(body);
      Args a = new Args(body);
      String key = a.optString("requestId");
      if (key != null && !key.matches("[A-Za-z0-9_-]{8,100}")) {
        throw ProtocolException.invalid("requestId must be 8 to 100 letters, digits, '-' or '_'");
      }
      return new NextRequest(body, SeriesRoutes.date(a.optString("date")), key);
    }
  }

  private void next(RoutingContext ctx) {
    String fromId = ctx.pathParam("id");
    NextRequest req;
    try {
      req = NextRequest.parse(ApiRoutes.body(ctx));
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    facilitatorOf.apply(ApiRoutes.bearer(ctx), fromId)
        .compose(g -> hub.read(fromId, s -> Previous.of(s, g.participantId())))
        .onSuccess(prev -> {
          // A retried request (same requestId) names the same meeting, so it can never make a second one.
          String newId = req.requestId() == null ? Ids.workshopId() : Ids.workshopIdFrom(fromId + "/" + req.requestId());
          WorkshopSpecs.Spec spec;
          try {
            boolean listed = prev.series() != null && prev.series().has(newId);
            if (!listed && prev.series() != null && prev.series().meetings().size() >= WorkshopBounds.SERIES_MEETINGS) {
              throw ProtocolException.invalid("this series already has " + WorkshopBounds.SERIES_MEETINGS
                  + " meetings, the most one series can have: start a new workshop instead");
            }
            spec = spec(req.body(), prev);
          } catch (RuntimeException e) {
            ctx.fail(e);
            return;
          }
          creation.create(ctx, () -> made(prev, newId, spec, req.date()));
        }).onFailure(ctx::fail);
  }

  /**
   * Creates the meeting and carries items in; if it exists already (a retry), finishes what the first try may
   * have left undone and answers with fresh links to it. A carry that fails takes the new meeting away again,
   * so a failed request leaves nothing. If this node dies between creating and carrying, the meeting is in no
   * series and nobody holds its links: it expires unstarted, or a retry with the same requestId completes it.
   */
  private Future<Creation.Created> made(Previous prev, String newId, WorkshopSpecs.Spec spec, String date) {
    Creation make = creation.creation();
    return store.epoch(newId).compose(existing -> {
      if (existing.isPresent()) {
        return hub.read(newId, s -> s).compose(s -> {
          if (s.series() != null && !s.series().has(prev.id())) {
            return Future.failedFuture(ProtocolException.invalid("that requestId was used for another series"));
          }
          return carryIn(prev, newId, s.title(), s.status(), date).compose(v -> make.relink(newId, s.joinCode()));
        });
      }
      return make.create(newId, spec).compose(c -> carryIn(prev, newId, spec.title(), WorkshopState.Status.LOBBY, date).map(c)
          .recover(err -> store.purge(newId, c.joinCode()).transform(ar -> Future.failedFuture(err))));
    });
  }

  /** The agenda and settings of the meeting before unless the body changes them. */
  private static WorkshopSpecs.Spec spec(JsonNode body, Previous prev) {
    WorkshopSpecs.Spec given = WorkshopSpecs.parse(body);
    Args a = new Args(body);
    boolean newAgenda = a.optString("template") != null || (a.raw("phases") != null && !a.raw("phases").isNull());
    String name = a.optString("facilitatorName") != null || prev.facilitatorName() == null
        ? given.facilitatorName() : prev.facilitatorName();
    return new WorkshopSpecs.Spec(given.title(), newAgenda ? given.phases() : prev.phases(),
        WorkshopSpecs.settings(prev.settings(), a.optObject("settings")), name);
  }

  private static String date(String given) {
    try {
      return new Series.Meeting("-", "", WorkshopState.Status.LOBBY, given, 0).date();
    } catch (IllegalArgumentException e) {
      throw ProtocolException.invalid("date must be written yyyy-mm-dd, like 2026-12-03");
    }
  }

  /**
   * The new meeting learns its series and what is carried (once: a second carry changes nothing); then every
   * other meeting learns of it. Two meetings started at once from the same one each told that one first, whose
   * log orders them: the series it then holds, told to every meeting, lists both everywhere.
   */
  private Future<Void> carryIn(Previous prev, String newId, String title, WorkshopState.Status status, String date) {
    // A first meeting's series id follows from its id, so two next meetings started from it at once agree on it.
    Series base = prev.series() != null ? prev.series()
        : new Series(Ids.workshopIdFrom("series/" + prev.id()), prev.title(), List.of());
    Series.Meeting before = base.meeting(prev.id());
    base = base.with(new Series.Meeting(prev.id(), prev.title(), prev.status(),
        before == null ? null : before.date(), prev.createdAt()));
    Series.Meeting listed = base.meeting(newId);
    Series series = base.with(new Series.Meeting(newId, title, status, date,
        listed == null ? System.currentTimeMillis() : listed.createdAt()));
    Command.CarryIn carry = new Command.CarryIn(series, prev.id(), prev.contributions(), prev.actions());
    return hub.execute(newId, Actor.SERVER, "carry-in", carry, a -> List.of())
        .compose(outcome -> outcome instanceof Outcome.Error e
            ? Future.<Void>failedFuture(new IllegalStateException("carrying items in: " + e.message()))
            : tell(series, newId, null, "series-" + newId))
        .compose(v -> hub.read(prev.id(), WorkshopState::series)
            .compose(all -> all == null ? Future.<Void>succeededFuture() : tell(all, prev.id(), null, "series-all-" + newId))
            // The meeting before lists this one now, so any later withdrawal there reaches it; one that came
            // between reading the meeting before and that is found here (this node's copy of it is up to date,
            // having just appended to it).
            .compose(x -> hub.checkCarried(newId))
            // Once carried in, the meeting stands: what did not settle here settles at the next change or load.
            .recover(err -> Future.succeededFuture()));
  }

  /**
   * Tells every meeting of {@code series} but {@code except} what it now is (with {@code removed} gone). A
   * meeting that fails to hear it is passed over: it hears of the series again at the next change. A meeting
   * found gone (expired) is taken out of the others' lists.
   */
  private Future<Void> tell(Series series, String except, String removed, String ref) {
    List<Future<Boolean>> told = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Series.Meeting m : series.meetings()) {
      if (m.workshopId().equals(except)) continue;
      ids.add(m.workshopId());
      told.add(hub.execute(m.workshopId(), Actor.SERVER, ref, new Command.SeriesUpdate(series, removed), a -> List.of())
          .map(o -> !(o instanceof Outcome.Error e && e.code() == org.commonground.workshop.Code.NOT_FOUND))
          .recover(err -> Future.succeededFuture(!Hub.isNoSuchWorkshop(err))));
    }
    return Future.all(told).compose(v -> {
      Future<Void> after = Future.succeededFuture();
      for (int i = 0; i < ids.size(); i++) {
        String gone = ids.get(i);
        if (!told.get(i).result() && !gone.equals(removed)) after = after.compose(x -> purged(gone, series));
      }
      return after;
    });
  }

  /** After a purge: the meeting leaves the series of every other meeting. */
  Future<Void> purged(String workshopId, Series series) {
    if (series == null) return Future.succeededFuture();
    return tell(series.without(workshopId), workshopId, workshopId, "purged-" + workshopId);
  }

  private void outcomes(RoutingContext ctx) {
    String seriesId = ctx.pathParam("id");
    String token = ApiRoutes.bearer(ctx);
    if (token == null) {
      HttpError.send(ctx, 401, "UNAUTHENTICATED", "a link from one of the series' meetings is needed");
      return;
    }
    store.resolve(token).compose(grant -> {
      if (grant.isEmpty()) return Future.failedFuture(new ApiRoutes.HttpStatusException(401, "UNAUTHENTICATED", "unknown token"));
      return hub.read(grant.get().workshopId(), WorkshopState::series);
    }).compose(series -> {
      if (series == null || !series.id().equals(seriesId)) {
        return Future.failedFuture(new ApiRoutes.HttpStatusException(403, "FORBIDDEN", "that link is from another series"));
      }
      List<Future<WorkshopState>> reads = new ArrayList<>();
      List<String> gone = new ArrayList<>();
      for (Series.Meeting m : series.meetings()) {
        reads.add(hub.read(m.workshopId(), s -> s).transform(ar -> {
          if (ar.failed() && Hub.isNoSuchWorkshop(ar.cause())) gone.add(m.workshopId());
          return Future.succeededFuture(ar.succeeded() ? ar.result() : null);
        }));
      }
      return Future.all(reads).map(all -> {
        List<WorkshopState> kept = new ArrayList<>();
        for (Future<WorkshopState> f : reads) if (f.result() != null && f.result().exists()) kept.add(f.result());
        // A meeting that expired leaves the other meetings' lists now that it is noticed (nobody waits on it).
        for (String id : gone) purged(id, series);
        return SeriesOutcomes.of(series, kept);
      });
    }).onSuccess(out -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ApiRoutes.json(ctx, 200, out);
    }).onFailure(ctx::fail);
  }

  /**
   * The person a link from an earlier meeting of the same series stands for, to join {@code workshopId} as them
   * again; empty when the link is unknown, a display's, from this very meeting or from another series.
   */
  Future<Optional<Participant>> returning(String token, String workshopId) {
    if (token == null) return Future.succeededFuture(Optional.empty());
    return store.resolve(token).compose(grant -> {
      if (grant.isEmpty() || grant.get().role() == Role.DISPLAY || grant.get().workshopId().equals(workshopId)) {
        return Future.succeededFuture(Optional.<Participant>empty());
      }
      TokenGrant g = grant.get();
      return hub.read(workshopId, WorkshopState::series).compose(series -> series == null || !series.has(g.workshopId())
          ? Future.succeededFuture(Optional.<Participant>empty())
          : hub.read(g.workshopId(), s -> Optional.ofNullable(s.participants().get(g.participantId()))));
    }).recover(err -> Future.succeededFuture(Optional.empty()));
  }
}
