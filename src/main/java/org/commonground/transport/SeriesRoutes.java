package org.commonground.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
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

  private void next(RoutingContext ctx) {
    String fromId = ctx.pathParam("id");
    facilitatorOf.apply(ApiRoutes.bearer(ctx), fromId)
        .compose(g -> hub.read(fromId, s -> Previous.of(s, g.participantId())))
        .onSuccess(prev -> {
          JsonNode body;
          WorkshopSpecs.Spec spec;
          String date;
          try {
            if (prev.series() != null && prev.series().meetings().size() >= WorkshopBounds.SERIES_MEETINGS) {
              throw ProtocolException.invalid("this series already has " + WorkshopBounds.SERIES_MEETINGS
                  + " meetings, the most one series can have: start a new workshop instead");
            }
            body = ApiRoutes.body(ctx);
            spec = spec(body, prev);
            date = date(new Args(body).optString("date"));
          } catch (RuntimeException e) {
            ctx.fail(e);
            return;
          }
          creation.create(ctx, spec, newId -> carryIn(prev, newId, spec.title(), date));
        }).onFailure(ctx::fail);
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

  /** The new meeting learns its series and what is carried; then every earlier meeting learns of it. */
  private Future<Void> carryIn(Previous prev, String newId, String title, String date) {
    Series base = prev.series() != null ? prev.series() : new Series(Ids.random(12), prev.title(), List.of());
    Series.Meeting before = base.meeting(prev.id());
    base = base.with(new Series.Meeting(prev.id(), prev.title(), prev.status(),
        before == null ? null : before.date(), prev.createdAt()));
    Series series = base.with(new Series.Meeting(newId, title, WorkshopState.Status.LOBBY, date,
        System.currentTimeMillis()));
    Command.CarryIn carry = new Command.CarryIn(series, prev.id(), prev.contributions(), prev.actions());
    return hub.execute(newId, Actor.SERVER, "carry-in", carry, a -> List.of())
        .compose(outcome -> outcome instanceof Outcome.Error e
            ? Future.<Void>failedFuture(new IllegalStateException("carrying items in: " + e.message()))
            : tell(series, newId, null, "series-" + newId));
  }

  /**
   * Tells every meeting of {@code series} but {@code except} what it now is (with {@code removed} gone). A
   * meeting that no longer exists, or fails to hear it, is passed over: the outcomes page reads each meeting
   * afresh, and a meeting that fails hears of the series again at the next change.
   */
  private Future<Void> tell(Series series, String except, String removed, String ref) {
    List<Future<Void>> told = new ArrayList<>();
    for (Series.Meeting m : series.meetings()) {
      if (m.workshopId().equals(except)) continue;
      told.add(hub.execute(m.workshopId(), Actor.SERVER, ref, new Command.SeriesUpdate(series, removed), a -> List.of())
          .transform(ar -> Future.<Void>succeededFuture()));
    }
    return Future.all(told).mapEmpty();
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
      for (Series.Meeting m : series.meetings()) {
        reads.add(hub.read(m.workshopId(), s -> s).transform(ar -> Future.succeededFuture(ar.succeeded() ? ar.result() : null)));
      }
      return Future.all(reads).map(all -> {
        List<WorkshopState> kept = new ArrayList<>();
        for (Future<WorkshopState> f : reads) if (f.result() != null && f.result().exists()) kept.add(f.result());
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
