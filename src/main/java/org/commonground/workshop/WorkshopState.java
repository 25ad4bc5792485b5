package org.commonground.workshop;

import java.util.List;
import java.util.Locale;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.OrderedPMap;
import org.pcollections.PMap;
import org.pcollections.PSet;
import org.pcollections.PVector;
import org.pcollections.TreePVector;

/**
 * A workshop as of some seq. Immutable: {@link Workshop#apply} returns a new state sharing structure
 * with the old one (persistent maps), so a replica can hand a state to a renderer while the next event
 * is applied.
 *
 * <p>What clients may never see is kept here too, for the rules: anonymous authors (in contributions),
 * who voted for what ({@code votesBy}), who answered what (in polls), who is ready. The protocol layer
 * decides what each viewer sees.
 *
 * <p>{@code suggestions} are theme suggestions not yet accepted; {@code fits} is placement help: for
 * unthemed contributions, the themes that fit them best.
 *
 * <p>{@code agenda} is when each phase actually ran, for the report; {@code endedAt} when the workshop
 * ended. {@code timeLeft} is, for each part the agenda has left after starting it, the time it had left
 * then: going back to it (or on to it again) continues from there.
 *
 * <p>Membership is tested with {@code get(key) != null}: pcollections' {@code OrderedPMap} inherits
 * {@code AbstractMap.containsKey}, which walks every entry.
 *
 * <p>{@code series}: the meetings this one belongs with (null: none yet); {@code actions}: what people will
 * do, in the order recorded; {@code carried}: for contributions carried from the meeting before, where each
 * came from.
 *
 * <p>{@code counters} make ids deterministic: every node that decides against the same seq mints the
 * same id, and the store's expected-seq check makes the decision unique.
 */
