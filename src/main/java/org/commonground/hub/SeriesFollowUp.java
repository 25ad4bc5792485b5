package org.commonground.hub;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.commonground.store.Ids;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Carry;
import org.commonground.workshop.Command;
import org.commonground.workshop.Event;
import org.commonground.workshop.Series;
import org.commonground.workshop.WorkshopState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a meeting's own appends mean for the other meetings of its series, run by the node that appended them:
 * a withdrawal reaches every carried copy (each later meeting withdraws its copy, which in turn reaches the
 * meetings after it), and a start, end or new title reaches every meeting's list of the series.
 *
 * <p>If this node dies before the other meetings hear it, the withdrawal still reaches them: a meeting checks,
 * each time a node loads it, that what it carried is still where it came from ({@link #check}). That is the
 * simple durable path (no outbox to retry from); a meeting live on another node all along hears it when that
 * node next loads it. A status missed this way waits for the next change.
 */
final class SeriesFollowUp {
  private static final Logger LOG = LoggerFactory.getLogger(SeriesFollowUp.class);

  private final Hub hub;

  SeriesFollowUp(Hub hub) { this.hub = hub; }

  /** {@code s}: the meeting with {@code events} applied. */
  void appended(WorkshopState s, List<Event> events) {
    Series series = s.series();
    if (series == null) return;
    Set<String> withdrawn = new TreeSet<>();
    Series.Meeting changed = null;
    for (Event e : events) {
      if (e instanceof Event.ContributionRemoved r && !r.hidden()) withdrawn.add(r.id());
      if (e instanceof Event.WorkshopUpdated u) changed = entry(series, s.id(), u.title(), u.status());
      if (e instanceof Event.WorkshopEnded) changed = entry(series, s.id(), s.title(), WorkshopState.Status.ENDED);
    }
    Command.SeriesUpdate update = changed == null ? null
        : new Command.SeriesUpdate(new Series(series.id(), series.title(), List.of(changed)), null);
    for (Series.Meeting m : series.meetings()) {
      if (m.workshopId().equals(s.id())) continue;
      if (!withdrawn.isEmpty()) run(m.workshopId(), new Command.CarriedWithdrawn(s.id(), withdrawn));
      if (update != null) run(m.workshopId(), update);
    }
  }

  private static Series.Meeting entry(Series series, String id, String title, WorkshopState.Status status) {
    Series.Meeting was = series.meeting(id);
    return was == null ? null : new Series.Meeting(id, title, status, was.date(), was.createdAt());
  }

  /** Withdraws copies here of items withdrawn where they came from (an origin that no longer exists: none). */
  Future<Void> check(WorkshopState s) {
    Map<String, Set<String>> origins = Carry.origins(s);
    Future<Void> all = Future.succeededFuture();
    for (Map.Entry<String, Set<String>> o : origins.entrySet()) {
      all = all.compose(v -> hub.read(o.getKey(), from -> from.exists() ? gone(from, o.getValue()) : Set.<String>of())
          .recover(err -> Future.succeededFuture(Set.of()))
          .compose(gone -> gone.isEmpty() ? Future.<Void>succeededFuture()
              : run(s.id(), new Command.CarriedWithdrawn(o.getKey(), gone))));
    }
    return all;
  }

  private static Set<String> gone(WorkshopState from, Set<String> ids) {
    Set<String> out = new TreeSet<>();
    for (String id : ids) if (from.contributions().get(id) == null) out.add(id);
    return out;
  }

  private Future<Void> run(String workshopId, Command command) {
    return hub.execute(workshopId, Actor.SERVER, "series-" + Ids.random(12), command, a -> List.of())
        .onSuccess(o -> {
          if (o instanceof Outcome.Error e) LOG.debug("{} not done in {}: {}", command.commandName(), workshopId, e.message());
        })
        .recover(err -> {
          LOG.debug("{} not done in {}: {}", command.commandName(), workshopId, err.toString());
          return Future.succeededFuture();
        }).mapEmpty();
  }
}
