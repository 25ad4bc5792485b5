package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.ContributionAdded;
import org.commonground.workshop.Event.ContributionRemoved;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("contribution.hide and contribution.unhide")
class HideTest {

  private static Command.HideContribution hide(String id) { return new Command.HideContribution(id, null); }

  private static Command.UnhideContribution unhide(String id) { return new Command.UnhideContribution(id); }

  @Test
  @DisplayName("a facilitator can hide a contribution with a reason; it is kept, marked hidden, not deleted")
  void facilitatorHides() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "Dr X is useless");

    Accepted a = w.accepted(new Command.HideContribution(id, "names a colleague"), FACILITATOR);

    assertThat(a.result()).containsEntry("id", id);
    assertThat(a.events()).singleElement().satisfies(e -> {
      assertThat(e.by()).isEqualTo("p1");
      assertThat(e.event()).isEqualTo(new ContributionRemoved(id, true, "names a colleague"));
    });
    assertThat(w.contribution(id).hidden()).isTrue();
    assertThat(w.contribution(id).text()).as("nothing anyone wrote is lost").isEqualTo("Dr X is useless");
  }

  @Test
  @DisplayName("a co-facilitator can hide and unhide too")
  void coFacilitator() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    Actor priya = w.addCoFacilitator("Priya");
    String id = w.post(sam, "text");

    w.accepted(hide(id), priya);
    assertThat(w.contribution(id).hidden()).isTrue();
    w.accepted(unhide(id), priya);
    assertThat(w.contribution(id).hidden()).isFalse();
  }

  @Test
  @DisplayName("participants cannot hide or unhide, not even their own contribution")
  void participantsCannot() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.post(sam, "text");

    assertThat(w.rejected(hide(id), sam).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(hide(id), alex).code()).isEqualTo(Code.FORBIDDEN);
    w.accepted(hide(id), FACILITATOR);
    assertThat(w.rejected(unhide(id), sam).code()).isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("hiding or unhiding a contribution that does not exist is NOT_FOUND")
  void unknown() {
    Scenario w = Scenario.workshop();

    assertThat(w.rejected(hide("c7"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.rejected(unhide("c7"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  @DisplayName("hiding a hidden contribution again changes nothing and emits no event")
  void hideTwice() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "text");
    w.accepted(hide(id), FACILITATOR);
    WorkshopState before = w.state();

    Accepted again = w.accepted(new Command.HideContribution(id, "another reason"), FACILITATOR);

    assertThat(again.events()).isEmpty();
    assertThat(w.state()).isSameAs(before);
  }

  @Test
  @DisplayName("unhiding a visible contribution changes nothing and emits no event")
  void unhideVisible() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "text");

    assertThat(w.accepted(unhide(id), FACILITATOR).events()).isEmpty();
  }

  @Test
  @DisplayName("an unhidden contribution comes back as it was, under the same id, and ids keep counting")
  void unhideRestores() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "text");
    w.accepted(new Command.ToggleReaction(id, "heart"), FACILITATOR);
    Contribution original = w.contribution(id);
    w.accepted(hide(id), FACILITATOR);

    Accepted a = w.accepted(unhide(id), FACILITATOR);

    assertThat(a.events()).singleElement().satisfies(e -> {
      assertThat(e.by()).isEqualTo("p1");
      assertThat(e.event()).isEqualTo(new ContributionAdded(original));
    });
    assertThat(w.contribution(id)).isEqualTo(original);
    assertThat(w.state().contributions()).hasSize(1);
    assertThat(w.post(sam, "next")).as("an unhide does not use up an id").isEqualTo("c2");
  }

  @Test
  @DisplayName("nobody can react to a hidden contribution; after unhiding they can again")
  void hiddenDisappearsForReactions() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.post(sam, "text");
    w.accepted(hide(id), FACILITATOR);

    assertThat(w.rejected(new Command.ToggleReaction(id, "agree"), alex).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.rejected(new Command.ToggleReaction(id, "agree"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);

    w.accepted(unhide(id), FACILITATOR);
    assertThat(w.accepted(new Command.ToggleReaction(id, "agree"), alex).events()).hasSize(1);
  }

  @Test
  @DisplayName("hiding and unhiding an anonymous contribution never names anyone in the events")
  void anonymousHideBy() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    String id = w.postAnonymously(sam, "text");

    assertThat(w.accepted(hide(id), FACILITATOR).events()).singleElement().extracting(Emitted::by).isNull();
    assertThat(w.accepted(unhide(id), FACILITATOR).events()).singleElement().extracting(Emitted::by).isNull();
  }
}
