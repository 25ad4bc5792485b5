package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.workshop.Allow.CONTRIBUTE;
import static org.commonground.workshop.Allow.GROUP;
import static org.commonground.workshop.Allow.HAND;
import static org.commonground.workshop.Allow.POLL;
import static org.commonground.workshop.Allow.REACT;
import static org.commonground.workshop.Allow.VOTE;
import static org.commonground.workshop.Scenario.FACILITATOR;
import static org.commonground.workshop.Scenario.T0;
import static org.commonground.workshop.Scenario.events;
import static org.commonground.workshop.Scenario.phase;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.PhaseChanged;
import org.commonground.workshop.Event.ReadyChanged;
import org.commonground.workshop.Event.WorkshopUpdated;
import org.commonground.workshop.PhaseState.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The agenda: phases and timers")
class AgendaTest {

  private static final long MIN = 60_000L;

  private static PhaseState phaseOf(Emitted e) {
    assertThat(e.event()).isInstanceOf(PhaseChanged.class);
    return ((PhaseChanged) e.event()).phase();
  }

  @Nested
  @DisplayName("templates and custom phases")
  class Templates_ {

    @Test
    @DisplayName("icic-3-phase in plain words: Getting started 10 min, Sharing ideas 30, Choosing what matters most 20")
    void icic() {
      List<PhaseDef> p = Templates.named("icic-3-phase").orElseThrow();

      assertThat(p).extracting(PhaseDef::index).containsExactly(0, 1, 2);
      assertThat(p).extracting(PhaseDef::title).containsExactly(
          "Getting started", "Sharing ideas", "Choosing what matters most");
      assertThat(p).extracting(PhaseDef::minutes).containsExactly(10, 30, 20);
    }

    @Test
    @DisplayName("icic-3-phase opens grouping in phase 2 and voting only in phase 3")
    void icicAllow() {
      List<PhaseDef> p = Templates.named("icic-3-phase").orElseThrow();

      assertThat(p.get(0).allow()).containsExactlyInAnyOrder(CONTRIBUTE, REACT, HAND, POLL);
      assertThat(p.get(1).allow()).containsExactlyInAnyOrder(CONTRIBUTE, REACT, HAND, POLL, GROUP);
      assertThat(p.get(2).allow()).containsExactlyInAnyOrder(CONTRIBUTE, REACT, HAND, POLL, GROUP, VOTE);
    }

    @Test
    @DisplayName("reflective-practice in plain words: Saying hello, Sharing a hard situation, Thinking it through together, What we learned")
    void reflective() {
      List<PhaseDef> p = Templates.named("reflective-practice").orElseThrow();

      assertThat(p).extracting(PhaseDef::index).containsExactly(0, 1, 2, 3);
      assertThat(p).extracting(PhaseDef::title).containsExactly(
          "Saying hello", "Sharing a hard situation", "Thinking it through together", "What we learned, and goodbye");
      assertThat(p).allSatisfy(d -> assertThat(d.minutes()).isPositive());
    }

    @Test
    @DisplayName("reflective-practice allows everything but voting in every phase")
    void reflectiveAllow() {
      assertThat(Templates.named("reflective-practice").orElseThrow())
          .allSatisfy(d -> assertThat(d.allow()).containsExactlyInAnyOrder(CONTRIBUTE, GROUP, REACT, POLL, HAND));
    }

    @Test
    @DisplayName("the default agenda is icic-3-phase; an unknown template name gives no agenda")
    void defaultAndUnknown() {
      assertThat(Templates.DEFAULT).isEqualTo("icic-3-phase");
      assertThat(Scenario.workshop().state().phases()).isEqualTo(Templates.named("icic-3-phase").orElseThrow());
      assertThat(Templates.named("icic")).isEmpty();
    }

    @Test
    @DisplayName("the default allow list for a custom phase is everything but voting")
    void defaultAllow() {
      assertThat(Allow.defaults()).containsExactlyInAnyOrder(CONTRIBUTE, GROUP, REACT, POLL, HAND);
    }

