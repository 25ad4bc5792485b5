package org.commonground.workshop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonground.workshop.Command.Join;
import org.commonground.workshop.ContributionCommands.WithdrawContribution;
import org.commonground.workshop.Event.ContributionAdded;
import org.commonground.workshop.Event.ContributionMoved;
import org.commonground.workshop.Event.PlacementUpdated;
import org.commonground.workshop.Event.ThemeCreated;
import org.commonground.workshop.Event.ThemeRemoved;
import org.commonground.workshop.Event.ThemeUpdated;
import org.commonground.workshop.Event.ThemesSuggested;
import org.commonground.workshop.Event.ContributionReacted;
import org.commonground.workshop.Event.ContributionRemoved;
import org.commonground.workshop.Event.ContributionUpdated;
import org.commonground.workshop.Event.FloorGiven;
import org.commonground.workshop.Event.HandsChanged;
import org.commonground.workshop.Event.ParticipantJoined;
import org.commonground.workshop.Event.ParticipantRemoved;
import org.commonground.workshop.Event.PhaseChanged;
import org.commonground.workshop.Event.PollClosed;
import org.commonground.workshop.Event.PollOpened;
import org.commonground.workshop.Event.PollTallied;
import org.commonground.workshop.Event.ReadyChanged;
import org.commonground.workshop.Event.SpotlightChanged;
import org.commonground.workshop.Event.VotesChanged;
import org.commonground.workshop.Event.WorkshopCreated;
import org.commonground.workshop.Event.WorkshopEnded;
import org.commonground.workshop.Event.WorkshopUpdated;
import org.pcollections.HashTreePSet;
import org.pcollections.OrderedPMap;
import org.pcollections.PVector;
import org.pcollections.PMap;
import org.pcollections.TreePVector;

/**
 * The rules of a workshop: {@code decide} turns a command into events or a rejection without changing
 * anything; {@code apply} folds one event into the state. Both are pure, so every node that holds the
 * same seq decides and applies alike. The rules themselves live by area: {@link CreationRules},
 * {@link ContributionRules},
 * {@link AgendaRules}, {@link VotingRules}, {@link PollRules}, {@link HandRules},
 * {@link FacilitationRules}, {@link ThemeRules}, {@link SeriesRules}.
 */
public final class Workshop {
  /** The creating facilitator's participant id: the first of every workshop, and its first token's. */
  public static final String CREATOR_ID = "p1";

  private Workshop() {}

  public static Decision decide(WorkshopState s, Command cmd, Actor actor, long now) {
    if (cmd instanceof Command.Create c) return CreationRules.decide(s, c, actor, now);
    if (!s.exists()) return Decision.reject(Code.NOT_FOUND, "no such workshop");
    if (cmd instanceof Join j && j.joinCode() != null && !j.joinCode().equals(s.joinCode())) {
      return Decision.reject(Code.NOT_FOUND, "no workshop has that join code; check it with the facilitator");
    }
    if (actor.role() == Role.DISPLAY) return Decision.reject(Code.FORBIDDEN, "a display cannot send commands");
    // A new code still makes sense after the end: it switches off the old one, which would show the title.
    if (s.status() == WorkshopState.Status.ENDED && !(cmd instanceof WithdrawContribution)
        && !(cmd instanceof Command.NewJoinCode) && !SeriesRules.afterEnd(cmd)) {
      return Decision.reject(Code.ENDED, "this workshop has ended");
    }
    if (!(cmd instanceof Join) && !actor.isServer() && s.participants().get(actor.participantId()) == null) {
      return Decision.reject(Code.FORBIDDEN, "you are not in this workshop");
    }
    Decision d = ContributionRules.decide(s, cmd, actor, now);
    if (d == null) d = AgendaRules.decide(s, cmd, actor, now);
    if (d == null) d = VotingRules.decide(s, cmd, actor);
    if (d == null) d = PollRules.decide(s, cmd, actor);
    if (d == null) d = HandRules.decide(s, cmd, actor);
    if (d == null) d = FacilitationRules.decide(s, cmd, actor, now);
    if (d == null) d = ThemeRules.decide(s, cmd, actor);
    if (d == null) d = SeriesRules.decide(s, cmd, actor, now);
    if (d == null) throw new IllegalArgumentException("no rule for " + cmd.commandName());
    return d;
  }

