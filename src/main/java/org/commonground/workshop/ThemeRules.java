package org.commonground.workshop;

import java.util.HashSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.commonground.workshop.ThemeCommands.ContributionMove;
import org.commonground.workshop.ThemeCommands.RecordPlacement;
import org.commonground.workshop.ThemeCommands.RecordSuggestions;
import org.commonground.workshop.ThemeCommands.ThemeCreate;
import org.commonground.workshop.ThemeCommands.ThemeDelete;
import org.commonground.workshop.ThemeCommands.ThemeMerge;
import org.commonground.workshop.ThemeCommands.ThemeRename;
import org.commonground.workshop.ThemeCommands.ThemesAccept;
import org.commonground.workshop.ThemeCommands.ThemesSuggest;
import org.commonground.workshop.Event.ContributionMoved;
import org.commonground.workshop.Event.PlacementUpdated;
import org.commonground.workshop.Event.ThemeCreated;
import org.commonground.workshop.Event.ThemeRemoved;
import org.commonground.workshop.Event.ThemeUpdated;
import org.commonground.workshop.Event.ThemesSuggested;

/**
 * Grouping contributions into themes, by hand and from suggestions. A contribution is in at most one
 * theme. Deleting or merging themes never loses a contribution (they become unthemed, or move into the
 * merged theme); accepting suggestions never undoes grouping someone did by hand.
 */
final class ThemeRules {
  private ThemeRules() {}

  static Decision decide(WorkshopState s, Command cmd, Actor actor) {
    if (cmd instanceof ThemeCreate c) return create(s, c, actor);
    if (cmd instanceof ThemeRename r) return rename(s, r, actor);
    if (cmd instanceof ContributionMove m) return move(s, m, actor);
    if (cmd instanceof ThemeDelete d) return delete(s, d, actor);
    if (cmd instanceof ThemeMerge m) return merge(s, m, actor);
    if (cmd instanceof ThemesSuggest g) return suggest(s, g, actor);
    if (cmd instanceof RecordSuggestions r) return record(s, r, actor);
    if (cmd instanceof ThemesAccept a) return accept(s, a, actor);
    if (cmd instanceof RecordPlacement p) return placement(s, p, actor);
    return null;
  }

  private static Decision grouping(WorkshopState s, Actor actor) {
    return Workshop.allowed(s, actor, Allow.GROUP) ? null
        : Decision.reject(Code.PHASE_CLOSED, "grouping is not open in this phase");
  }

  /**
   * Renaming, merging and deleting themes: facilitators always; participants only when the workshop's
   * {@code themeEditing} is everyone, and then where the phase allows grouping. Creating themes and moving
   * posts is grouping alone.
   */
  private static Decision editing(WorkshopState s, Actor actor) {
    if (!actor.isFacilitator() && s.settings().themeEditing() != Settings.ThemeEditing.EVERYONE) {
      return Decision.reject(Code.FORBIDDEN, "Only the facilitator can rename, merge or delete themes in this workshop.");
    }
    return grouping(s, actor);
  }

