package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.FloorGiven;
import org.commonground.workshop.Event.HandsChanged;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Raised hands: hand.raise, hand.lower, hand.next, floor.give")
class HandsTest {

  private static final Command RAISE = new Command.HandRaise();
  private static final Command LOWER = new Command.HandLower();
  private static final Command NEXT = new Command.HandNext();

  @Test
  @DisplayName("raising a hand puts you in the queue; the event names you and the answer gives your place")
  void raise() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");

    Accepted a = w.accepted(RAISE, sam);

    assertThat(a.events()).singleElement()
        .isEqualTo(new Emitted(sam.participantId(), new HandsChanged(List.of(sam.participantId()))));
    assertThat(a.result()).containsEntry("position", 1);
    assertThat(w.state().hands()).containsExactly(sam.participantId());
  }

  @Test
  @DisplayName("the queue is first come, first served, and hand.next gives the floor to the first")
  void fifo() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    Actor kim = w.join("Kim");
    w.accepted(RAISE, sam);
    w.accepted(RAISE, alex);
    assertThat(w.accepted(RAISE, kim).result()).containsEntry("position", 3);

    Accepted a = w.accepted(NEXT, FACILITATOR);

    assertThat(a.events()).containsExactly(
        new Emitted("p1", new HandsChanged(List.of(alex.participantId(), kim.participantId()))),
        new Emitted("p1", new FloorGiven(sam.participantId())));
    assertThat(a.result()).containsEntry("participantId", sam.participantId());
    assertThat(w.state().hands()).containsExactly(alex.participantId(), kim.participantId());

    assertThat(w.accepted(NEXT, FACILITATOR).result()).containsEntry("participantId", alex.participantId());
    assertThat(w.accepted(NEXT, FACILITATOR).result()).containsEntry("participantId", kim.participantId());
    assertThat(w.state().hands()).isEmpty();
  }

  @Test
  @DisplayName("raising your hand twice keeps your place and sends nothing")
  void raiseTwice() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    w.accepted(RAISE, sam);
    w.accepted(RAISE, alex);
    WorkshopState before = w.state();

    assertThat(w.accepted(RAISE, sam).events()).isEmpty();
    assertThat(w.state()).isSameAs(before);
    assertThat(w.state().hands()).containsExactly(sam.participantId(), alex.participantId());
  }

  @Test
  @DisplayName("lowering your hand takes you out and keeps everyone else's order")
  void lower() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    Actor kim = w.join("Kim");
    w.accepted(RAISE, sam);
    w.accepted(RAISE, alex);
    w.accepted(RAISE, kim);

    Accepted a = w.accepted(LOWER, alex);

    assertThat(a.events()).singleElement().isEqualTo(
        new Emitted(alex.participantId(), new HandsChanged(List.of(sam.participantId(), kim.participantId()))));
    assertThat(w.state().hands()).containsExactly(sam.participantId(), kim.participantId());
  }

  @Test
  @DisplayName("lowering a hand that is not raised changes nothing")
  void lowerNotRaised() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");

    assertThat(w.accepted(LOWER, sam).events()).isEmpty();
  }

  @Test
  @DisplayName("raising again after lowering puts you at the back of the queue")
  void backOfTheQueue() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    w.accepted(RAISE, sam);
    w.accepted(RAISE, alex);

    w.accepted(LOWER, sam);
    w.accepted(RAISE, sam);

    assertThat(w.state().hands()).containsExactly(alex.participantId(), sam.participantId());
  }

  @Test
  @DisplayName("someone given the floor can raise their hand again and queues at the back")
  void afterTheFloor() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    w.accepted(RAISE, sam);
    w.accepted(RAISE, alex);
    w.accepted(NEXT, FACILITATOR);

    assertThat(w.accepted(RAISE, sam).result()).containsEntry("position", 2);
    assertThat(w.state().hands()).containsExactly(alex.participantId(), sam.participantId());
  }

  @Test
  @DisplayName("hands cannot be raised in a phase that does not allow them, but a raised hand can still be lowered")
  void phaseRules() {
    Scenario w = Scenario.workshop(List.of(Scenario.phase(0, "Q&A", 10, Allow.HAND), Scenario.phase(1, "Quiet", 10)))
        .started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    w.accepted(RAISE, sam);
    w.accepted(new Command.PhaseNext(null), FACILITATOR);

    assertThat(w.rejected(RAISE, alex).code()).isEqualTo(Code.PHASE_CLOSED);
    assertThat(w.state().hands()).as("the queue survives the phase change").containsExactly(sam.participantId());
    assertThat(w.accepted(LOWER, sam).events()).hasSize(1);
    assertThat(w.state().hands()).isEmpty();
  }

  @Test
  @DisplayName("only facilitators give the floor: a participant's hand.next is FORBIDDEN")
  void nextFacilitatorsOnly() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    w.accepted(RAISE, sam);

    assertThat(w.rejected(NEXT, sam).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.state().hands()).containsExactly(sam.participantId());
  }

  @Test
  @DisplayName("hand.next with nobody waiting is NOT_FOUND")
  void nextEmpty() {
    Scenario w = Scenario.workshop().started();

    assertThat(w.rejected(NEXT, FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  @DisplayName("a co-facilitator can give the floor")
  void coFacilitator() {
    Scenario w = Scenario.workshop().started();
    Actor priya = w.addCoFacilitator("Priya");
    Actor sam = w.join("Sam");
    w.accepted(RAISE, sam);

    Accepted a = w.accepted(NEXT, priya);

    assertThat(a.events()).extracting(Emitted::by).containsOnly(priya.participantId());
    assertThat(a.events().get(1).event()).isEqualTo(new FloorGiven(sam.participantId()));
  }

  // ---------------------------------------------------------------- floor.give, hand.lower {participantId}

  @Test
  @DisplayName("floor.give gives the floor to anyone in the queue, not only the first; the rest keep their order")
  void floorToAnyone() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    Actor kim = w.join("Kim");
    for (Actor a : List.of(sam, alex, kim)) w.accepted(RAISE, a);

    Accepted a = w.accepted(new Command.FloorGive(alex.participantId()), FACILITATOR);

    assertThat(a.events()).containsExactly(
        new Emitted("p1", new HandsChanged(List.of(sam.participantId(), kim.participantId()))),
        new Emitted("p1", new FloorGiven(alex.participantId())));
    assertThat(a.result()).containsEntry("participantId", alex.participantId());
    assertThat(w.state().hands()).containsExactly(sam.participantId(), kim.participantId());
    assertThat(w.accepted(NEXT, FACILITATOR).result()).as("hand.next still takes the first")
        .containsEntry("participantId", sam.participantId());
  }

  @Test
  @DisplayName("floor.give to someone whose hand is not up (or was just given the floor) is NOT_FOUND, in plain words")
  void floorToSomeoneNotInTheQueue() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    w.accepted(RAISE, sam);
    w.accepted(new Command.FloorGive(sam.participantId()), FACILITATOR);

    for (String who : List.of(sam.participantId(), alex.participantId(), "p999")) {
      Rejection r = w.rejected(new Command.FloorGive(who), FACILITATOR);
      assertThat(r.code()).isEqualTo(Code.NOT_FOUND);
      assertThat(r.message()).isEqualTo(
          "That person does not have their hand up now. Give the floor to someone who is in the queue.");
    }
  }

  @Test
  @DisplayName("participants cannot give the floor: FORBIDDEN; a co-facilitator can")
  void floorIsForFacilitators() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    Actor priya = w.addCoFacilitator("Priya");
    w.accepted(RAISE, alex);

    assertThat(w.rejected(new Command.FloorGive(alex.participantId()), sam).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.accepted(new Command.FloorGive(alex.participantId()), priya).result())
        .containsEntry("participantId", alex.participantId());
  }

  @Test
  @DisplayName("a facilitator lowers someone else's hand: they leave the queue, nobody is given the floor")
  void facilitatorLowersAHand() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    w.accepted(RAISE, sam);
    w.accepted(RAISE, alex);

    Accepted a = w.accepted(new Command.HandLower(sam.participantId()), FACILITATOR);

    assertThat(a.events()).containsExactly(new Emitted("p1", new HandsChanged(List.of(alex.participantId()))));
    assertThat(w.state().hands()).containsExactly(alex.participantId());
  }

  @Test
  @DisplayName("lowering a hand that is already down changes nothing (two facilitators pressing at once)")
  void lowerTwice() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor priya = w.addCoFacilitator("Priya");
    w.accepted(RAISE, sam);
    w.accepted(new Command.HandLower(sam.participantId()), FACILITATOR);

    assertThat(w.accepted(new Command.HandLower(sam.participantId()), priya).events()).isEmpty();
    assertThat(w.accepted(new Command.HandLower("p999"), priya).events()).isEmpty();
  }

  @Test
  @DisplayName("a participant naming someone else's hand is FORBIDDEN; naming their own, or nobody, lowers their own")
  void participantLowersOnlyTheirOwn() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    w.accepted(RAISE, sam);
    w.accepted(RAISE, alex);

    Rejection r = w.rejected(new Command.HandLower(alex.participantId()), sam);
    assertThat(r.code()).isEqualTo(Code.FORBIDDEN);
    assertThat(r.message()).isEqualTo("You can only lower your own hand. The facilitator can lower other people's.");

    w.accepted(new Command.HandLower(sam.participantId()), sam);
    assertThat(w.state().hands()).containsExactly(alex.participantId());
    w.accepted(LOWER, alex);
    assertThat(w.state().hands()).isEmpty();
  }
}
