package org.commonground.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.protocol.ServerFrames;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Code;
import org.commonground.workshop.Command;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Decision;
import org.commonground.workshop.Event;
import org.commonground.workshop.Theme;
import org.commonground.workshop.Workshop;
import org.commonground.workshop.WorkshopState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workshop's theme help: suggestions on request, placement help as people group. Both take real CPU
 * (embeddings), so they run on the theme workers with a snapshot of the state, outside the command
 * queue, and what they find is recorded through the queue against whatever the state is by then.
 * Used on the workshop's context only.
 */
final class ThemeAssist {
  private static final Logger LOG = LoggerFactory.getLogger(ThemeAssist.class);
  /** Suggestion requests computed at once per workshop; more get RATE_LIMITED. */
  private static final int MAX_SUGGESTING = 2;

  /** What the assist needs from its workshop. */
  interface Host {
    WorkshopState state();

    /** Runs a command for a connection, as if it had sent it. */
    void submit(Member m, String ref, Command command);

    /** Runs a command as the server itself. */
    void submitAsServer(Command command);
  }

  private final String workshopId;
  private final Context context;
  private final ThemeWork themes;
  private final long debounceMs;
  private final Host host;
  private final Set<String> suggesting = new HashSet<>();
  private final OneTimer placementTimer;
  private boolean placing;
  private boolean placementAgain;

  ThemeAssist(String workshopId, Context context, ThemeWork themes, long debounceMs, Host host) {
    this.workshopId = workshopId;
    this.context = context;
    this.themes = themes;
    this.debounceMs = debounceMs;
    this.host = host;
    this.placementTimer = new OneTimer(context.owner());
  }

  /** {@code themes.suggest}: checked, computed on a worker, then recorded under the facilitator's ref. */
  void suggest(Member m, String ref, Actor actor, Command.ThemesSuggest g) {
    WorkshopState state = host.state();
    Decision d = Workshop.decide(state, g, actor, System.currentTimeMillis());
    if (d instanceof Decision.Rejected r) {
      m.send(ServerFrames.err(ref, r.rejection().code(), r.rejection().message()));
      return;
    }
    ThemeHelp help = themes.help();
    if (help.unavailableReason() != null) {
      m.send(ServerFrames.err(ref, Code.INTERNAL, help.unavailableReason()));
      return;
    }
    String key = actor.participantId() + "\n" + ref;
    if (suggesting.contains(key)) return; // a resend while it is worked out: the first answer will come
    if (suggesting.size() >= MAX_SUGGESTING) {
      m.send(ServerFrames.err(ref, Code.RATE_LIMITED, "suggestions are already being worked out; try again in a moment"));
      return;
    }
    suggesting.add(key);
    List<Contribution> notes = Workshop.suggestable(state, g.phase());
    Contexts.on(context, themes.run(() -> help.suggest(notes))).onComplete(ar -> {
      suggesting.remove(key);
      if (ar.failed()) {
        // The engine loads on first use: if that is what failed, say so, as every later call will.
        String unavailable = themes.help().unavailableReason();
        if (unavailable == null) LOG.warn("theme suggestions failed in workshop {}", workshopId, ar.cause());
        m.send(ServerFrames.err(ref, Code.INTERNAL,
            unavailable != null ? unavailable : "could not work out suggestions just now; please try again"));
        return;
      }
      host.submit(m, ref, new Command.RecordSuggestions(ar.result()));
    });
  }

  /** After this node appended events: placement help is worked out again once grouping rests a moment. */
  void appended(List<Event> events) {
    if (events.stream().anyMatch(ThemeAssist::changesGrouping)) schedule();
  }

  private void schedule() {
    WorkshopState state = host.state();
    if (themes.help().unavailableReason() != null) return;
    if (state.themes().isEmpty() && state.fits().isEmpty()) return;
    placementTimer.set(debounceMs, this::place);
  }

  private void place() {
    if (placing) {
      placementAgain = true;
      return;
    }
    WorkshopState state = host.state();
    List<Contribution> unthemed = new ArrayList<>();
    for (Contribution c : state.contributions().values()) if (!c.hidden() && c.themeId() == null) unthemed.add(c);
    List<Theme> themeList = new ArrayList<>(state.themes().values());
    Map<String, Contribution> all = state.contributions();
    ThemeHelp help = themes.help();
    placing = true;
    Contexts.on(context, themes.run(() -> themeList.isEmpty() ? Map.<String, List<String>>of()
        : help.place(unthemed, themeList, all))).onComplete(ar -> {
          placing = false;
          if (ar.succeeded()) {
            Map<String, List<String>> fits = new HashMap<>();
            for (Contribution c : unthemed) fits.put(c.id(), ar.result().getOrDefault(c.id(), List.of()));
            host.submitAsServer(new Command.RecordPlacement(fits));
          } else {
            LOG.warn("placement help failed in workshop {}", workshopId, ar.cause());
          }
          if (placementAgain) {
            placementAgain = false;
            schedule();
          }
        });
  }

  private static boolean changesGrouping(Event e) {
    return e instanceof Event.ThemeCreated || e instanceof Event.ThemeUpdated || e instanceof Event.ThemeRemoved
        || e instanceof Event.ContributionMoved || e instanceof Event.ContributionAdded
        || e instanceof Event.ContributionUpdated;
  }
}