  /** The contributions a theme suggestion request covers, in posting order: visible ones, of one phase or all. */
  public static List<Contribution> suggestable(WorkshopState s, Integer phase) {
    return ThemeRules.suggestable(s, phase);
  }

  /** Whether the current phase lets a participant do this; facilitators may always. */
  public static boolean allowed(WorkshopState s, Actor actor, Allow what) {
    return actor.isFacilitator() || s.currentPhase().allow().contains(what);
  }

  static Decision facilitatorsOnly(Actor actor, String what) {
    return actor.isFacilitator() ? null : Decision.reject(Code.FORBIDDEN, "only facilitators can " + what);
  }

  public static WorkshopState apply(WorkshopState s, Event event) {
    WorkshopState.Builder b = s.toBuilder();
    if (event instanceof WorkshopCreated c) {
      return b.title(c.title()).joinCode(c.joinCode()).status(WorkshopState.Status.LOBBY).settings(c.settings())
          .createdAt(c.createdAt()).phases(c.phases()).phase(PhaseState.pending(c.phases().get(0)))
          .participants(s.participants().plus(c.facilitator().id(), c.facilitator()))
          .counters(s.counters().nextParticipant()).build();
    }
    if (event instanceof ParticipantJoined j) {
      return b.participants(s.participants().plus(j.participant().id(), j.participant()))
          .counters(s.counters().nextParticipant()).build();
    }
    if (event instanceof ContributionAdded a) {
      Contribution c = a.contribution();
      boolean fresh = s.contributions().get(c.id()) == null;
      b.contributions(s.contributions().plus(c.id(), c));
      return (fresh ? b.counters(s.counters().nextContribution()) : b).build();
    }
    if (event instanceof ContributionUpdated u) return updated(s, b, u.contribution());
    if (event instanceof ContributionRemoved r) return removed(s, b, r);
    if (event instanceof ContributionReacted r) {
      Contribution c = s.contributions().get(r.id());
      return c == null ? s : b.contributions(s.contributions().plus(r.id(), c.withReactions(r.reactedBy()))).build();
    }
    if (event instanceof PhaseChanged p) {
      return b.phase(p.phase()).agenda(ran(s, p.phase())).timeLeft(AgendaRules.left(s, p.phase())).build();
    }
    if (event instanceof WorkshopUpdated u) {
      return b.title(u.title()).joinCode(u.joinCode() == null ? s.joinCode() : u.joinCode()).settings(u.settings())
          .status(u.status()).build();
    }
    if (event instanceof ReadyChanged r) return b.ready(HashTreePSet.from(r.ready())).build();
    if (event instanceof VotesChanged v) return voted(s, b, v);
    if (event instanceof PollOpened o) {
      return b.polls(s.polls().plus(o.poll().id(), o.poll())).counters(s.counters().nextPoll()).build();
    }
    if (event instanceof PollTallied t) {
      Poll p = s.polls().get(t.pollId());
      return p == null ? s : b.polls(s.polls().plus(p.id(), p.withAnswers(t.answers()))).build();
    }
    if (event instanceof PollClosed c) return b.polls(s.polls().plus(c.poll().id(), c.poll())).build();
    if (event instanceof HandsChanged h) return b.hands(TreePVector.from(h.queue())).build();
    if (event instanceof FloorGiven) return s;
    if (event instanceof SpotlightChanged sp) return b.spotlight(sp.spotlight()).build();
    if (event instanceof ParticipantRemoved r) {
      return b.participants(s.participants().minus(r.id())).hands(s.hands().minus(r.id()))
          .ready(s.ready().minus(r.id())).build();
    }
    if (event instanceof WorkshopEnded) {
      PhaseState p = s.phase();
      long at = ((WorkshopEnded) event).endedAt();
      PVector<PhaseRun> agenda = s.agenda();
      if (!agenda.isEmpty() && agenda.get(agenda.size() - 1).endedAt() == null) {
        agenda = agenda.with(agenda.size() - 1, agenda.get(agenda.size() - 1).endedAt(at));
      }
      return b.status(WorkshopState.Status.ENDED).endedAt(at).agenda(agenda)
          .phase(new PhaseState(p.index(), PhaseState.Status.DONE, p.startedAt(), null, 0L)).build();
    }
    if (event instanceof ThemeCreated c) return themeCreated(s, b, c.theme());
    if (event instanceof ThemeUpdated u) return b.themes(s.themes().plus(u.theme().id(), u.theme())).build();
    if (event instanceof ThemeRemoved r) return themeRemoved(s, b, r.id());
    if (event instanceof ContributionMoved m) return moved(s, b, m.id(), m.themeId());
    if (event instanceof ThemesSuggested g) {
      return b.suggestions(g.suggestions()).counters(ThemeRules.countedSuggestions(s, g)).build();
    }
    if (event instanceof PlacementUpdated p) {
      PMap<String, List<String>> fits = s.fits();
      for (Map.Entry<String, List<String>> e : p.fits().entrySet()) {
        fits = e.getValue().isEmpty() ? fits.minus(e.getKey()) : fits.plus(e.getKey(), e.getValue());
      }
      return b.fits(fits).build();
    }
    if (event instanceof Event.ActionAdded a) return b.actions(s.actions().plus(a.action().id(), a.action())).build();
    if (event instanceof Event.ActionUpdated u) return b.actions(s.actions().plus(u.action().id(), u.action())).build();
    if (event instanceof Event.SeriesUpdated u) return b.series(u.series()).build();
    if (event instanceof Event.ItemsCarried c) {
      OrderedPMap<String, Action> actions = s.actions();
      for (Action a : c.actions()) actions = actions.plus(a.id(), a);
      return b.carried(s.carried().plusAll(c.contributions())).actions(actions).build();
    }
    throw new IllegalArgumentException("no rule for " + event.name());
  }

