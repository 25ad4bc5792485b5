package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.DISPLAY;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonground.workshop.Decision.Accepted;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Who may send commands at all")
class AccessTest {

  /** One instance of every command, aimed at contribution c1 (Sam's) where it needs one. */
  static Stream<Command> everyCommand() {
    return Stream.of(
        new Command.Join("Kim", null, Role.PARTICIPANT),
        new Command.Join("Kim", null, Role.FACILITATOR),
        new Command.AddContribution("hello", Kind.IDEA, null, null, null),
        new Command.AddContribution("hello", Kind.IDEA, null, "Kim", null),
        new Command.EditContribution("c1", "changed"),
        new Command.WithdrawContribution("c1"),
        new Command.HideContribution("c1", null),
        new Command.UnhideContribution("c1"),
        new Command.ToggleReaction("c1", "agree"),
        new Command.ParkingUpdate("c1", ParkingStatus.REVISITED, null),
        new Command.ParkContribution("c1"),
        new Command.PhaseStart(),
        new Command.PhaseNext(null),
        new Command.PhasePrev(null),
        new Command.PhaseGoto(1),
        new Command.TimerPause(),
        new Command.TimerResume(),
        new Command.TimerExtend(60),
        new Command.ReadySet(true),
        new Command.VoteCast("c1"),
        new Command.VoteRetract("c1"),
        Command.PollOpen.ladder(),
        new Command.PollLadder(null),
        new Command.PollAnswer("q1", 0),
        new Command.PollClose("q1"),
        new Command.HandRaise(),
        new Command.HandLower(),
        new Command.HandLower("p2"),
        new Command.HandNext(),
        new Command.FloorGive("p2"),
        new Command.SpotlightSet(new Spotlight(Spotlight.Type.CONTRIBUTION, "c1")),
        new Command.ParticipantRemove("p2"),
        new Command.WorkshopUpdate("Renamed", null),
        new Command.WorkshopEnd(),
        new Command.NewJoinCode("XYZ789"),
        new Command.ThemeCreate("Food", java.util.List.of("c1")),
        new Command.ThemeRename("t1", "Food and drink"),
        new Command.ThemeDelete("t1"),
        new Command.ThemeMerge(java.util.List.of("t1", "t2"), "Together"),
        new Command.ContributionMove("c1", null),
        new Command.ThemesSuggest(null),
        new Command.RecordSuggestions(java.util.List.of(new SuggestedGroup("Food", java.util.List.of("c1")))),
        new Command.ThemesAccept(null),
        new Command.RecordPlacement(java.util.Map.of("c1", java.util.List.of())),
        new Command.ActionAdd("Ask the board", null, null, "c1"),
        new Command.ActionUpdate("a1", ActionStatus.DONE, "Done", null, null, null),
        new Command.CarryIn(new Series("s1", "", java.util.List.of()), "w0", java.util.List.of(), java.util.List.of()),
        new Command.SeriesUpdate(new Series("s1", "", java.util.List.of()), null),
        new Command.CarriedWithdrawn("w0", java.util.Set.of("c1")),
        new Command.Create("w-other", "Another", "XYZ789", Settings.DEFAULTS, Templates.named(Templates.DEFAULT).orElseThrow(),
            "Kim"));
  }

  /** Commands other than joining, which need the actor to be a member. */
  static Stream<Command> memberCommands() {
    return everyCommand().filter(c -> !(c instanceof Command.Join));
  }

  @Test
  @DisplayName("the list of commands here covers every command the domain knows")
  void coversEveryCommand() {
    List<Class<?>> covered = new ArrayList<>(everyCommand().map(Object::getClass).distinct().toList());
    assertThat(covered).containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
  }

  private static Scenario withOneContribution() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    w.post(sam, "Sam's idea");
    return w;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  @DisplayName("a display (the big screen) is FORBIDDEN to send any command")
  void displayIsReadOnly(Command cmd) {
    Scenario w = withOneContribution();

    assertThat(w.rejected(cmd, DISPLAY).code()).isEqualTo(Code.FORBIDDEN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  @DisplayName("a display stays FORBIDDEN after the workshop ended")
  void displayAfterEnd(Command cmd) {
    Scenario w = withOneContribution().ended();

    assertThat(w.rejected(cmd, DISPLAY).code()).isEqualTo(Code.FORBIDDEN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("memberCommands")
  @DisplayName("someone who is not in the workshop is FORBIDDEN, even with a facilitator role")
  void nonMember(Command cmd) {
    Scenario w = withOneContribution();

    assertThat(w.rejected(cmd, new Actor("p99", Role.PARTICIPANT)).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(cmd, new Actor("p99", Role.FACILITATOR)).code()).isEqualTo(Code.FORBIDDEN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  @DisplayName("after the end every command but withdraw, a new join code and actions/series gets ENDED, even from a facilitator")
  void endedForAllButWithdraw(Command cmd) {
    Scenario w = withOneContribution().ended();
    Actor sam = new Actor("p2", Role.PARTICIPANT);
    Actor actor = cmd instanceof Command.WithdrawContribution ? sam : FACILITATOR;

    Decision d = w.decide(cmd, actor);

    if (cmd instanceof Command.WithdrawContribution || cmd instanceof Command.NewJoinCode) {
      assertThat(d).isInstanceOf(Accepted.class);
    } else if (SeriesRules.afterEnd(cmd)) {
      // An action's outcome often comes weeks later; these are decided on their own rules, not ENDED.
      if (d instanceof Decision.Rejected r) assertThat(r.rejection().code()).isNotEqualTo(Code.ENDED);
    } else {
      assertThat(d).isInstanceOf(Decision.Rejected.class);
      assertThat(((Decision.Rejected) d).rejection().code()).isEqualTo(Code.ENDED);
    }
  }

  @Test
  @DisplayName("a rejected command leaves the state exactly as it was")
  void rejectionChangesNothing() {
    Scenario w = withOneContribution();
    WorkshopState before = w.state();

    w.run(new Command.EditContribution("c1", "hijacked"), new Actor("p99", Role.PARTICIPANT));
    w.run(new Command.HideContribution("c1", null), DISPLAY);

    assertThat(w.state()).isSameAs(before);
  }
}
