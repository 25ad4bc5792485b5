package org.commonground.workshop;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;

/**
 * What a client asks for, already shaped and type-checked by the protocol layer. Value rules
 * (lengths, ranges) are checked in the compact constructors; permission and state rules in
 * {@link Workshop#decide}.
 */
public sealed interface Command {
  /** The wire name of the command (docs/protocol.md), for logs and errors. */
  String commandName();

  /**
   * Server-side (from the creation request): a new workshop, with the join code already drawn and the
   * facilitator who creates it. Only an empty state accepts it.
   */
  record Create(String workshopId, String title, String joinCode, Settings settings, List<PhaseDef> phases,
                String facilitatorName) implements Command {
    public Create {
      Checks.required("workshopId", workshopId);
      Checks.required("joinCode", joinCode);
      Checks.required("settings", settings);
      Checks.required("phases", phases);
      phases = List.copyOf(phases);
    }

    public String commandName() { return "workshop.create"; }
  }

  /**
   * {@code joinCode}: the code the person typed (null for a co-facilitator, who needs none). A code the
   * workshop no longer has opens nothing, even in the moment before its key is deleted.
   */
  record Join(String name, String group, Role role, String joinCode) implements Command {
    public Join {
      name = Checks.text("name", name, 80);
      if (group != null && group.isBlank()) group = null;
      Checks.required("role", role);
    }

    public Join(String name, String group, Role role) { this(name, group, role, null); }

    public Join withJoinCode(String code) { return new Join(name, group, role, code); }

    public String commandName() { return role == Role.FACILITATOR ? "facilitator.add" : "join"; }
  }

  /**
   * Server-side (no client frame decodes to it): a facilitator asked for a new join code, and the server
   * has already claimed {@code joinCode} for this workshop.
   */
  record NewJoinCode(String joinCode) implements Command {
    public NewJoinCode {
      Checks.required("joinCode", joinCode);
      if (!joinCode.matches("[A-Z2-9]{6}")) throw new IllegalArgumentException("a join code is 6 capital letters and digits");
    }
    public String commandName() { return "join-code.new"; }
  }

  /**
   * {@code scribedFor} (facilitators only): the person a facilitator types this for, with their group.
   * {@code lang}: the language of the text, found by the server before deciding (never taken from a client).
   */
  record AddContribution(String text, Kind kind, Boolean anonymous, String scribedFor, String scribedGroup, Lang lang)
      implements Command {
    public AddContribution {
      text = Checks.text("text", text, Contribution.MAX_TEXT);
      if (kind == null) kind = Kind.IDEA;
      if (scribedFor != null) scribedFor = Checks.text("onBehalfOf.name", scribedFor, 80);
      if (scribedGroup != null && scribedGroup.isBlank()) scribedGroup = null;
    }
    public AddContribution(String text, Kind kind, Boolean anonymous, String scribedFor, String scribedGroup) {
      this(text, kind, anonymous, scribedFor, scribedGroup, null);
    }
    public AddContribution withLang(Lang l) {
      return new AddContribution(text, kind, anonymous, scribedFor, scribedGroup, l);
    }
    public String commandName() { return "contribution.add"; }
  }

  /** {@code lang}: as for {@link AddContribution}, found for the new text. */
  record EditContribution(String id, String text, Lang lang) implements Command {
    public EditContribution {
      Checks.required("id", id);
      text = Checks.text("text", text, Contribution.MAX_TEXT);
    }
    public EditContribution(String id, String text) { this(id, text, null); }
    public EditContribution withLang(Lang l) { return new EditContribution(id, text, l); }
    public String commandName() { return "contribution.edit"; }
  }

  record WithdrawContribution(String id) implements Command {
    public WithdrawContribution {
      Checks.required("id", id);
    }
    public String commandName() { return "contribution.withdraw"; }
  }

  record HideContribution(String id, String reason) implements Command {
    public HideContribution {
      Checks.required("id", id);
      if (reason != null) reason = reason.isBlank() ? null : Checks.text("reason", reason, 500);
    }
    public String commandName() { return "contribution.hide"; }
  }

  record UnhideContribution(String id) implements Command {
    public UnhideContribution {
      Checks.required("id", id);
    }
    public String commandName() { return "contribution.unhide"; }
  }

  /** A facilitator moves a post to the parking lot, as it is: its author, anonymity and words are kept. */
  record ParkContribution(String id) implements Command {
    public ParkContribution {
      Checks.required("id", id);
    }
    public String commandName() { return "contribution.park"; }
  }

  record ToggleReaction(String contributionId, String reaction) implements Command {
    public ToggleReaction {
      Checks.required("contributionId", contributionId);
      if (reaction == null || !Contribution.REACTIONS.contains(reaction)) {
        throw new IllegalArgumentException("reaction must be one of agree, heart, insight, question");
      }
    }
    public String commandName() { return "reaction.toggle"; }
  }

  // ---------------------------------------------------------------- agenda

  record PhaseStart() implements Command {
    public String commandName() { return "phase.start"; }
  }

