package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import java.util.Set;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.ReadyChanged;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ready.set")
class ReadyTest {

  private static Command.ReadySet ready(boolean r) { return new Command.ReadySet(r); }

  @Test
  @DisplayName("saying you're ready adds one to the count, and the event does not say who")
  void ready() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");

    Accepted a = w.accepted(ready(true), sam);

    assertThat(a.events()).singleElement().satisfies(e -> {
      assertThat(e.by()).isNull();
      assertThat(e.event()).isInstanceOfSatisfying(ReadyChanged.class, r -> assertThat(r.ready()).hasSize(1));
    });
    assertThat(a.result()).containsEntry("ready", true);
    assertThat(w.state().ready()).containsExactly(sam.participantId());
  }

  @Test
  @DisplayName("the count follows several people becoming ready and changing their minds")
  void count() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    Actor kim = w.join("Kim");

    w.accepted(ready(true), sam);
    w.accepted(ready(true), alex);
    Accepted third = w.accepted(ready(true), kim);
    assertThat(((ReadyChanged) third.events().get(0).event()).ready()).hasSize(3);

    Accepted back = w.accepted(ready(false), alex);
    assertThat(back.events()).singleElement().satisfies(e -> {
      assertThat(e.by()).isNull();
      assertThat(((ReadyChanged) e.event()).ready()).hasSize(2);
    });
    assertThat(w.state().ready()).containsExactlyInAnyOrder(sam.participantId(), kim.participantId());
  }

  @Test
  @DisplayName("saying ready twice, or not ready when you were not, changes nothing and sends no event")
  void sameValue() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");

    assertThat(w.accepted(ready(false), sam).events()).isEmpty();
    w.accepted(ready(true), sam);
    WorkshopState before = w.state();
    assertThat(w.accepted(ready(true), sam).events()).isEmpty();
    assertThat(w.state()).isSameAs(before);
  }

  @Test
  @DisplayName("ready works in the lobby and in a phase that allows nothing else")
  void alwaysAllowed() {
    Scenario lobby = Scenario.workshop();
    Actor sam = lobby.join("Sam");
    assertThat(lobby.accepted(ready(true), sam).events()).hasSize(1);

    Scenario quiet = Scenario.workshop(List.of(Scenario.phase(0, "Silence", 5))).started();
    Actor kim = quiet.join("Kim");
    assertThat(quiet.accepted(ready(true), kim).events()).hasSize(1);
  }

  @Test
  @DisplayName("after a phase change everyone can say they're ready again for the new phase")
  void readyAgainAfterMove() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    w.accepted(ready(true), sam);

    w.accepted(new Command.PhaseNext(null), FACILITATOR);
    Accepted again = w.accepted(ready(true), sam);

    assertThat(again.events()).singleElement().satisfies(e ->
        assertThat(e.event()).isEqualTo(new ReadyChanged(Set.of(sam.participantId()))));
  }
}