    @Test
    @DisplayName("a custom phase keeps its title, minutes, prompt and allow list (prompt trimmed)")
    void custom() {
      PhaseDef d = new PhaseDef(0, " Listening ", 15, "  What did you hear?  ", EnumSet.of(HAND, REACT));

      assertThat(d.title()).isEqualTo("Listening");
      assertThat(d.minutes()).isEqualTo(15);
      assertThat(d.prompt()).isEqualTo("What did you hear?");
      assertThat(d.allow()).containsExactlyInAnyOrder(HAND, REACT);
    }

    @Test
    @DisplayName("a blank prompt is no prompt; an empty allow list lets participants do nothing")
    void blankPromptEmptyAllow() {
      PhaseDef d = new PhaseDef(0, "Break", 5, "   ", EnumSet.noneOf(Allow.class));

      assertThat(d.prompt()).isNull();
      assertThat(d.allow()).isEmpty();
    }

    @Test
    @DisplayName("a custom phase needs a title and 0 to 1440 minutes")
    void customBounds() {
      assertThatThrownBy(() -> new PhaseDef(0, " ", 5, null, Set.of())).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new PhaseDef(0, "x", -1, null, Set.of())).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new PhaseDef(0, "x", 1441, null, Set.of())).isInstanceOf(IllegalArgumentException.class);
      assertThatCode(() -> new PhaseDef(0, "x", 0, null, Set.of())).doesNotThrowAnyException();
      assertThatCode(() -> new PhaseDef(0, "x", 1440, null, Set.of())).doesNotThrowAnyException();
    }
  }

  @Nested
  @DisplayName("the lobby and phase.start")
  class Start {

    @Test
    @DisplayName("before the start the workshop is in the lobby, phase 0 pending with its full time")
    void lobby() {
      WorkshopState s = Scenario.workshop().state();

      assertThat(s.status()).isEqualTo(WorkshopState.Status.LOBBY);
      assertThat(s.phase()).isEqualTo(new PhaseState(0, Status.PENDING, null, null, 10 * MIN));
    }

    @Test
    @DisplayName("phase.start runs phase 0 on the server's clock and opens the workshop (workshop.updated running)")
    void start() {
      Scenario w = Scenario.workshop().at(T0 + 5_000);

      Accepted a = w.accepted(new Command.PhaseStart(), FACILITATOR);

      assertThat(a.events()).hasSize(2);
      assertThat(a.events()).allSatisfy(e -> assertThat(e.by()).isEqualTo("p1"));
      assertThat(phaseOf(a.events().get(0)))
          .isEqualTo(new PhaseState(0, Status.RUNNING, T0 + 5_000, T0 + 5_000 + 10 * MIN, null));
      assertThat(a.events().get(1).event()).isInstanceOfSatisfying(WorkshopUpdated.class, u -> {
        assertThat(u.status()).isEqualTo(WorkshopState.Status.RUNNING);
        assertThat(u.title()).isEqualTo("Shaping our crisis service");
        assertThat(u.settings()).isEqualTo(Settings.DEFAULTS);
      });
      assertThat(a.result()).containsEntry("index", 0);
      assertThat(w.state().status()).isEqualTo(WorkshopState.Status.RUNNING);
      assertThat(w.state().phase().status()).isEqualTo(Status.RUNNING);
    }

    @Test
    @DisplayName("pressing start again while the phase runs changes nothing")
    void startTwice() {
      Scenario w = Scenario.workshop().started();
      WorkshopState before = w.state();

      Accepted a = w.later(MIN).accepted(new Command.PhaseStart(), FACILITATOR);

      assertThat(a.events()).isEmpty();
      assertThat(w.state()).isSameAs(before);
    }

    @Test
    @DisplayName("moving on straight from the lobby (next or goto) also opens the workshop; next starts part 1")
    void moveFromLobby() {
      Scenario w = Scenario.workshop();
      Accepted next = w.accepted(new Command.PhaseNext(null), FACILITATOR);
      assertThat(events(next)).hasSize(2).element(1).isInstanceOf(WorkshopUpdated.class);
      assertThat(w.state().status()).isEqualTo(WorkshopState.Status.RUNNING);
      assertThat(w.state().phase()).as("the first press of next starts part 1; it does not skip it")
          .isEqualTo(new PhaseState(0, Status.RUNNING, T0, T0 + 10 * MIN, null));
      assertThat(next.result()).containsEntry("index", 0);

      Scenario w2 = Scenario.workshop();
      Accepted go = w2.accepted(new Command.PhaseGoto(2), FACILITATOR);
      assertThat(events(go)).hasSize(2).element(1).isInstanceOfSatisfying(WorkshopUpdated.class,
          u -> assertThat(u.status()).isEqualTo(WorkshopState.Status.RUNNING));
      assertThat(w2.state().phase()).isEqualTo(new PhaseState(2, Status.RUNNING, T0, T0 + 20 * MIN, null));
    }

    @Test
    @DisplayName("the second press of next (after the start) moves on to part 2")
    void nextThenNext() {
      Scenario w = Scenario.workshop();
      w.accepted(new Command.PhaseNext(-1), FACILITATOR);

      w.later(MIN).accepted(new Command.PhaseNext(0), FACILITATOR);

      assertThat(w.state().phase()).isEqualTo(new PhaseState(1, Status.RUNNING, T0 + MIN, T0 + 31 * MIN, null));
    }

    @Test
    @DisplayName("two facilitators pressing next in the lobby (from -1) start part 1 once; the later press changes nothing")
    void twoPressesFromTheLobby() {
      Scenario w = Scenario.workshop();
      Actor priya = w.addCoFacilitator("Priya");

      Accepted first = w.accepted(new Command.PhaseNext(-1), FACILITATOR);
      Accepted second = w.accepted(new Command.PhaseNext(-1), priya);

      assertThat(first.events()).isNotEmpty();
      assertThat(second.events()).isEmpty();
      assertThat(w.state().phase().index()).isZero();
      assertThat(w.state().phase().status()).isEqualTo(Status.RUNNING);
    }

    @Test
    @DisplayName("in the lobby a from of 0 (the pending part 1, as older consoles send) also starts part 1")
    void olderConsoleFromZero() {
      Scenario w = Scenario.workshop();

      w.accepted(new Command.PhaseNext(0), FACILITATOR);

      assertThat(w.state().agendaPosition()).isZero();
      assertThat(w.state().phase().status()).isEqualTo(Status.RUNNING);
    }

    @Test
    @DisplayName("next from the lobby keeps time given to part 1 while waiting, as phase.start does")
    void nextKeepsLobbyExtension() {
      Scenario w = Scenario.workshop();
      w.accepted(new Command.TimerExtend(120), FACILITATOR);

      w.accepted(new Command.PhaseNext(null), FACILITATOR);

      assertThat(w.state().phase().endsAt()).isEqualTo(T0 + 12 * MIN);
    }

    @Test
    @DisplayName("a one-part agenda: next in the lobby starts its only part; then next is INVALID")
    void onePartFromTheLobby() {
      Scenario w = Scenario.workshop(List.of(phase(0, "Only", 30, CONTRIBUTE)));

      w.accepted(new Command.PhaseNext(null), FACILITATOR);

      assertThat(w.state().phase().status()).isEqualTo(Status.RUNNING);
      assertThat(w.rejected(new Command.PhaseNext(null), FACILITATOR).code()).isEqualTo(Code.INVALID);
    }

    @Test
    @DisplayName("the agenda's position is -1 in the lobby, then the current part's index")
    void position() {
      Scenario w = Scenario.workshop();
      assertThat(w.state().agendaPosition()).isEqualTo(-1);
      w.accepted(new Command.TimerExtend(60), FACILITATOR);
      assertThat(w.state().agendaPosition()).as("time changed in the lobby: still the lobby").isEqualTo(-1);
      w.started();
      assertThat(w.state().agendaPosition()).isZero();
      w.accepted(new Command.PhaseGoto(2), FACILITATOR);
      assertThat(w.state().agendaPosition()).isEqualTo(2);
      assertThat(w.accepted(new Command.PhasePrev(-1), FACILITATOR).events()).as("a press from the lobby, long gone").isEmpty();
    }

    @Test
    @DisplayName("workshop.updated is sent only once: later moves do not repeat it")
    void onlyOnce() {
      Scenario w = Scenario.workshop().started();

      Accepted a = w.accepted(new Command.PhaseNext(null), FACILITATOR);

      assertThat(events(a)).singleElement().isInstanceOf(PhaseChanged.class);
    }

    @Test
    @DisplayName("going to phase 0 from the lobby starts it like phase.start")
    void gotoZeroFromLobby() {
      Scenario w = Scenario.workshop();

      Accepted a = w.accepted(new Command.PhaseGoto(0), FACILITATOR);

      assertThat(events(a)).hasSize(2);
      assertThat(w.state().phase()).isEqualTo(new PhaseState(0, Status.RUNNING, T0, T0 + 10 * MIN, null));
    }
  }

  static Stream<Command> agendaCommands() {
    return Stream.of(new Command.PhaseStart(), new Command.PhaseNext(null), new Command.PhaseNext(0),
        new Command.PhasePrev(null), new Command.PhaseGoto(1), new Command.TimerPause(), new Command.TimerResume(),
        new Command.TimerExtend(60));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agendaCommands")
  @DisplayName("participants cannot steer the agenda or its timer: FORBIDDEN")
  void participantsCannotSteer(Command cmd) {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    w.inPhase(1);

    assertThat(w.rejected(cmd, sam).code()).isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("a co-facilitator can steer the agenda too")
  void coFacilitator() {
    Scenario w = Scenario.workshop();
    Actor priya = w.addCoFacilitator("Priya");

    w.accepted(new Command.PhaseStart(), priya);
    w.accepted(new Command.PhaseNext(null), priya);
    w.accepted(new Command.TimerPause(), priya);

    assertThat(w.state().phase().index()).isEqualTo(1);
    assertThat(w.state().phase().status()).isEqualTo(Status.PAUSED);
  }

  @Nested
  @DisplayName("next, prev and goto")
  class Moves {

    @Test
    @DisplayName("next runs the following phase with its full planned time from now")
    void next() {
      Scenario w = Scenario.workshop().started().later(4 * MIN);

      Accepted a = w.accepted(new Command.PhaseNext(null), FACILITATOR);

      assertThat(a.result()).containsEntry("index", 1);
      assertThat(w.state().phase()).isEqualTo(new PhaseState(1, Status.RUNNING, T0 + 4 * MIN, T0 + 34 * MIN, null));
    }

    @Test
    @DisplayName("next on the last phase is INVALID and nothing moves")
    void nextOnLast() {
      Scenario w = Scenario.workshop().inPhase(2);
      WorkshopState before = w.state();

      assertThat(w.rejected(new Command.PhaseNext(null), FACILITATOR).code()).isEqualTo(Code.INVALID);
      assertThat(w.rejected(new Command.PhaseNext(2), FACILITATOR).code()).isEqualTo(Code.INVALID);
      assertThat(w.state()).isSameAs(before);
    }

    @Test
    @DisplayName("prev goes back one phase; one never started gets its full time (see TimeLeftTest for one that ran)")
    void prev() {
      Scenario w = Scenario.workshop().inPhase(2).later(MIN);

      Accepted a = w.accepted(new Command.PhasePrev(null), FACILITATOR);

      assertThat(a.result()).containsEntry("index", 1);
      assertThat(w.state().phase()).isEqualTo(new PhaseState(1, Status.RUNNING, T0 + MIN, T0 + 31 * MIN, null));
    }

    @Test
    @DisplayName("prev on the first phase is INVALID, in the lobby too")
    void prevOnFirst() {
      Scenario lobby = Scenario.workshop();
      assertThat(lobby.rejected(new Command.PhasePrev(null), FACILITATOR).code()).isEqualTo(Code.INVALID);

      Scenario running = Scenario.workshop().started();
      assertThat(running.rejected(new Command.PhasePrev(null), FACILITATOR).code()).isEqualTo(Code.INVALID);
      assertThat(running.rejected(new Command.PhasePrev(0), FACILITATOR).code()).isEqualTo(Code.INVALID);
    }

    @ParameterizedTest(name = "goto {0}")
    @ValueSource(ints = {-1, 3, 50, Integer.MAX_VALUE, Integer.MIN_VALUE})
    @DisplayName("goto a phase that does not exist is INVALID")
    void gotoOutOfRange(int index) {
      Scenario w = Scenario.workshop().started();
      WorkshopState before = w.state();

      assertThat(w.rejected(new Command.PhaseGoto(index), FACILITATOR).code()).isEqualTo(Code.INVALID);
      assertThat(w.state()).isSameAs(before);
    }

    @Test
    @DisplayName("goto jumps forwards and backwards; a part comes back with the time it had left")
    void gotoAnywhere() {
      Scenario w = Scenario.workshop().started().later(4 * MIN);

      w.accepted(new Command.PhaseGoto(2), FACILITATOR);
      assertThat(w.state().phase()).isEqualTo(new PhaseState(2, Status.RUNNING, T0 + 4 * MIN, T0 + 24 * MIN, null));

      w.later(MIN).accepted(new Command.PhaseGoto(0), FACILITATOR);
      assertThat(w.state().phase()).isEqualTo(new PhaseState(0, Status.RUNNING, T0 + 5 * MIN, T0 + 11 * MIN, null));
    }

    @Test
    @DisplayName("goto the phase that is already running changes nothing (its timer is not restarted)")
    void gotoCurrent() {
      Scenario w = Scenario.workshop().inPhase(1).later(5 * MIN);
      WorkshopState before = w.state();

      assertThat(w.accepted(new Command.PhaseGoto(1), FACILITATOR).events()).isEmpty();
      assertThat(w.state()).isSameAs(before);
    }

    @Test
    @DisplayName("a custom agenda moves through its own phases with their own minutes")
    void customAgenda() {
      Scenario w = Scenario.workshop(List.of(phase(0, "Welcome", 5, HAND), phase(1, "Stories", 45),
          new PhaseDef(2, "Close", 0, "One word to close", Set.of())));
      w.started();

      w.accepted(new Command.PhaseNext(0), FACILITATOR);
      assertThat(w.state().phase()).isEqualTo(new PhaseState(1, Status.RUNNING, T0, T0 + 45 * MIN, null));
      w.accepted(new Command.PhaseNext(1), FACILITATOR);
      assertThat(w.state().phase()).as("a phase of 0 minutes has no time at all")
          .isEqualTo(new PhaseState(2, Status.RUNNING, T0, T0, null));
      assertThat(w.state().currentPhase().prompt()).isEqualTo("One word to close");
    }

    @Test
    @DisplayName("a one-phase agenda: next and prev are both INVALID")
    void onePhase() {
      Scenario w = Scenario.workshop(List.of(phase(0, "Only", 30, CONTRIBUTE))).started();

      assertThat(w.rejected(new Command.PhaseNext(null), FACILITATOR).code()).isEqualTo(Code.INVALID);
      assertThat(w.rejected(new Command.PhasePrev(null), FACILITATOR).code()).isEqualTo(Code.INVALID);
    }
  }

  @Nested
  @DisplayName("two facilitators pressing at once (`from`)")
  class From {

    @Test
    @DisplayName("two facilitators both pressing next from phase 0 move the agenda once, to phase 1")
    void doubleNext() {
      Scenario w = Scenario.workshop().started();
      Actor priya = w.addCoFacilitator("Priya");

      Accepted first = w.accepted(new Command.PhaseNext(0), FACILITATOR);
      Accepted second = w.accepted(new Command.PhaseNext(0), priya);

      assertThat(first.events()).hasSize(1);
      assertThat(second.events()).isEmpty();
      assertThat(w.state().phase().index()).isEqualTo(1);
    }

    @Test
    @DisplayName("two presses of prev from phase 2 move back once, to phase 1")
    void doublePrev() {
      Scenario w = Scenario.workshop().inPhase(2);
      Actor priya = w.addCoFacilitator("Priya");

      w.accepted(new Command.PhasePrev(2), FACILITATOR);
      Accepted second = w.accepted(new Command.PhasePrev(2), priya);

      assertThat(second.events()).isEmpty();
      assertThat(w.state().phase().index()).isEqualTo(1);
    }

    @Test
    @DisplayName("a stale next that would run past the last phase changes nothing rather than failing")
    void staleNextAtTheEnd() {
      Scenario w = Scenario.workshop().inPhase(1);

      w.accepted(new Command.PhaseNext(1), FACILITATOR);
      Accepted stale = w.accepted(new Command.PhaseNext(1), FACILITATOR);

      assertThat(stale.events()).isEmpty();
      assertThat(w.state().phase().index()).isEqualTo(2);
    }

    @Test
    @DisplayName("a stale prev on the first phase changes nothing rather than failing")
    void stalePrevAtTheStart() {
      Scenario w = Scenario.workshop().inPhase(1);

      w.accepted(new Command.PhasePrev(1), FACILITATOR);
      Accepted stale = w.accepted(new Command.PhasePrev(1), FACILITATOR);

      assertThat(stale.events()).isEmpty();
      assertThat(w.state().phase().index()).isZero();
    }

    @Test
    @DisplayName("next with the current index as `from` moves; without `from` every press moves")
    void freshFromAndNoFrom() {
      Scenario w = Scenario.workshop().started();

      w.accepted(new Command.PhaseNext(0), FACILITATOR);
      assertThat(w.state().phase().index()).isEqualTo(1);
      w.accepted(new Command.PhaseNext(null), FACILITATOR);
      assertThat(w.state().phase().index()).isEqualTo(2);
    }

    @Test
    @DisplayName("a `from` for a phase the agenda has not reached yet changes nothing")
    void fromAhead() {
      Scenario w = Scenario.workshop().started();

      assertThat(w.accepted(new Command.PhaseNext(1), FACILITATOR).events()).isEmpty();
      assertThat(w.accepted(new Command.PhasePrev(2), FACILITATOR).events()).isEmpty();
      assertThat(w.state().phase().index()).isZero();
    }
  }

  @Nested
  @DisplayName("timer.pause, timer.resume")
  class PauseResume {

    @Test
    @DisplayName("pause freezes what is left: no end time, remainingMs kept, the phase stays where it is")
    void pause() {
      Scenario w = Scenario.workshop().started().later(4 * MIN);

      Accepted a = w.accepted(new Command.TimerPause(), FACILITATOR);

      assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.by()).isEqualTo("p1"));
      assertThat(w.state().phase()).isEqualTo(new PhaseState(0, Status.PAUSED, T0, null, 6 * MIN));
    }

    @Test
    @DisplayName("resume carries on from what was left, counting from the moment of resuming")
    void resume() {
      Scenario w = Scenario.workshop().started().later(4 * MIN);
      w.accepted(new Command.TimerPause(), FACILITATOR);

      w.later(30 * MIN).accepted(new Command.TimerResume(), FACILITATOR);

      assertThat(w.state().phase()).isEqualTo(new PhaseState(0, Status.RUNNING, T0, T0 + 34 * MIN + 6 * MIN, null));
    }

    @Test
    @DisplayName("pausing a paused timer, or resuming a running one, changes nothing")
    void idempotent() {
      Scenario w = Scenario.workshop().started();
      assertThat(w.accepted(new Command.TimerResume(), FACILITATOR).events()).isEmpty();

      w.accepted(new Command.TimerPause(), FACILITATOR);
      WorkshopState paused = w.state();
      assertThat(w.later(MIN).accepted(new Command.TimerPause(), FACILITATOR).events()).isEmpty();
      assertThat(w.state()).isSameAs(paused);
    }

    @Test
    @DisplayName("in the lobby there is no timer to pause or resume: nothing happens")
    void lobby() {
      Scenario w = Scenario.workshop();

      assertThat(w.accepted(new Command.TimerPause(), FACILITATOR).events()).isEmpty();
      assertThat(w.accepted(new Command.TimerResume(), FACILITATOR).events()).isEmpty();
      assertThat(w.state().status()).isEqualTo(WorkshopState.Status.LOBBY);
    }

    @Test
    @DisplayName("pausing after the time ran out leaves zero, never a negative time")
    void pauseAfterTimeIsUp() {
      Scenario w = Scenario.workshop().started().later(25 * MIN);

      w.accepted(new Command.TimerPause(), FACILITATOR);

      assertThat(w.state().phase().remainingMs()).isZero();
    }

    @Test
    @DisplayName("phase.start on a paused phase carries on with the time that was left")
    void startResumes() {
      Scenario w = Scenario.workshop().started().later(4 * MIN);
      w.accepted(new Command.TimerPause(), FACILITATOR);

      w.later(MIN).accepted(new Command.PhaseStart(), FACILITATOR);

      assertThat(w.state().phase().status()).isEqualTo(Status.RUNNING);
      assertThat(w.state().phase().endsAt()).isEqualTo(T0 + 5 * MIN + 6 * MIN);
    }

    @Test
    @DisplayName("moving to another phase while paused starts that phase running with its full time")
    void moveWhilePaused() {
      Scenario w = Scenario.workshop().started();
      w.accepted(new Command.TimerPause(), FACILITATOR);

      w.accepted(new Command.PhaseNext(null), FACILITATOR);

      assertThat(w.state().phase()).isEqualTo(new PhaseState(1, Status.RUNNING, T0, T0 + 30 * MIN, null));
    }
  }

  @Nested
  @DisplayName("timer.extend")
  class Extend {

    @Test
    @DisplayName("extending a running phase moves its end later by that many seconds")
    void extend() {
      Scenario w = Scenario.workshop().started();

      Accepted a = w.accepted(new Command.TimerExtend(120), FACILITATOR);

      assertThat(phaseOf(a.events().get(0))).isEqualTo(new PhaseState(0, Status.RUNNING, T0, T0 + 12 * MIN, null));
      assertThat(w.state().phase().endsAt()).isEqualTo(T0 + 12 * MIN);
    }

    @Test
    @DisplayName("a negative extend shortens the phase")
    void shorten() {
      Scenario w = Scenario.workshop().started();

      w.accepted(new Command.TimerExtend(-180), FACILITATOR);

      assertThat(w.state().phase().endsAt()).isEqualTo(T0 + 7 * MIN);
    }

    @Test
    @DisplayName("shortening by more than is left ends the time now, never before now")
    void shortenBelowZero() {
      Scenario w = Scenario.workshop().started().later(8 * MIN);

      w.accepted(new Command.TimerExtend(-600), FACILITATOR);

      assertThat(w.state().phase().endsAt()).isEqualTo(T0 + 8 * MIN);
      assertThat(w.state().phase().status()).isEqualTo(Status.RUNNING);
    }

    @Test
    @DisplayName("extending a paused phase adds to what is left; shortening it stops at zero")
    void paused() {
      Scenario w = Scenario.workshop().started().later(4 * MIN);
      w.accepted(new Command.TimerPause(), FACILITATOR);

      w.accepted(new Command.TimerExtend(60), FACILITATOR);
      assertThat(w.state().phase()).isEqualTo(new PhaseState(0, Status.PAUSED, T0, null, 7 * MIN));

      w.accepted(new Command.TimerExtend(-600), FACILITATOR);
      assertThat(w.state().phase()).isEqualTo(new PhaseState(0, Status.PAUSED, T0, null, 0L));
    }

    @Test
    @DisplayName("extending in the lobby changes the time phase 0 will start with")
    void lobby() {
      Scenario w = Scenario.workshop();

      w.accepted(new Command.TimerExtend(300), FACILITATOR);
      assertThat(w.state().phase()).isEqualTo(new PhaseState(0, Status.PENDING, null, null, 15 * MIN));
      assertThat(w.state().status()).isEqualTo(WorkshopState.Status.LOBBY);

      w.started();
      assertThat(w.state().phase().endsAt()).isEqualTo(T0 + 15 * MIN);
    }

    @Test
    @DisplayName("extending by 0 seconds changes nothing")
    void zero() {
      Scenario w = Scenario.workshop().started();

      assertThat(w.accepted(new Command.TimerExtend(0), FACILITATOR).events()).isEmpty();
    }

    @Test
    @DisplayName("extend takes -600 to 3600 seconds; anything else is refused (INVALID)")
    void range() {
      assertThatCode(() -> new Command.TimerExtend(-600)).doesNotThrowAnyException();
      assertThatCode(() -> new Command.TimerExtend(3600)).doesNotThrowAnyException();
      assertThatThrownBy(() -> new Command.TimerExtend(-601)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Command.TimerExtend(3601)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the longest extend, an hour, is added in full")
    void anHour() {
      Scenario w = Scenario.workshop().started();

      w.accepted(new Command.TimerExtend(3600), FACILITATOR);

      assertThat(w.state().phase().endsAt()).isEqualTo(T0 + 70 * MIN);
    }
  }

  @Test
  @DisplayName("when time runs out nothing moves by itself: the phase keeps running and people keep posting")
  void timeRunsOut() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    PhaseState before = w.state().phase();

    w.at(T0 + 3 * 60 * MIN);
    String id = w.post(sam, "still talking");

    assertThat(w.state().phase()).isEqualTo(before);
    assertThat(w.state().status()).isEqualTo(WorkshopState.Status.RUNNING);
    assertThat(w.contribution(id).phase()).isZero();
    w.accepted(new Command.PhaseNext(0), FACILITATOR);
    assertThat(w.state().phase().index()).isEqualTo(1);
  }

  @Nested
  @DisplayName("ready flags on a phase change")
  class ReadyReset {

    @Test
    @DisplayName("moving to another phase clears everyone's ready flag (ready.changed with nobody, by null)")
    void reset() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      Actor alex = w.join("Alex");
      w.accepted(new Command.ReadySet(true), sam);
      w.accepted(new Command.ReadySet(true), alex);

      Accepted a = w.accepted(new Command.PhaseNext(null), FACILITATOR);

      assertThat(a.events()).hasSize(2);
      assertThat(a.events().get(0).event()).isInstanceOf(PhaseChanged.class);
      assertThat(a.events().get(1)).isEqualTo(new Emitted(null, new ReadyChanged(Set.of())));
      assertThat(w.state().ready()).isEmpty();
    }

    @Test
    @DisplayName("when nobody was ready, a phase change sends no ready.changed")
    void nobodyReady() {
      Scenario w = Scenario.workshop().started();
      w.join("Sam");

      assertThat(events(w.run(new Command.PhaseNext(null), FACILITATOR))).singleElement().isInstanceOf(PhaseChanged.class);
      assertThat(events(w.run(new Command.PhasePrev(null), FACILITATOR))).singleElement().isInstanceOf(PhaseChanged.class);
      assertThat(events(w.run(new Command.PhaseGoto(2), FACILITATOR))).singleElement().isInstanceOf(PhaseChanged.class);
    }

    @Test
    @DisplayName("prev and goto clear ready flags too")
    void prevAndGoto() {
      Scenario w = Scenario.workshop().inPhase(2);
      Actor sam = w.join("Sam");
      w.accepted(new Command.ReadySet(true), sam);
      assertThat(events(w.run(new Command.PhasePrev(null), FACILITATOR))).hasSize(2);
      assertThat(w.state().ready()).isEmpty();

      w.accepted(new Command.ReadySet(true), sam);
      assertThat(events(w.run(new Command.PhaseGoto(0), FACILITATOR))).last().isEqualTo(new ReadyChanged(Set.of()));
      assertThat(w.state().ready()).isEmpty();
    }

    @Test
    @DisplayName("starting the workshop clears ready flags people set while waiting in the lobby")
    void startResetsLobbyReady() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      w.accepted(new Command.ReadySet(true), sam);

      Accepted a = w.accepted(new Command.PhaseStart(), FACILITATOR);

      assertThat(events(a)).contains(new ReadyChanged(Set.of()));
      assertThat(w.state().ready()).isEmpty();
    }

    @Test
    @DisplayName("pause, resume and extend keep the ready flags")
    void timerKeepsReady() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      w.accepted(new Command.ReadySet(true), sam);

      w.accepted(new Command.TimerPause(), FACILITATOR);
      w.accepted(new Command.TimerExtend(60), FACILITATOR);
      w.accepted(new Command.TimerResume(), FACILITATOR);

      assertThat(w.state().ready()).containsExactly(sam.participantId());
    }
  }

  @Test
  @DisplayName("a phase change never discards anything: contributions, polls, hands and votes all stay")
  void nothingDiscarded() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String early = w.post(sam, "from phase one");
    String poll = w.openPoll("Which day?", "Monday", "Friday");
    w.accepted(new Command.PollAnswer(poll, 1), sam);
    w.accepted(new Command.HandRaise(), sam);
    w.inPhase(2);
    String late = w.post(sam, "from phase three");
    w.accepted(new Command.VoteCast(early), sam);

    w.accepted(new Command.PhaseGoto(0), FACILITATOR);
    w.accepted(new Command.PhaseNext(null), FACILITATOR);

    assertThat(w.state().contributions().keySet()).containsExactly(early, late);
    assertThat(w.contribution(early).phase()).isZero();
    assertThat(w.contribution(late).phase()).isEqualTo(2);
    assertThat(w.contribution(early).votes()).isEqualTo(1);
    assertThat(w.state().polls().get(poll).counts()).containsExactly(0, 1);
    assertThat(w.state().hands()).containsExactly(sam.participantId());
  }
}