  /** A move to another phase closes the run of the one left and opens one for the phase started. */
  private static PVector<PhaseRun> ran(WorkshopState s, PhaseState next) {
    PVector<PhaseRun> agenda = s.agenda();
    if (next.status() != PhaseState.Status.RUNNING || next.startedAt() == null) return agenda;
    PhaseRun last = agenda.isEmpty() ? null : agenda.get(agenda.size() - 1);
    if (last != null && last.index() == next.index() && last.endedAt() == null) return agenda;
    if (last != null && last.endedAt() == null) agenda = agenda.with(agenda.size() - 1, last.endedAt(next.startedAt()));
    return agenda.plus(new PhaseRun(next.index(), next.startedAt(), null));
  }

  /** An update that takes a post out of its theme (parking it) takes it out of the theme's list too. */
  private static WorkshopState updated(WorkshopState s, WorkshopState.Builder b, Contribution c) {
    Contribution was = s.contributions().get(c.id());
    if (was != null && was.themeId() != null && !was.themeId().equals(c.themeId())) {
      b.themes(without(s.themes(), was.themeId(), c.id()));
    }
    return b.contributions(s.contributions().plus(c.id(), c)).build();
  }

  /** A theme's contributions leave whatever theme they were in; placement help for them is done. */
  private static WorkshopState themeCreated(WorkshopState s, WorkshopState.Builder b, Theme theme) {
    OrderedPMap<String, Theme> themes = s.themes();
    OrderedPMap<String, Contribution> contributions = s.contributions();
    PMap<String, List<String>> fits = s.fits();
    for (String id : theme.contributionIds()) {
      Contribution c = contributions.get(id);
      if (c == null) continue;
      if (c.themeId() != null && !c.themeId().equals(theme.id())) themes = without(themes, c.themeId(), id);
      contributions = contributions.plus(id, c.withTheme(theme.id()));
      fits = fits.minus(id);
    }
    boolean fresh = s.themes().get(theme.id()) == null;
    b.themes(themes.plus(theme.id(), theme)).contributions(contributions).fits(fits);
    return (fresh ? b.counters(s.counters().nextTheme()) : b).build();
  }

