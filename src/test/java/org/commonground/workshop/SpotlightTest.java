package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.SpotlightChanged;
import org.commonground.workshop.Spotlight.Type;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("spotlight.set (what the big screen shows)")
class SpotlightTest {

  private static Command.SpotlightSet on(Type type, String id) {
    return new Command.SpotlightSet(new Spotlight(type, id));
  }

  private static final Command.SpotlightSet CLEAR = new Command.SpotlightSet(null);

  @Test
  @DisplayName("a facilitator spotlights a contribution; the display is told and the state remembers it")
  void contribution() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "More peer support");

    Accepted a = w.accepted(on(Type.CONTRIBUTION, id), FACILITATOR);

    assertThat(a.events()).singleElement()
        .isEqualTo(new Emitted("p1", new SpotlightChanged(new Spotlight(Type.CONTRIBUTION, id))));
    assertThat(w.state().spotlight()).isEqualTo(new Spotlight(Type.CONTRIBUTION, id));
  }

  @Test
  @DisplayName("a poll can be spotlit, and moving the spotlight replaces what was there")
  void poll() {
    Scenario w = Scenario.workshop().started();
    String id = w.post(FACILITATOR, "x");
    String q = w.openPoll("Ok?", "yes", "no");
    w.accepted(on(Type.CONTRIBUTION, id), FACILITATOR);

    w.accepted(on(Type.POLL, q), FACILITATOR);

    assertThat(w.state().spotlight()).isEqualTo(new Spotlight(Type.POLL, q));
  }

  @Test
  @DisplayName("null clears the spotlight; clearing an empty spotlight sends nothing")
  void clear() {
    Scenario w = Scenario.workshop().started();
    String id = w.post(FACILITATOR, "x");
    assertThat(w.accepted(CLEAR, FACILITATOR).events()).isEmpty();
    w.accepted(on(Type.CONTRIBUTION, id), FACILITATOR);

    Accepted a = w.accepted(CLEAR, FACILITATOR);

    assertThat(a.events()).singleElement().isEqualTo(new Emitted("p1", new SpotlightChanged(null)));
    assertThat(w.state().spotlight()).isNull();
  }

  @Test
  @DisplayName("spotlighting what is already spotlit changes nothing")
  void same() {
    Scenario w = Scenario.workshop().started();
    String id = w.post(FACILITATOR, "x");
    w.accepted(on(Type.CONTRIBUTION, id), FACILITATOR);

    assertThat(w.accepted(on(Type.CONTRIBUTION, id), FACILITATOR).events()).isEmpty();
  }

  @Test
  @DisplayName("spotlighting something that does not exist is NOT_FOUND, for every type")
  void notFound() {
    Scenario w = Scenario.workshop().started();

    assertThat(w.rejected(on(Type.CONTRIBUTION, "c9"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.rejected(on(Type.THEME, "t9"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.rejected(on(Type.POLL, "q9"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.state().spotlight()).isNull();
  }

  @Test
  @DisplayName("the type must match: a poll's id is not a contribution, and a contribution's id is not a poll")
  void typeMustMatch() {
    Scenario w = Scenario.workshop().started();
    String id = w.post(FACILITATOR, "x");
    String q = w.openPoll("Ok?", "yes", "no");

    assertThat(w.rejected(on(Type.CONTRIBUTION, q), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.rejected(on(Type.POLL, id), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.rejected(on(Type.THEME, id), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  @DisplayName("a hidden contribution cannot be spotlit: NOT_FOUND")
  void hidden() {
    Scenario w = Scenario.workshop().started();
    String id = w.post(FACILITATOR, "x");
    w.accepted(new Command.HideContribution(id, null), FACILITATOR);

    assertThat(w.rejected(on(Type.CONTRIBUTION, id), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  @DisplayName("participants cannot set or clear the spotlight: FORBIDDEN")
  void facilitatorsOnly() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "pick me");

    assertThat(w.rejected(on(Type.CONTRIBUTION, id), sam).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(CLEAR, sam).code()).isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("when the spotlit contribution is withdrawn, the spotlight goes dark")
  void withdrawnClears() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "spotlit, then withdrawn");
    w.accepted(on(Type.CONTRIBUTION, id), FACILITATOR);

    w.accepted(new Command.WithdrawContribution(id), sam);

    assertThat(w.state().spotlight()).isNull();
  }

  @Test
  @DisplayName("withdrawing a contribution that is not spotlit leaves the spotlight where it is")
  void otherWithdrawn() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String spotlit = w.post(sam, "on screen");
    String other = w.post(sam, "not on screen");
    w.accepted(on(Type.CONTRIBUTION, spotlit), FACILITATOR);

    w.accepted(new Command.WithdrawContribution(other), sam);

    assertThat(w.state().spotlight()).isEqualTo(new Spotlight(Type.CONTRIBUTION, spotlit));
  }

  @Test
  @DisplayName("when a facilitator hides the spotlit contribution, it leaves the big screen too")
  void hiddenClears() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "should not stay on screen");
    w.accepted(on(Type.CONTRIBUTION, id), FACILITATOR);

    w.accepted(new Command.HideContribution(id, "names a colleague"), FACILITATOR);

    assertThat(w.state().spotlight()).isNull();
  }

  @Test
  @DisplayName("ending the workshop clears the spotlight first: the display is dark, then the workshop ends")
  void endClears() {
    Scenario w = Scenario.workshop().started();
    String q = w.openPoll("Ok?", "yes", "no");
    w.accepted(on(Type.POLL, q), FACILITATOR);

    Accepted a = w.accepted(new Command.WorkshopEnd(), FACILITATOR);

    assertThat(Scenario.events(a)).containsExactly(new SpotlightChanged(null), new Event.WorkshopEnded(w.now()));
    assertThat(w.state().spotlight()).isNull();
  }

  @Test
  @DisplayName("ending with nothing spotlit sends no spotlight.changed")
  void endWithoutSpotlight() {
    Scenario w = Scenario.workshop().started();

    assertThat(Scenario.events(w.accepted(new Command.WorkshopEnd(), FACILITATOR)))
        .containsExactly(new Event.WorkshopEnded(w.now()));
  }

  @Test
  @DisplayName("moving the agenda to another part (next, prev, goto) clears the spotlight")
  void movesClear() {
    Scenario w = Scenario.workshop().started();
    String id = w.post(FACILITATOR, "on screen");
    for (Command move : java.util.List.of(new Command.PhaseNext(null), new Command.PhasePrev(null),
        new Command.PhaseGoto(2))) {
      w.accepted(on(Type.CONTRIBUTION, id), FACILITATOR);

      Accepted a = w.accepted(move, FACILITATOR);

      assertThat(a.events()).as("%s", move).last().isEqualTo(new Emitted("p1", new SpotlightChanged(null)));
      assertThat(w.state().spotlight()).as("%s", move).isNull();
    }
  }

  @Test
  @DisplayName("pausing, resuming or extending the timer leaves the spotlight, and a move sends no spotlight.changed when nothing is spotlit")
  void timerKeeps() {
    Scenario w = Scenario.workshop().started();
    String id = w.post(FACILITATOR, "on screen");
    w.accepted(on(Type.CONTRIBUTION, id), FACILITATOR);

    w.accepted(new Command.TimerPause(), FACILITATOR);
    w.accepted(new Command.TimerExtend(60), FACILITATOR);
    w.accepted(new Command.TimerResume(), FACILITATOR);
    assertThat(w.state().spotlight()).isEqualTo(new Spotlight(Type.CONTRIBUTION, id));

    w.accepted(CLEAR, FACILITATOR);
    assertThat(Scenario.events(w.accepted(new Command.PhaseNext(null), FACILITATOR)))
        .noneMatch(e -> e instanceof SpotlightChanged);
  }

  @Test
  @DisplayName("deleting or merging the spotlit theme clears the spotlight")
  void themeGoneClears() {
    Scenario w = Scenario.workshop().inPhase(1);
    String a = w.post(FACILITATOR, "a");
    String b = w.post(FACILITATOR, "b");
    String t1 = w.createTheme("One", a);
    String t2 = w.createTheme("Two", b);
    w.accepted(on(Type.THEME, t1), FACILITATOR);

    w.accepted(new Command.ThemeDelete(t1), FACILITATOR);
    assertThat(w.state().spotlight()).isNull();

    String t3 = w.createTheme("Three", a);
    w.accepted(on(Type.THEME, t2), FACILITATOR);
    Accepted merged = w.accepted(new Command.ThemeMerge(java.util.List.of(t2, t3), "All"), FACILITATOR);
    assertThat(Scenario.events(merged)).contains(new SpotlightChanged(null));
    assertThat(w.state().spotlight()).isNull();
  }
}
