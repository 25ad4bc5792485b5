package org.commonground.workshop;

import java.util.List;
import java.util.Set;

/**
 * What a client asks for, already shaped and type-checked by the protocol layer. Value rules
 * (lengths, ranges) are checked in the compact constructors; permission and state rules in
 * {@link Workshop#decide}.
 *
 * <p>Every command is read as {@code Command.X}. Those of joining, facilitation and series are declared
 * here; the rest by area in {@link ContributionCommands}, {@link AgendaCommands}, {@link ParticipationCommands}
 * and {@link ThemeCommands}, which this interface extends only so that their records are its members too.
 */
public sealed interface Command extends ContributionCommands, AgendaCommands, ParticipationCommands, ThemeCommands
    permits
        Command.Create, Command.Join, Command.NewJoinCode, Command.ParkingUpdate, Command.SpotlightSet,
        Command.ParticipantRemove, Command.WorkshopUpdate, Command.WorkshopEnd,
        Command.ActionAdd, Command.ActionUpdate, Command.CarryIn, Command.SeriesUpdate, Command.CarriedWithdrawn,
        ContributionCommands.AddContribution, ContributionCommands.EditContribution,
        ContributionCommands.WithdrawContribution, ContributionCommands.HideContribution,
        ContributionCommands.UnhideContribution, ContributionCommands.ParkContribution,
        ContributionCommands.ToggleReaction,
        AgendaCommands.PhaseStart, AgendaCommands.PhaseNext, AgendaCommands.PhasePrev,
        AgendaCommands.PhaseGoto, AgendaCommands.TimerPause, AgendaCommands.TimerResume,
        AgendaCommands.TimerExtend, AgendaCommands.ReadySet,
        ParticipationCommands.VoteCast, ParticipationCommands.VoteRetract, ParticipationCommands.PollOpen,
        ParticipationCommands.PollLadder, ParticipationCommands.PollAnswer, ParticipationCommands.PollClose,
        ParticipationCommands.HandRaise, ParticipationCommands.HandLower, ParticipationCommands.HandNext,
        ParticipationCommands.FloorGive,
        ThemeCommands.ThemeCreate, ThemeCommands.ThemeRename, ThemeCommands.ThemeDelete,
        ThemeCommands.ThemeMerge, ThemeCommands.ContributionMove, ThemeCommands.ThemesSuggest,
        ThemeCommands.RecordSuggestions, ThemeCommands.ThemesAccept, ThemeCommands.RecordPlacement {
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
  record CarriedWithdrawn(String fromWorkshopId, Set<String> ids) implements Command {
    public CarriedWithdrawn {
      Checks.required("fromWorkshopId", fromWorkshopId);
      ids = Set.copyOf(ids);
    }
    public String commandName() { return "series.withdrawn"; }
  }
}