  private static WorkshopState themeRemoved(WorkshopState s, WorkshopState.Builder b, String themeId) {
    Theme t = s.themes().get(themeId);
    if (t == null) return s;
    OrderedPMap<String, Contribution> contributions = s.contributions();
    for (String id : t.contributionIds()) {
      Contribution c = contributions.get(id);
      if (c != null && themeId.equals(c.themeId())) contributions = contributions.plus(id, c.withTheme(null));
    }
    Spotlight spot = s.spotlight();
    if (spot != null && spot.id().equals(themeId)) spot = null;
    // Placement help must not point at a theme that is gone.
    PMap<String, List<String>> fits = s.fits();
    for (Map.Entry<String, List<String>> e : s.fits().entrySet()) {
      if (!e.getValue().contains(themeId)) continue;
      List<String> rest = e.getValue().stream().filter(id -> !id.equals(themeId)).toList();
      fits = rest.isEmpty() ? fits.minus(e.getKey()) : fits.plus(e.getKey(), rest);
    }
    return b.themes(s.themes().minus(themeId)).contributions(contributions).votesBy(refund(s.votesBy(), themeId))
        .spotlight(spot).fits(fits).build();
  }

  private static WorkshopState moved(WorkshopState s, WorkshopState.Builder b, String id, String themeId) {
    Contribution c = s.contributions().get(id);
    if (c == null) return s;
    OrderedPMap<String, Theme> themes = s.themes();
    if (c.themeId() != null) themes = without(themes, c.themeId(), id);
    if (themeId != null) {
      Theme t = themes.get(themeId);
      if (t != null) {
        List<String> ids = new ArrayList<>(t.contributionIds());
        ids.add(id);
        themes = themes.plus(themeId, t.withContributions(ids));
      }
    }
    return b.themes(themes).contributions(s.contributions().plus(id, c.withTheme(themeId)))
        .fits(themeId == null ? s.fits() : s.fits().minus(id)).build();
  }

  private static OrderedPMap<String, Theme> without(OrderedPMap<String, Theme> themes, String themeId, String id) {
    Theme t = themes.get(themeId);
    if (t == null) return themes;
    List<String> ids = new ArrayList<>(t.contributionIds());
    ids.remove(id);
    return themes.plus(themeId, t.withContributions(ids));
  }

  /** Votes on something that is gone go back to their voters. */
  private static PMap<String, PMap<String, Integer>> refund(PMap<String, PMap<String, Integer>> votesBy, String targetId) {
    for (Map.Entry<String, PMap<String, Integer>> e : votesBy.entrySet()) {
      if (e.getValue().containsKey(targetId)) {
        PMap<String, Integer> mine = e.getValue().minus(targetId);
        votesBy = mine.isEmpty() ? votesBy.minus(e.getKey()) : votesBy.plus(e.getKey(), mine);
      }
    }
    return votesBy;
  }

  /** A withdrawn contribution is gone for good, and so are the votes on it (their voters get them back). */
  private static WorkshopState removed(WorkshopState s, WorkshopState.Builder b, ContributionRemoved r) {
    Contribution c = s.contributions().get(r.id());
    if (c == null) return s;
    // Nothing may stay spotlit that people can no longer see.
    Spotlight spot = s.spotlight();
    if (spot != null && spot.id().equals(r.id())) spot = null;
    if (r.hidden()) {
      return b.contributions(s.contributions().plus(r.id(), c.withHidden(true))).spotlight(spot)
          .fits(s.fits().minus(r.id())).build();
    }
    OrderedPMap<String, Theme> themes = c.themeId() == null ? s.themes() : without(s.themes(), c.themeId(), r.id());
    return b.contributions(s.contributions().minus(r.id())).votesBy(refund(s.votesBy(), r.id())).spotlight(spot)
        .themes(themes).fits(s.fits().minus(r.id())).build();
  }

  private static WorkshopState voted(WorkshopState s, WorkshopState.Builder b, VotesChanged v) {
    PMap<String, Integer> mine = s.votesOf(v.participantId());
    int n = mine.getOrDefault(v.targetId(), 0) + v.delta();
    mine = n <= 0 ? mine.minus(v.targetId()) : mine.plus(v.targetId(), n);
    b.votesBy(mine.isEmpty() ? s.votesBy().minus(v.participantId()) : s.votesBy().plus(v.participantId(), mine));
    Contribution c = s.contributions().get(v.targetId());
    if (c != null) b.contributions(s.contributions().plus(c.id(), c.withVotes(v.votes())));
    Theme t = s.themes().get(v.targetId());
    if (t != null) b.themes(s.themes().plus(t.id(), t.withVotes(v.votes())));
    return b.build();
  }

  static String byFor(Contribution c, Actor actor) {
    return c.anonymous() ? null : actor.participantId();
  }
}
