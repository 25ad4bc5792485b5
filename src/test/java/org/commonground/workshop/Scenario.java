package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Decision.Rejected;

/**
 * A workshop built the way the server builds it: {@code WorkshopCreated} applied to the empty state,
 * then every accepted decision's events applied in order. Mutable on purpose so tests read like a
 * session ("sam joins, sam posts, the facilitator hides it"); the states it holds are immutable.
 *
 * <p>Public so the protocol tests can build states the same way.
 */
public final class Scenario {
  public static final long T0 = 1_795_000_000_000L;
  public static final String WORKSHOP_ID = "w-test";
  public static final String JOIN_CODE = "ABC234";
  public static final Actor FACILITATOR = new Actor("p1", Role.FACILITATOR);
  public static final Actor DISPLAY = new Actor("display", Role.DISPLAY);

  private WorkshopState state;
  private long now = T0;
  /** Every event emitted and applied so far, after the creation. */
  private final List<Emitted> log = new ArrayList<>();

  private Scenario(WorkshopState state) { this.state = state; }

  public static Scenario workshop() { return workshop(Settings.DEFAULTS, Templates.named(Templates.DEFAULT).orElseThrow()); }

  public static Scenario workshop(Settings settings) {
    return workshop(settings, Templates.named(Templates.DEFAULT).orElseThrow());
  }

  public static Scenario workshop(List<PhaseDef> phases) { return workshop(Settings.DEFAULTS, phases); }

  public static Scenario workshop(Settings settings, List<PhaseDef> phases) {
    Event.WorkshopCreated created = new Event.WorkshopCreated(WORKSHOP_ID, "Shaping our crisis service", JOIN_CODE,
        settings, phases, new Participant("p1", "Facilitator", Role.FACILITATOR, null), T0);
    return new Scenario(Workshop.apply(WorkshopState.empty(WORKSHOP_ID), created));
  }

  public static Settings settings(Settings.Anonymity anonymity) {
    Settings d = Settings.DEFAULTS;
    return new Settings(anonymity, d.votesPerParticipant(), d.maxParticipants(), d.stakeholderGroups(),
        d.minGroupSize(), d.confidential(), d.retentionDays(), d.joiningLocked(), d.themeEditing());
  }

  public static Settings settingsWithMaxParticipants(int max) {
    Settings d = Settings.DEFAULTS;
    return new Settings(d.anonymity(), d.votesPerParticipant(), max, d.stakeholderGroups(), d.minGroupSize(),
        d.confidential(), d.retentionDays(), d.joiningLocked(), d.themeEditing());
  }

  public WorkshopState state() { return state; }

  public List<Emitted> log() { return List.copyOf(log); }

  public Scenario at(long time) {
    this.now = time;
    return this;
  }

  public long now() { return now; }

  /** Decides without applying anything. */
  public Decision decide(Command cmd, Actor actor) { return Workshop.decide(state, cmd, actor, now); }

  /** Decides and, when accepted, applies the events; returns the decision. */
  public Decision run(Command cmd, Actor actor) {
    Decision d = decide(cmd, actor);
    apply(d);
    return d;
  }

  /** Runs a command that must be accepted and returns its events. */
  public Accepted accepted(Command cmd, Actor actor) {
    Decision d = run(cmd, actor);
    assertThat(d).as("decision for %s by %s", cmd, actor).isInstanceOf(Accepted.class);
    return (Accepted) d;
  }

  /** Decides a command that must be rejected and returns the rejection. */
  public Rejection rejected(Command cmd, Actor actor) {
    Decision d = decide(cmd, actor);
    assertThat(d).as("decision for %s by %s", cmd, actor).isInstanceOf(Rejected.class);
    return ((Rejected) d).rejection();
  }

  public Actor join(String name) { return join(name, null); }

  public Actor join(String name, String group) {
    return joined(new Command.Join(name, group, Role.PARTICIPANT), new Actor("joining", Role.PARTICIPANT));
  }

  public Actor addCoFacilitator(String name) { return joined(new Command.Join(name, null, Role.FACILITATOR), FACILITATOR); }

  private Actor joined(Command.Join join, Actor by) {
    return new Actor((String) accepted(join, by).result().get("participantId"), join.role());
  }

  /** The id an accepted command's result names (a new contribution's, poll's or theme's). */
  private static String idOf(Accepted a) { return (String) a.result().get("id"); }

  /** Posts a named idea and returns its id. */
  public String post(Actor actor, String text) { return post(actor, text, null); }

  public String post(Actor actor, String text, Boolean anonymous) {
    return idOf(accepted(new Command.AddContribution(text, null, anonymous, null, null), actor));
  }

  public String postAnonymously(Actor actor, String text) { return post(actor, text, true); }

  /** Posts an anonymous story of lived experience and returns its id. */
  public String postStory(Actor actor, String text) {
    return idOf(accepted(new Command.AddContribution(text, Kind.STORY, true, null, null), actor));
  }

  public Contribution contribution(String id) { return state.contributions().get(id); }

