package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;
import static org.commonground.workshop.Scenario.phase;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.commonground.workshop.Decision.Accepted;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("What the current phase allows participants to do")
class AllowRulesTest {

  /**
   * Phase 0 allows everything; phase 1 ("Silent reading") nothing. Before moving on, the facilitator
   * posts c1 and opens poll q1, so every command has something to aim at.
   */
  private static Scenario silentPhase() {
    Scenario w = Scenario.workshop(List.of(
        phase(0, "Open floor", 20, Allow.values()),
        phase(1, "Silent reading", 10)));
    w.started();
    w.post(FACILITATOR, "A point to read");
    w.openPoll("How was it?", "Good", "Bad");
    return w;
  }

  static Stream<Arguments> gated() {
    return Stream.of(
        Arguments.of("contribute", (Function<Scenario, Command>) w -> new Command.AddContribution("x", null, null, null, null)),
        Arguments.of("react", (Function<Scenario, Command>) w -> new Command.ToggleReaction("c1", "agree")),
        Arguments.of("vote (cast)", (Function<Scenario, Command>) w -> new Command.VoteCast("c1")),
        Arguments.of("vote (retract)", (Function<Scenario, Command>) w -> new Command.VoteRetract("c1")),
        Arguments.of("poll", (Function<Scenario, Command>) w -> new Command.PollAnswer("q1", 0)),
        Arguments.of("hand", (Function<Scenario, Command>) w -> new Command.HandRaise()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gated")
  @DisplayName("a participant gets PHASE_CLOSED for what the phase does not allow, and nothing changes")
  void closedForParticipants(String what, Function<Scenario, Command> cmd) {
    Scenario w = silentPhase();
    Actor sam = w.join("Sam");
    w.inPhase(1);
    WorkshopState before = w.state();

    assertThat(w.rejected(cmd.apply(w), sam).code()).isEqualTo(Code.PHASE_CLOSED);
    assertThat(w.state()).isSameAs(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gated")
  @DisplayName("a facilitator may do it in any phase")
  void facilitatorsAlways(String what, Function<Scenario, Command> cmd) {
    Scenario w = silentPhase().inPhase(1);

    assertThat(w.decide(cmd.apply(w), FACILITATOR)).isInstanceOf(Accepted.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gated")
  @DisplayName("the same command is accepted from a participant in a phase that allows it")
  void openWhenAllowed(String what, Function<Scenario, Command> cmd) {
    Scenario w = silentPhase();
    Actor sam = w.join("Sam");

    assertThat(w.decide(cmd.apply(w), sam)).isInstanceOf(Accepted.class);
  }

  @Test
  @DisplayName("withdrawing your contribution, lowering your hand and saying you're ready are always allowed")
  void alwaysAllowed() {
    Scenario w = silentPhase();
    Actor sam = w.join("Sam");
    String mine = w.post(sam, "my thought");
    w.accepted(new Command.HandRaise(), sam);
    w.inPhase(1);

    assertThat(w.accepted(new Command.WithdrawContribution(mine), sam).events()).hasSize(1);
    assertThat(w.accepted(new Command.HandLower(), sam).events()).hasSize(1);
    assertThat(w.accepted(new Command.ReadySet(true), sam).events()).hasSize(1);
    assertThat(w.state().contributions()).doesNotContainKey(mine);
    assertThat(w.state().hands()).isEmpty();
    assertThat(w.state().ready()).containsExactly(sam.participantId());
  }

  @Test
  @DisplayName("in the lobby, phase 0's allow list applies")
  void lobbyUsesPhaseZero() {
    Scenario open = Scenario.workshop(List.of(phase(0, "Open", 10, Allow.CONTRIBUTE), phase(1, "Closed", 10)));
    Actor sam = open.join("Sam");
    assertThat(open.post(sam, "early bird")).isEqualTo("c1");
    assertThat(open.rejected(new Command.HandRaise(), sam).code()).isEqualTo(Code.PHASE_CLOSED);

    Scenario closed = Scenario.workshop(List.of(phase(0, "Closed", 10), phase(1, "Open", 10, Allow.CONTRIBUTE)));
    Actor kim = closed.join("Kim");
    assertThat(closed.rejected(new Command.AddContribution("x", null, null, null, null), kim).code())
        .isEqualTo(Code.PHASE_CLOSED);
  }

  @Test
  @DisplayName("in icic-3-phase participants can vote only in the third phase")
  void icicVoting() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "an idea");

    assertThat(w.rejected(new Command.VoteCast(id), sam).code()).isEqualTo(Code.PHASE_CLOSED);
    w.inPhase(1);
    assertThat(w.rejected(new Command.VoteCast(id), sam).code()).isEqualTo(Code.PHASE_CLOSED);
    w.inPhase(2);
    assertThat(w.decide(new Command.VoteCast(id), sam)).isInstanceOf(Accepted.class);
  }

  @Test
  @DisplayName("in reflective-practice participants can never vote, but can raise hands and answer polls")
  void reflectiveNoVoting() {
    List<PhaseDef> defs = Templates.named("reflective-practice").orElseThrow();
    for (PhaseDef p : defs) {
      Scenario w = Scenario.workshop(defs);
      Actor sam = w.join("Sam");
      String id = w.post(sam, "an idea");
      String poll = w.openPoll("Ok?", "yes", "no");
      w.inPhase(p.index());

      assertThat(w.rejected(new Command.VoteCast(id), sam).code()).as("phase %d", p.index())
          .isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.decide(new Command.HandRaise(), sam)).isInstanceOf(Accepted.class);
      assertThat(w.decide(new Command.PollAnswer(poll, 0), sam)).isInstanceOf(Accepted.class);
    }
  }
}