public record WorkshopState(
    String id,
    String title,
    String joinCode,
    Status status,
    Settings settings,
    long createdAt,
    List<PhaseDef> phases,
    PhaseState phase,
    OrderedPMap<String, Participant> participants,
    OrderedPMap<String, Contribution> contributions,
    OrderedPMap<String, Theme> themes,
    OrderedPMap<String, Poll> polls,
    PMap<String, PMap<String, Integer>> votesBy,
    PVector<String> hands,
    PSet<String> ready,
    Spotlight spotlight,
    List<SuggestedGroup> suggestions,
    PMap<String, List<String>> fits,
    PVector<PhaseRun> agenda,
    Long endedAt,
    Counters counters,
    PMap<Integer, Long> timeLeft,
    Series series,
    OrderedPMap<String, Action> actions,
    PMap<String, CarriedFrom> carried) {

  public enum Status {
    LOBBY, RUNNING, ENDED;

    public String wire() { return name().toLowerCase(Locale.ROOT); }
  }

  /** The next number of each kind of id. */
  public record Counters(int participant, int contribution, int theme, int poll, int suggestion) {
    public static final Counters START = new Counters(1, 1, 1, 1, 1);

    Counters nextParticipant() { return new Counters(participant + 1, contribution, theme, poll, suggestion); }
    Counters nextContribution() { return new Counters(participant, contribution + 1, theme, poll, suggestion); }
    Counters nextTheme() { return new Counters(participant, contribution, theme + 1, poll, suggestion); }
    Counters nextPoll() { return new Counters(participant, contribution, theme, poll + 1, suggestion); }
    Counters nextSuggestions(int n) { return new Counters(participant, contribution, theme, poll, suggestion + n); }
  }

  /** The state before seq 1: nothing exists yet. */
  public static WorkshopState empty(String id) {
    return new WorkshopState(id, "", "", Status.LOBBY, Settings.DEFAULTS, 0, List.of(), null,
        OrderedPMap.empty(), OrderedPMap.empty(), OrderedPMap.empty(), OrderedPMap.empty(), HashTreePMap.empty(),
        TreePVector.empty(), HashTreePSet.empty(), null, List.of(), HashTreePMap.empty(), TreePVector.empty(), null, Counters.START,
        HashTreePMap.empty(), null, OrderedPMap.empty(), HashTreePMap.empty());
  }

  public boolean exists() { return !phases.isEmpty(); }

  public PhaseDef currentPhase() { return phases.get(phase.index()); }

  /**
   * Where the agenda is, as a {@code from} of {@code phase.next} / {@code .prev} names it: -1 before the
   * first start (the lobby, whose part 1 is pending), else the index of the current part.
   */
  public int agendaPosition() {
    return phase == null || phase.status() == PhaseState.Status.PENDING ? -1 : phase.index();
  }

  public long participantCount() {
    return participants.values().stream().filter(p -> p.role() == Role.PARTICIPANT).count();
  }

  /** Whether anything was ever posted here (withdrawn posts count: an earlier report may show them). */
  public boolean anyonePosted() { return counters.contribution() > 1; }

  /**
   * The smallest group a figure may be about: the setting, but never under {@link Settings#SAFE_GROUP_SIZE}
   * once anyone has posted, even when a smaller one was set at creation.
   */
  public int smallestGroupShown() {
    int set = settings.minGroupSize();
    return anyonePosted() ? Math.max(set, Settings.SAFE_GROUP_SIZE) : set;
  }

  /** Votes a participant has cast, on anything. */
  public int votesUsed(String participantId) {
    PMap<String, Integer> mine = votesBy.get(participantId);
    return mine == null ? 0 : mine.values().stream().mapToInt(Integer::intValue).sum();
  }

  public PMap<String, Integer> votesOf(String participantId) {
    PMap<String, Integer> mine = votesBy.get(participantId);
    return mine == null ? HashTreePMap.empty() : mine;
  }

  /** A visible contribution, or null. */
  public Contribution visible(String contributionId) {
    Contribution c = contributions.get(contributionId);
    return c == null || c.hidden() ? null : c;
  }

  public Builder toBuilder() { return new Builder(this); }

  /** Changes a few fields of a state at once; the rest is shared. */
  public static final class Builder {
    private String id;
    private String title;
    private String joinCode;
    private Status status;
    private Settings settings;
    private long createdAt;
    private List<PhaseDef> phases;
    private PhaseState phase;
    private OrderedPMap<String, Participant> participants;
    private OrderedPMap<String, Contribution> contributions;
    private OrderedPMap<String, Theme> themes;
    private OrderedPMap<String, Poll> polls;
    private PMap<String, PMap<String, Integer>> votesBy;
    private PVector<String> hands;
    private PSet<String> ready;
    private Spotlight spotlight;
    private List<SuggestedGroup> suggestions;
    private PMap<String, List<String>> fits;
    private PVector<PhaseRun> agenda;
    private Long endedAt;
    private Counters counters;
    private PMap<Integer, Long> timeLeft;
    private Series series;
    private OrderedPMap<String, Action> actions;
    private PMap<String, CarriedFrom> carried;

    private Builder(WorkshopState s) {
      id = s.id;
      title = s.title;
      joinCode = s.joinCode;
      status = s.status;
      settings = s.settings;
      createdAt = s.createdAt;
      phases = s.phases;
      phase = s.phase;
      participants = s.participants;
      contributions = s.contributions;
      themes = s.themes;
      polls = s.polls;
      votesBy = s.votesBy;
      hands = s.hands;
      ready = s.ready;
      spotlight = s.spotlight;
      suggestions = s.suggestions;
      fits = s.fits;
      agenda = s.agenda;
      endedAt = s.endedAt;
      counters = s.counters;
      timeLeft = s.timeLeft;
      series = s.series;
      actions = s.actions;
      carried = s.carried;
    }

    public Builder title(String v) { title = v; return this; }
    public Builder joinCode(String v) { joinCode = v; return this; }
    public Builder status(Status v) { status = v; return this; }
    public Builder settings(Settings v) { settings = v; return this; }
    public Builder createdAt(long v) { createdAt = v; return this; }
    public Builder phases(List<PhaseDef> v) { phases = v; return this; }
    public Builder phase(PhaseState v) { phase = v; return this; }
    public Builder participants(OrderedPMap<String, Participant> v) { participants = v; return this; }
    public Builder contributions(OrderedPMap<String, Contribution> v) { contributions = v; return this; }
    public Builder themes(OrderedPMap<String, Theme> v) { themes = v; return this; }
    public Builder polls(OrderedPMap<String, Poll> v) { polls = v; return this; }
    public Builder votesBy(PMap<String, PMap<String, Integer>> v) { votesBy = v; return this; }
    public Builder hands(PVector<String> v) { hands = v; return this; }
    public Builder ready(PSet<String> v) { ready = v; return this; }
    public Builder spotlight(Spotlight v) { spotlight = v; return this; }
    public Builder suggestions(List<SuggestedGroup> v) { suggestions = v; return this; }
    public Builder fits(PMap<String, List<String>> v) { fits = v; return this; }
    public Builder agenda(PVector<PhaseRun> v) { agenda = v; return this; }
    public Builder endedAt(Long v) { endedAt = v; return this; }
    public Builder counters(Counters v) { counters = v; return this; }
    public Builder timeLeft(PMap<Integer, Long> v) { timeLeft = v; return this; }
    public Builder series(Series v) { series = v; return this; }
    public Builder actions(OrderedPMap<String, Action> v) { actions = v; return this; }
    public Builder carried(PMap<String, CarriedFrom> v) { carried = v; return this; }

    public WorkshopState build() {
      return new WorkshopState(id, title, joinCode, status, settings, createdAt, phases, phase, participants,
          contributions, themes, polls, votesBy, hands, ready, spotlight, suggestions, fits, agenda, endedAt, counters,
          timeLeft, series, actions, carried);
    }
  }
}