  /** The workshop after a facilitator ended it. */
  public Scenario ended() {
    accepted(new Command.WorkshopEnd(), FACILITATOR);
    return this;
  }

  /** The workshop running phase {@code index}, moved there by a facilitator. */
  public Scenario inPhase(int index) {
    if (state.phase().index() == index && state.phase().status() == PhaseState.Status.RUNNING) return this;
    accepted(new Command.PhaseGoto(index), FACILITATOR);
    return this;
  }

  // ---------------------------------------------------------------- helpers for the facilitation tests

  /** A custom agenda item: no prompt, participants may do what {@code allow} lists (nothing if empty). */
  public static PhaseDef phase(int index, String title, int minutes, Allow... allow) {
    return phase(index, title, minutes, allow.length == 0 ? EnumSet.noneOf(Allow.class) : EnumSet.copyOf(List.of(allow)));
  }

  /** A custom agenda item with no prompt and this set of rules ({@link Allow#defaults()}, say). */
  public static PhaseDef phase(int index, String title, int minutes, Set<Allow> allow) {
    return new PhaseDef(index, title, minutes, null, allow);
  }

  /** The default settings but for who may rename, merge and delete themes. */
  public static Settings settingsWithThemeEditing(Settings.ThemeEditing themeEditing) {
    Settings d = Settings.DEFAULTS;
    return new Settings(d.anonymity(), d.votesPerParticipant(), d.maxParticipants(), d.stakeholderGroups(),
        d.minGroupSize(), d.confidential(), d.retentionDays(), d.joiningLocked(), themeEditing);
  }

  /** The default settings with another vote budget. */
  public static Settings settingsWithVotes(int votesPerParticipant) {
    Settings d = Settings.DEFAULTS;
    return new Settings(d.anonymity(), votesPerParticipant, d.maxParticipants(), d.stakeholderGroups(),
        d.minGroupSize(), d.confidential(), d.retentionDays(), d.joiningLocked(), d.themeEditing());
  }

  /** The events of a decision (none for a rejection). */
  public static List<Event> events(Decision d) {
    return d instanceof Accepted a ? a.events().stream().map(Emitted::event).toList() : List.of();
  }

  /** Moves the clock on by {@code ms}. */
  public Scenario later(long ms) {
    this.now += ms;
    return this;
  }

  /** The workshop after a facilitator's first phase.start. */
  public Scenario started() {
    accepted(new Command.PhaseStart(), FACILITATOR);
    return this;
  }

  /** Posts a contribution of a given kind, under the author's name, and returns its id. */
  public String post(Actor actor, Kind kind, String text) {
    return idOf(accepted(new Command.AddContribution(text, kind, null, null, null), actor));
  }

  /** A facilitator opens a poll; returns its id. */
  public String openPoll(String question, String... options) {
    return idOf(accepted(new Command.PollOpen(question, List.of(options)), FACILITATOR));
  }

  // ---------------------------------------------------------------- themes (helpers for the theme tests)

  /** A facilitator creates a theme holding these contributions; returns its id. */
  public String createTheme(String label, String... contributionIds) {
    return idOf(accepted(new Command.ThemeCreate(label, List.of(contributionIds)), FACILITATOR));
  }

  public Theme theme(String id) { return state.themes().get(id); }

  /** The server records these suggestions for the facilitator who asked. */
  public Scenario suggested(SuggestedGroup... groups) {
    accepted(new Command.RecordSuggestions(List.of(groups)), FACILITATOR);
    return this;
  }

  /** Applies a decision taken earlier (against an older state, say), as a replica would: events in order. */
  public Scenario apply(Decision d) {
    if (d instanceof Accepted a) {
      for (Emitted e : a.events()) {
        state = Workshop.apply(state, e.event());
        log.add(e);
      }
    }
    return this;
  }

  /** Folds events onto a state, the way every node rebuilds a workshop from its log. */
  public static WorkshopState fold(WorkshopState start, List<Emitted> events) {
    WorkshopState s = start;
    for (Emitted e : events) s = Workshop.apply(s, e.event());
    return s;
  }

  /**
   * Asserts that grouping is consistent: every contribution is in at most one theme, and a theme lists a
   * contribution exactly when that contribution's {@code themeId} names the theme.
   */
  public Scenario assertGroupingConsistent() {
    java.util.Map<String, String> listedIn = new java.util.HashMap<>();
    for (Theme t : state.themes().values()) {
      assertThat(t.contributionIds()).as("theme %s lists no contribution twice", t.id()).doesNotHaveDuplicates();
      for (String id : t.contributionIds()) {
        String before = listedIn.put(id, t.id());
        assertThat(before).as("contribution %s is in both %s and %s", id, before, t.id()).isNull();
        Contribution c = state.contributions().get(id);
        assertThat(c).as("theme %s lists %s, which exists", t.id(), id).isNotNull();
        assertThat(c.themeId()).as("%s is listed in %s", id, t.id()).isEqualTo(t.id());
      }
    }
    for (Contribution c : state.contributions().values()) {
      assertThat(c.themeId()).as("theme of %s", c.id()).isEqualTo(listedIn.get(c.id()));
    }
    return this;
  }
}
