package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;
import static org.commonground.workshop.Scenario.T0;

import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.WorkshopEnded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("workshop.end")
class EndTest {

  private static final long MIN = 60_000L;

  @Test
  @DisplayName("a facilitator ends the workshop: it is ended and the current phase is done, with no time left")
  void end() {
    Scenario w = Scenario.workshop().inPhase(1).later(7 * MIN);

    Accepted a = w.accepted(new Command.WorkshopEnd(), FACILITATOR);

    assertThat(a.events()).singleElement().isEqualTo(new Emitted("p1", new WorkshopEnded(T0 + 7 * MIN)));
    assertThat(w.state().status()).isEqualTo(WorkshopState.Status.ENDED);
    assertThat(w.state().phase()).isEqualTo(new PhaseState(1, PhaseState.Status.DONE, T0, null, 0L));
  }

  @Test
  @DisplayName("ending from the lobby or while paused also leaves the phase done")
  void fromLobbyOrPaused() {
    Scenario lobby = Scenario.workshop().ended();
    assertThat(lobby.state().phase().status()).isEqualTo(PhaseState.Status.DONE);
    assertThat(lobby.state().phase().remainingMs()).isZero();

    Scenario paused = Scenario.workshop().started();
    paused.accepted(new Command.TimerPause(), FACILITATOR);
    paused.ended();
    assertThat(paused.state().phase().status()).isEqualTo(PhaseState.Status.DONE);
    assertThat(paused.state().phase().endsAt()).isNull();
    assertThat(paused.state().phase().remainingMs()).isZero();
  }

  @Test
  @DisplayName("participants cannot end the workshop: FORBIDDEN")
  void facilitatorsOnly() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");

    assertThat(w.rejected(new Command.WorkshopEnd(), sam).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.state().status()).isEqualTo(WorkshopState.Status.RUNNING);
  }

  @Test
  @DisplayName("a co-facilitator can end it, and ending twice is ENDED")
  void coFacilitatorAndTwice() {
    Scenario w = Scenario.workshop().started();
    Actor priya = w.addCoFacilitator("Priya");

    w.accepted(new Command.WorkshopEnd(), priya);

    assertThat(w.rejected(new Command.WorkshopEnd(), FACILITATOR).code()).isEqualTo(Code.ENDED);
  }

  @Test
  @DisplayName("after the end nobody can join, post, vote, answer, raise a hand or say ready: ENDED")
  void everythingEnded() {
    Scenario w = Scenario.workshop().inPhase(2);
    Actor sam = w.join("Sam");
    String id = w.post(sam, "x");
    String q = w.openPoll("Ok?", "yes", "no");
    w.accepted(new Command.HandRaise(), sam);
    w.ended();

    assertThat(w.rejected(new Command.Join("Late", null, Role.PARTICIPANT), new Actor("joining", Role.PARTICIPANT))
        .code()).isEqualTo(Code.ENDED);
    assertThat(w.rejected(new Command.AddContribution("y", null, null, null, null), sam).code()).isEqualTo(Code.ENDED);
    assertThat(w.rejected(new Command.VoteCast(id), sam).code()).isEqualTo(Code.ENDED);
    assertThat(w.rejected(new Command.PollAnswer(q, 0), sam).code()).isEqualTo(Code.ENDED);
    assertThat(w.rejected(new Command.HandLower(), sam).code()).isEqualTo(Code.ENDED);
    assertThat(w.rejected(new Command.ReadySet(true), sam).code()).isEqualTo(Code.ENDED);
    assertThat(w.rejected(new Command.PhaseStart(), FACILITATOR).code()).isEqualTo(Code.ENDED);
    assertThat(w.rejected(new Command.TimerExtend(60), FACILITATOR).code()).isEqualTo(Code.ENDED);
  }

  @Test
  @DisplayName("after the end an author can still withdraw their contribution; nobody else can")
  void withdrawAfterEnd() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.post(sam, "second thoughts");
    w.ended();

    assertThat(w.decide(new Command.WithdrawContribution(id), alex)).isInstanceOf(Decision.Rejected.class);
    assertThat(w.decide(new Command.WithdrawContribution(id), FACILITATOR)).isInstanceOf(Decision.Rejected.class);
    assertThat(w.accepted(new Command.WithdrawContribution(id), sam).events()).hasSize(1);
    assertThat(w.state().contributions()).doesNotContainKey(id);
  }

  @Test
  @DisplayName("ending keeps everything that was posted, voted and answered, for the report")
  void keepsEverything() {
    Scenario w = Scenario.workshop().inPhase(2);
    Actor sam = w.join("Sam");
    String id = w.post(sam, "x");
    String parked = w.post(sam, Kind.PARKING, "later");
    w.accepted(new Command.VoteCast(id), sam);
    String q = w.openPoll("Ok?", "yes", "no");
    w.accepted(new Command.PollAnswer(q, 1), sam);

    w.ended();

    assertThat(w.state().contributions()).containsKeys(id, parked);
    assertThat(w.contribution(id).votes()).isEqualTo(1);
    assertThat(w.state().polls().get(q).counts()).containsExactly(0, 1);
  }
}
