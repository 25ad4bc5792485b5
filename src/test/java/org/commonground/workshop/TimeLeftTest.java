package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;
import static org.commonground.workshop.Scenario.T0;

import java.util.List;
import org.commonground.workshop.PhaseState.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The default agenda: part 1 is 10 minutes, part 2 is 30, part 3 is 20. */
@DisplayName("Going back keeps the time already used")
class TimeLeftTest {

  private static final long MIN = 60_000L;

  @Test
  @DisplayName("back to part 1 after 4 of its 10 minutes: it runs on with the 6 minutes it had left")
  void prevKeepsTimeUsed() {
    Scenario w = Scenario.workshop().started().later(4 * MIN);
    w.accepted(new Command.PhaseNext(null), FACILITATOR);
    w.later(5 * MIN);

    w.accepted(new Command.PhasePrev(null), FACILITATOR);

    assertThat(w.state().phase()).isEqualTo(new PhaseState(0, Status.RUNNING, T0 + 9 * MIN, T0 + 15 * MIN, null));
  }

  @Test
  @DisplayName("goto an earlier part does the same; and moving on again continues the later part where it was")
  void gotoBackAndForth() {
    Scenario w = Scenario.workshop().started().later(2 * MIN);
    w.accepted(new Command.PhaseGoto(2), FACILITATOR);      // part 1: 8 min left
    w.later(15 * MIN);
    w.accepted(new Command.PhaseGoto(0), FACILITATOR);      // part 3: 5 min left

    assertThat(w.state().phase()).isEqualTo(new PhaseState(0, Status.RUNNING, T0 + 17 * MIN, T0 + 25 * MIN, null));

    w.later(MIN);
    w.accepted(new Command.PhaseGoto(2), FACILITATOR);
    assertThat(w.state().phase()).isEqualTo(new PhaseState(2, Status.RUNNING, T0 + 18 * MIN, T0 + 23 * MIN, null));
  }

  @Test
  @DisplayName("a part never started gets its full time, even after others were visited")
  void neverStartedGetsFullTime() {
    Scenario w = Scenario.workshop().started().later(3 * MIN);
    w.accepted(new Command.PhaseGoto(2), FACILITATOR);
    w.later(MIN);

    w.accepted(new Command.PhasePrev(null), FACILITATOR);

    assertThat(w.state().phase()).isEqualTo(new PhaseState(1, Status.RUNNING, T0 + 4 * MIN, T0 + 34 * MIN, null));
  }

  @Test
  @DisplayName("a part left while paused keeps what was left when it was paused")
  void leftWhilePaused() {
    Scenario w = Scenario.workshop().started().later(3 * MIN);
    w.accepted(new Command.TimerPause(), FACILITATOR);      // 7 min left, frozen
    w.later(20 * MIN);
    w.accepted(new Command.PhaseNext(null), FACILITATOR);
    w.later(MIN);

    w.accepted(new Command.PhasePrev(null), FACILITATOR);

    assertThat(w.state().phase()).isEqualTo(new PhaseState(0, Status.RUNNING, T0 + 24 * MIN, T0 + 31 * MIN, null));
  }

  @Test
  @DisplayName("extra time given to a part is kept too; a part whose time ran out comes back with none")
  void extendedAndRunOut() {
    Scenario w = Scenario.workshop().started();
    w.accepted(new Command.TimerExtend(300), FACILITATOR);  // 15 min in all
    w.later(12 * MIN);
    w.accepted(new Command.PhaseNext(null), FACILITATOR);   // part 1: 3 min left
    w.later(45 * MIN);                                       // part 2 overran its 30 min
    w.accepted(new Command.PhasePrev(null), FACILITATOR);

    assertThat(w.state().phase().endsAt() - w.now()).isEqualTo(3 * MIN);

    w.accepted(new Command.PhaseNext(null), FACILITATOR);
    assertThat(w.state().phase()).as("part 2 had no time left: it shows zero, and the facilitator may add some")
        .isEqualTo(new PhaseState(1, Status.RUNNING, w.now(), w.now(), null));
  }

  @Test
  @DisplayName("going to the paused part itself resumes it with its time; it does not start over")
  void gotoPausedCurrent() {
    Scenario w = Scenario.workshop().inPhase(1).later(10 * MIN);
    w.accepted(new Command.TimerPause(), FACILITATOR);      // 20 min left
    w.later(MIN);

    w.accepted(new Command.PhaseGoto(1), FACILITATOR);

    assertThat(w.state().phase()).isEqualTo(new PhaseState(1, Status.RUNNING, T0 + 11 * MIN, T0 + 31 * MIN, null));
  }

  @Test
  @DisplayName("every node folding the same events keeps the same time left (no clock is read in apply)")
  void deterministic() {
    Scenario w = Scenario.workshop().started().later(4 * MIN);
    w.accepted(new Command.PhaseNext(null), FACILITATOR);
    w.later(7 * MIN);
    w.accepted(new Command.PhaseGoto(2), FACILITATOR);

    WorkshopState replayed = Scenario.fold(Scenario.workshop().state(), w.log());

    assertThat(replayed.timeLeft()).isEqualTo(w.state().timeLeft());
    assertThat(replayed.timeLeft()).containsEntry(0, 6 * MIN).containsEntry(1, 23 * MIN).doesNotContainKey(2);
    assertThat(replayed).isEqualTo(w.state());
  }

  @Test
  @DisplayName("a custom agenda: each part keeps its own time")
  void customAgenda() {
    Scenario w = Scenario.workshop(List.of(Scenario.phase(0, "Welcome", 5), Scenario.phase(1, "Stories", 45)))
        .started().later(MIN);
    w.accepted(new Command.PhaseNext(0), FACILITATOR);
    w.later(40 * MIN);
    w.accepted(new Command.PhasePrev(1), FACILITATOR);
    w.accepted(new Command.PhaseNext(0), FACILITATOR);

    assertThat(w.state().phase().endsAt() - w.now()).isEqualTo(5 * MIN);
  }
}
