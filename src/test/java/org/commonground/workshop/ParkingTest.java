package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.workshop.Scenario.FACILITATOR;

import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.ContributionUpdated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The parking lot (parking.update)")
class ParkingTest {

  private static Command.ParkingUpdate update(String id, ParkingStatus status, String owner) {
    return new Command.ParkingUpdate(id, status, owner);
  }

  @Test
  @DisplayName("a parking-lot item starts open, with no owner; other kinds have no parking status")
  void startsOpen() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");

    String parked = w.post(sam, Kind.PARKING, "Funding for transport");
    String idea = w.post(sam, Kind.IDEA, "An idea");

    assertThat(w.contribution(parked).parking()).isEqualTo(ParkingStatus.OPEN);
    assertThat(w.contribution(parked).owner()).isNull();
    assertThat(w.contribution(idea).parking()).isNull();
  }

  @Test
  @DisplayName("a facilitator marks an item revisited; the rest of the contribution stays as it was")
  void revisited() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = w.post(sam, Kind.PARKING, "Funding for transport");
    Contribution before = w.contribution(id);

    Accepted a = w.accepted(update(id, ParkingStatus.REVISITED, null), FACILITATOR);

    assertThat(a.result()).containsEntry("id", id);
    assertThat(a.events()).singleElement().satisfies(e -> {
      assertThat(e.by()).isEqualTo("p1");
      assertThat(e.event()).isInstanceOfSatisfying(ContributionUpdated.class,
          u -> assertThat(u.contribution()).isEqualTo(w.contribution(id)));
    });
    assertThat(w.contribution(id).parking()).isEqualTo(ParkingStatus.REVISITED);
    assertThat(w.contribution(id)).usingRecursiveComparison().ignoringFields("parking").isEqualTo(before);
  }

  @Test
  @DisplayName("handing an item on records who it was handed to")
  void handedOn() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = w.post(sam, Kind.PARKING, "Funding for transport");

    w.accepted(update(id, ParkingStatus.HANDED_ON, "  Commissioning team  "), FACILITATOR);

    assertThat(w.contribution(id).parking()).isEqualTo(ParkingStatus.HANDED_ON);
    assertThat(w.contribution(id).owner()).isEqualTo("Commissioning team");
  }

  @ParameterizedTest(name = "owner [{0}]")
  @NullSource
  @ValueSource(strings = {"", "   "})
  @DisplayName("handing on without saying to whom is refused when the command is built (INVALID)")
  void handedOnNeedsOwner(String owner) {
    assertThatThrownBy(() -> update("c1", ParkingStatus.HANDED_ON, owner))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner");
  }

  @Test
  @DisplayName("a parking.update needs an id and a status, and an owner of at most 120 characters")
  void commandShape() {
    assertThatThrownBy(() -> update(null, ParkingStatus.OPEN, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> update("c1", null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> update("c1", ParkingStatus.HANDED_ON, "o".repeat(121)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(update("c1", ParkingStatus.HANDED_ON, "o".repeat(120)).owner()).hasSize(120);
  }

  @Test
  @DisplayName("moving a handed-on item back to open or revisited drops its owner")
  void backToOpen() {
    Scenario w = Scenario.workshop().started();
    String id = w.post(FACILITATOR, Kind.PARKING, "Training budget");
    w.accepted(update(id, ParkingStatus.HANDED_ON, "Board"), FACILITATOR);

    w.accepted(update(id, ParkingStatus.REVISITED, "Board"), FACILITATOR);
    assertThat(w.contribution(id).owner()).isNull();

    w.accepted(update(id, ParkingStatus.HANDED_ON, "Board"), FACILITATOR);
    w.accepted(update(id, ParkingStatus.OPEN, null), FACILITATOR);
    assertThat(w.contribution(id).parking()).isEqualTo(ParkingStatus.OPEN);
    assertThat(w.contribution(id).owner()).isNull();
  }

  @Test
  @DisplayName("handing on to someone else changes the owner")
  void newOwner() {
    Scenario w = Scenario.workshop().started();
    String id = w.post(FACILITATOR, Kind.PARKING, "Training budget");
    w.accepted(update(id, ParkingStatus.HANDED_ON, "Board"), FACILITATOR);

    assertThat(w.accepted(update(id, ParkingStatus.HANDED_ON, "HR"), FACILITATOR).events()).hasSize(1);
    assertThat(w.contribution(id).owner()).isEqualTo("HR");
  }

  @Test
  @DisplayName("setting the status it already has changes nothing and sends no event")
  void same() {
    Scenario w = Scenario.workshop().started();
    String id = w.post(FACILITATOR, Kind.PARKING, "Training budget");

    assertThat(w.accepted(update(id, ParkingStatus.OPEN, null), FACILITATOR).events()).isEmpty();
    w.accepted(update(id, ParkingStatus.HANDED_ON, "Board"), FACILITATOR);
    assertThat(w.accepted(update(id, ParkingStatus.HANDED_ON, " Board "), FACILITATOR).events()).isEmpty();
  }

  @Test
  @DisplayName("parking.update on an idea, question or take-home message is INVALID")
  void notParking() {
    Scenario w = Scenario.workshop().started();
    for (Kind k : new Kind[] {Kind.IDEA, Kind.QUESTION, Kind.TAKEAWAY}) {
      String id = w.post(FACILITATOR, k, "not parked");
      assertThat(w.rejected(update(id, ParkingStatus.REVISITED, null), FACILITATOR).code()).as("%s", k)
          .isEqualTo(Code.INVALID);
      assertThat(w.contribution(id).parking()).isNull();
    }
  }

  @Test
  @DisplayName("parking.update on something that does not exist, or is hidden, is NOT_FOUND")
  void notFound() {
    Scenario w = Scenario.workshop().started();
    String id = w.post(FACILITATOR, Kind.PARKING, "hidden later");
    w.accepted(new Command.HideContribution(id, null), FACILITATOR);

    assertThat(w.rejected(update("c99", ParkingStatus.REVISITED, null), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.rejected(update(id, ParkingStatus.REVISITED, null), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  @DisplayName("only facilitators update the parking lot, not even the item's author")
  void facilitatorsOnly() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = w.post(sam, Kind.PARKING, "mine");

    assertThat(w.rejected(update(id, ParkingStatus.REVISITED, null), sam).code()).isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("updating an anonymous parking-lot item never reveals who wrote it")
  void anonymous() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = (String) w.accepted(new Command.AddContribution("quietly parked", Kind.PARKING, true, null, null), sam)
        .result().get("id");

    Accepted a = w.accepted(update(id, ParkingStatus.HANDED_ON, "Board"), FACILITATOR);

    assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.by()).isNull());
    assertThat(w.contribution(id).anonymous()).isTrue();
  }

  @Test
  @DisplayName("the parking status wire names are open, revisited and handed-on")
  void wire() {
    assertThat(ParkingStatus.OPEN.wire()).isEqualTo("open");
    assertThat(ParkingStatus.REVISITED.wire()).isEqualTo("revisited");
    assertThat(ParkingStatus.HANDED_ON.wire()).isEqualTo("handed-on");
    assertThat(ParkingStatus.fromWire("handed-on")).isEqualTo(ParkingStatus.HANDED_ON);
    assertThat(ParkingStatus.fromWire("handed_on")).isNull();
  }
}