  private static Decision create(WorkshopState s, ThemeCreate c, Actor actor) {
    Decision closed = grouping(s, actor);
    if (closed != null) return closed;
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(c.contributionIds()));
    for (String id : ids) if (s.visible(id) == null) return Decision.reject(Code.NOT_FOUND, "no such contribution: " + id);
    Theme theme = new Theme("t" + s.counters().theme(), c.label(), ids, false, 0);
    return Decision.accept(Map.of("id", theme.id()), new Emitted(actor.participantId(), new ThemeCreated(theme)));
  }

  private static Decision rename(WorkshopState s, ThemeRename r, Actor actor) {
    Decision closed = editing(s, actor);
    if (closed != null) return closed;
    Theme t = s.themes().get(r.id());
    if (t == null) return Decision.reject(Code.NOT_FOUND, "no such theme");
    if (t.label().equals(r.label())) return Decision.nothing();
    Theme renamed = new Theme(t.id(), r.label(), t.contributionIds(), t.suggested(), t.votes());
    return Decision.accept(Map.of("id", t.id()), new Emitted(actor.participantId(), new ThemeUpdated(renamed)));
  }

  private static Decision move(WorkshopState s, ContributionMove m, Actor actor) {
    Decision closed = grouping(s, actor);
    if (closed != null) return closed;
    Contribution c = s.visible(m.id());
    if (c == null) return Decision.reject(Code.NOT_FOUND, "no such contribution");
    if (m.themeId() != null && s.themes().get(m.themeId()) == null) return Decision.reject(Code.NOT_FOUND, "no such theme");
    if (Objects.equals(c.themeId(), m.themeId())) return Decision.nothing();
    return Decision.accept(Map.of("id", c.id()),
        new Emitted(Workshop.byFor(c, actor), new ContributionMoved(c.id(), m.themeId())));
  }

  private static Decision delete(WorkshopState s, ThemeDelete d, Actor actor) {
    Decision forbidden = editing(s, actor);
    if (forbidden != null) return forbidden;
    if (s.themes().get(d.id()) == null) return Decision.reject(Code.NOT_FOUND, "no such theme");
    return new Decision.Accepted(ContributionRules.withSpotlightCleared(s, d.id(), actor.participantId(),
        new Emitted(actor.participantId(), new ThemeRemoved(d.id()))), Map.of("id", d.id()));
  }

  private static Decision merge(WorkshopState s, ThemeMerge m, Actor actor) {
    Decision forbidden = editing(s, actor);
    if (forbidden != null) return forbidden;
    LinkedHashSet<String> members = new LinkedHashSet<>();
    for (String id : m.ids()) {
      Theme t = s.themes().get(id);
      if (t == null) return Decision.reject(Code.NOT_FOUND, "no such theme: " + id);
      members.addAll(t.contributionIds());
    }
    List<Emitted> events = new ArrayList<>();
    for (String id : m.ids()) {
      events.addAll(ContributionRules.withSpotlightCleared(s, id, actor.participantId(),
          new Emitted(actor.participantId(), new ThemeRemoved(id))));
    }
    Theme merged = new Theme("t" + s.counters().theme(), m.label(), List.copyOf(members), false, 0);
    events.add(new Emitted(actor.participantId(), new ThemeCreated(merged)));
    return new Decision.Accepted(events, Map.of("id", merged.id()));
  }

  /** Checks a request for suggestions; the server then computes them and records them with {@link #record}. */
  private static Decision suggest(WorkshopState s, ThemesSuggest g, Actor actor) {
    Decision forbidden = Workshop.facilitatorsOnly(actor, "ask for theme suggestions");
    if (forbidden != null) return forbidden;
    if (g.phase() != null && (g.phase() < 0 || g.phase() >= s.phases().size())) {
      return Decision.reject(Code.INVALID, "there is no phase " + g.phase());
    }
    return Decision.nothing();
  }

  /** The contributions a suggestion request covers, in posting order: visible ones, of one phase or all. */
  static List<Contribution> suggestable(WorkshopState s, Integer phase) {
    List<Contribution> out = new ArrayList<>();
    for (Contribution c : s.contributions().values()) {
      if (!c.hidden() && (phase == null || c.phase() == phase)) out.add(c);
    }
    return out;
  }

  /** Only the server builds this command (no client frame decodes to it), for the facilitator who asked. */
  private static Decision record(WorkshopState s, RecordSuggestions r, Actor actor) {
    Decision forbidden = Workshop.facilitatorsOnly(actor, "ask for theme suggestions");
    if (forbidden != null) return forbidden;
    List<SuggestedGroup> kept = new ArrayList<>();
    int next = s.counters().suggestion();
    for (SuggestedGroup g : r.suggestions()) {
      List<String> ids = g.contributionIds().stream().filter(id -> s.visible(id) != null).toList();
      if (!ids.isEmpty()) kept.add(new SuggestedGroup("s" + next++, g.label(), ids));
    }
    return Decision.accept(Map.of("count", kept.size()), new Emitted(null, new ThemesSuggested(kept)));
  }

  /** For {@code apply}: ids not on the list before are new ones, and the counter moves past them. */
  static WorkshopState.Counters countedSuggestions(WorkshopState s, ThemesSuggested g) {
    Set<String> before = new HashSet<>();
    for (SuggestedGroup old : s.suggestions()) before.add(old.id());
    int fresh = (int) g.suggestions().stream().filter(x -> !before.contains(x.id())).count();
    return s.counters().nextSuggestions(fresh);
  }

  /**
   * Turns suggestions into themes. Only contributions nobody has grouped yet go in, so accepting never
   * undoes grouping done by hand; a suggestion left with none makes no theme. The rest stay on the list
   * with the same ids, so accepting one after another by id always takes the one pressed.
   */
  private static Decision accept(WorkshopState s, ThemesAccept a, Actor actor) {
    Decision forbidden = Workshop.facilitatorsOnly(actor, "accept theme suggestions");
    if (forbidden != null) return forbidden;
    List<SuggestedGroup> all = s.suggestions();
    List<Integer> chosen;
    if (a.ids() != null) {
      chosen = new ArrayList<>();
      for (String id : a.ids()) {
        int i = indexOf(all, id);
        if (i < 0) {
          return Decision.reject(Code.NOT_FOUND,
              "That suggestion is no longer on the list. Look again at the suggestions.");
        }
        chosen.add(i);
      }
    } else {
      chosen = a.indexes() == null ? range(all.size()) : a.indexes();
    }
    for (int i : chosen) {
      if (i < 0 || i >= all.size()) return Decision.reject(Code.INVALID, "there is no suggestion " + i);
    }
    Set<Integer> taken = new LinkedHashSet<>(chosen);
    List<Emitted> events = new ArrayList<>();
    List<String> themeIds = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    int next = s.counters().theme();
    for (int i : taken) {
      SuggestedGroup g = all.get(i);
      List<String> ids = new ArrayList<>();
      for (String id : g.contributionIds()) {
        Contribution c = s.visible(id);
        if (c != null && c.themeId() == null && placed.add(id)) ids.add(id);
      }
      if (ids.isEmpty()) continue;
      Theme t = new Theme("t" + next++, g.label(), ids, true, 0);
      themeIds.add(t.id());
      events.add(new Emitted(actor.participantId(), new ThemeCreated(t)));
    }
    List<SuggestedGroup> remaining = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) if (!taken.contains(i)) remaining.add(all.get(i));
    if (remaining.size() != all.size()) events.add(new Emitted(null, new ThemesSuggested(remaining)));
    return new Decision.Accepted(events, Map.of("themeIds", themeIds));
  }

  /** Records only what changed, for contributions still unthemed. */
  private static Decision placement(WorkshopState s, RecordPlacement p, Actor actor) {
    if (!actor.isServer()) return Decision.reject(Code.FORBIDDEN, "placement help comes from the server");
    Map<String, List<String>> changed = new HashMap<>();
    for (Map.Entry<String, List<String>> e : p.fits().entrySet()) {
      Contribution c = s.visible(e.getKey());
      if (c == null || c.themeId() != null) continue;
      List<String> fits = e.getValue().stream().filter(t -> s.themes().get(t) != null).distinct().limit(3).toList();
      if (!fits.equals(s.fits().getOrDefault(c.id(), List.of()))) changed.put(c.id(), fits);
    }
    if (changed.isEmpty()) return Decision.nothing();
    return Decision.accept(Map.of(), new Emitted(null, new PlacementUpdated(changed)));
  }

  private static int indexOf(List<SuggestedGroup> all, String id) {
    for (int i = 0; i < all.size(); i++) if (all.get(i).id().equals(id)) return i;
    return -1;
  }

  private static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(i);
    return out;
  }
}