  /**
   * {@code from}: the phase the sender was looking at. When the agenda has already moved on from it
   * (another facilitator pressed first), the command changes nothing, so two presses move once.
   */
  record PhaseNext(Integer from) implements Command {
    public String commandName() { return "phase.next"; }
  }

  record PhasePrev(Integer from) implements Command {
    public String commandName() { return "phase.prev"; }
  }

  record PhaseGoto(int index) implements Command {
    public String commandName() { return "phase.goto"; }
  }

  record TimerPause() implements Command {
    public String commandName() { return "timer.pause"; }
  }

  record TimerResume() implements Command {
    public String commandName() { return "timer.resume"; }
  }

  record TimerExtend(int seconds) implements Command {
    public TimerExtend {
      Checks.range("seconds", seconds, -600, 3600);
    }
    public String commandName() { return "timer.extend"; }
  }

  record ReadySet(boolean ready) implements Command {
    public String commandName() { return "ready.set"; }
  }

  // ---------------------------------------------------------------- votes, polls, hands

  record VoteCast(String targetId) implements Command {
    public VoteCast {
      Checks.required("targetId", targetId);
    }
    public String commandName() { return "vote.cast"; }
  }

  record VoteRetract(String targetId) implements Command {
    public VoteRetract {
      Checks.required("targetId", targetId);
    }
    public String commandName() { return "vote.retract"; }
  }

  record PollOpen(String question, List<String> options) implements Command {
    public PollOpen {
      question = Checks.text("question", question, 300);
      Checks.required("options", options);
      if (options.size() < 2 || options.size() > 10) throw new IllegalArgumentException("a poll needs 2 to 10 options");
      options = options.stream().map(o -> Checks.text("option", o, 200)).toList();
    }

    public static PollOpen ladder() { return new PollOpen(Poll.LADDER_QUESTION, Poll.LADDER); }

    public String commandName() { return "poll.open"; }
  }

  /** The ladder of co-production poll, in {@code lang}; null: in the workshop's language. */
  record PollLadder(Lang lang) implements Command {
    public String commandName() { return "poll.open"; }
  }

  record PollAnswer(String pollId, int option) implements Command {
    public PollAnswer {
      Checks.required("pollId", pollId);
    }
    public String commandName() { return "poll.answer"; }
  }

  record PollClose(String id) implements Command {
    public PollClose {
      Checks.required("id", id);
    }
    public String commandName() { return "poll.close"; }
  }

  record HandRaise() implements Command {
    public String commandName() { return "hand.raise"; }
  }

  /** {@code participantId} null: your own hand; naming someone else is for facilitators. */
  record HandLower(String participantId) implements Command {
    public HandLower {
      if (participantId != null && participantId.isBlank()) participantId = null;
    }

    /** Your own hand. */
    public HandLower() { this(null); }

    public String commandName() { return "hand.lower"; }
  }

  record HandNext() implements Command {
    public String commandName() { return "hand.next"; }
  }

  /** The floor to someone in the queue, whoever is first. */
  record FloorGive(String participantId) implements Command {
    public FloorGive {
      Checks.required("participantId", participantId);
    }
    public String commandName() { return "floor.give"; }
  }

  // ---------------------------------------------------------------- facilitation

  record ParkingUpdate(String id, ParkingStatus status, String owner) implements Command {
    public ParkingUpdate {
      Checks.required("id", id);
      Checks.required("status", status);
      if (owner != null) owner = owner.isBlank() ? null : Checks.text("owner", owner, 120);
      if (status == ParkingStatus.HANDED_ON && owner == null) {
        throw new IllegalArgumentException("say who it is handed on to (owner)");
      }
    }
    public String commandName() { return "parking.update"; }
  }

  /** {@code spotlight} null clears it. */
  record SpotlightSet(Spotlight spotlight) implements Command {
    public String commandName() { return "spotlight.set"; }
  }

  record ParticipantRemove(String id) implements Command {
    public ParticipantRemove {
      Checks.required("id", id);
    }
    public String commandName() { return "participant.remove"; }
  }

  record WorkshopUpdate(String title, SettingsPatch settings) implements Command {
    public WorkshopUpdate {
      if (title != null) title = Checks.text("title", title, 200);
    }
    public String commandName() { return "workshop.update"; }
  }

  record WorkshopEnd() implements Command {
    public String commandName() { return "workshop.end"; }
  }

  // ---------------------------------------------------------------- themes

  record ThemeCreate(String label, List<String> contributionIds) implements Command {
    public ThemeCreate {
      label = Checks.text("label", label, 120);
      contributionIds = contributionIds == null ? List.of() : List.copyOf(contributionIds);
    }
    public String commandName() { return "theme.create"; }
  }

  record ThemeRename(String id, String label) implements Command {
    public ThemeRename {
      Checks.required("id", id);
      label = Checks.text("label", label, 120);
    }
    public String commandName() { return "theme.rename"; }
  }

  record ThemeDelete(String id) implements Command {
    public ThemeDelete {
      Checks.required("id", id);
    }
    public String commandName() { return "theme.delete"; }
  }

  record ThemeMerge(List<String> ids, String label) implements Command {
    public ThemeMerge {
      Checks.required("ids", ids);
      ids = List.copyOf(new LinkedHashSet<>(ids));
      if (ids.size() < 2) throw new IllegalArgumentException("merge needs at least two themes");
      label = Checks.text("label", label, 120);
    }
    public String commandName() { return "theme.merge"; }
  }

  /** {@code themeId} null: take it out of any theme. */
  record ContributionMove(String id, String themeId) implements Command {
    public ContributionMove {
      Checks.required("id", id);
    }
    public String commandName() { return "contribution.move"; }
  }

  /** Asks for suggestions; the server computes them off the event loop, then records them. */
  record ThemesSuggest(Integer phase) implements Command {
    public String commandName() { return "themes.suggest"; }
  }

  /**
   * Server-side (no client frame decodes to it): the suggestions computed for a facilitator's
   * {@code themes.suggest}, recorded under that facilitator's ref.
   */
  record RecordSuggestions(List<SuggestedGroup> suggestions) implements Command {
    public RecordSuggestions {
      suggestions = List.copyOf(suggestions);
    }
    public String commandName() { return "themes.suggest"; }
  }

  /**
   * The suggestions to accept, by {@code ids} (stable while they are on the list), or by {@code indexes}
   * (positions, for older clients); both null: every suggestion.
   */
  record ThemesAccept(List<Integer> indexes, List<String> ids) implements Command {
    public ThemesAccept {
      if (indexes != null && ids != null) throw new IllegalArgumentException("send ids or indexes, not both");
      if (indexes != null) indexes = List.copyOf(indexes);
      if (ids != null) ids = List.copyOf(new LinkedHashSet<>(ids));
    }

    /** By position, as older clients send. */
    public ThemesAccept(List<Integer> indexes) { this(indexes, null); }

    public String commandName() { return "themes.accept"; }
  }

  /** Server-side: fresh placement help for unthemed contributions. */
  record RecordPlacement(Map<String, List<String>> fits) implements Command {
    public RecordPlacement {
      fits = Map.copyOf(fits);
    }
    public String commandName() { return "placement.update"; }
  }

  // ---------------------------------------------------------------- actions and series

  /** A facilitator records an action; {@code contributionId}: the contribution or parking-lot item it answers. */
  record ActionAdd(String text, String owner, String due, String contributionId) implements Command {
    public ActionAdd {
      text = Checks.text("text", text, Action.MAX_TEXT);
      owner = Action.optional("owner", owner, Action.MAX_OWNER);
      due = Action.date(due);
      if (contributionId != null && contributionId.isBlank()) contributionId = null;
    }
    public String commandName() { return "action.add"; }
  }

  /**
   * Changes what is given: null leaves a field as it is; for {@code outcome}, {@code owner} and {@code due}, an
   * empty text clears it (so each is kept as given, blank or not, and checked when applied).
   */
  record ActionUpdate(String id, ActionStatus status, String outcome, String owner, String due, String text)
      implements Command {
    public ActionUpdate {
      Checks.required("id", id);
      if (text != null) text = Checks.text("text", text, Action.MAX_TEXT);
      if (outcome != null) outcome = outcome.isBlank() ? "" : Action.optional("outcome", outcome, Action.MAX_OUTCOME);
      if (owner != null) owner = owner.isBlank() ? "" : Action.optional("owner", owner, Action.MAX_OWNER);
      if (due != null) due = due.isBlank() ? "" : Action.date(due);
    }
    public String commandName() { return "action.update"; }
  }

  /**
   * Server-side: a new meeting of a series starts with what the meeting before left open. {@code contributions}
   * and {@code actions} are as they stand in meeting {@code fromWorkshopId} (see {@link Carry}); {@code series}
   * already lists this meeting.
   */
  record CarryIn(Series series, String fromWorkshopId, List<Contribution> contributions, List<Action> actions)
      implements Command {
    public CarryIn {
      Checks.required("series", series);
      Checks.required("fromWorkshopId", fromWorkshopId);
      contributions = List.copyOf(contributions);
      actions = List.copyOf(actions);
    }
    public String commandName() { return "series.carry"; }
  }

  /**
   * Server-side: what this meeting knows of its series changes. {@code series} is merged into the copy it has
   * (so two meetings added at once are both kept); {@code removed}, when set, leaves it (a purged meeting).
   */
  record SeriesUpdate(Series series, String removed) implements Command {
    public SeriesUpdate {
      Checks.required("series", series);
    }
    public String commandName() { return "series.update"; }
  }

  /**
   * Server-side: items of meeting {@code fromWorkshopId} (ids there) were withdrawn; their carried copies here
   * go the same way (a withdrawal, for good).
   */
  record CarriedWithdrawn(String fromWorkshopId, java.util.Set<String> ids) implements Command {
    public CarriedWithdrawn {
      Checks.required("fromWorkshopId", fromWorkshopId);
      ids = java.util.Set.copyOf(ids);
    }
    public String commandName() { return "series.withdrawn"; }
  }
}
