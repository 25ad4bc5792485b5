package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.ContributionUpdated;
import org.commonground.workshop.Event.SpotlightChanged;
import org.commonground.workshop.Event.VotesChanged;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Parking a contribution from its card (contribution.park)")
class ParkContributionTest {

  private static Command.ParkContribution park(String id) { return new Command.ParkContribution(id); }

  @Test
  @DisplayName("the post itself becomes an open parking-lot item; its author, anonymity, words, phase and reactions are kept")
  void becomesParking() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = w.post(sam, Kind.QUESTION, "Who pays for the taxis home?");
    w.accepted(new Command.ToggleReaction(id, "agree"), sam);
    Contribution before = w.contribution(id);

    Accepted a = w.accepted(park(id), FACILITATOR);

    Contribution after = w.contribution(id);
    assertThat(a.result()).containsEntry("id", id);
    assertThat(a.events()).singleElement()
        .isEqualTo(new Emitted("p1", new ContributionUpdated(after)));
    assertThat(after.kind()).isEqualTo(Kind.PARKING);
    assertThat(after.parking()).isEqualTo(ParkingStatus.OPEN);
    assertThat(after.owner()).isNull();
    assertThat(after).usingRecursiveComparison().ignoringFields("kind", "parking").isEqualTo(before);
    assertThat(w.state().contributions()).hasSize(1);
  }

  @Test
  @DisplayName("an anonymous post stays anonymous: the event's by is null")
  void anonymousStaysAnonymous() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = w.postAnonymously(sam, "The night staff are exhausted");

    Accepted a = w.accepted(park(id), FACILITATOR);

    assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.by()).isNull());
    assertThat(w.contribution(id).anonymous()).isTrue();
    assertThat(w.contribution(id).author()).isEqualTo(sam.participantId());
  }

  @Test
  @DisplayName("a parked post leaves its theme: the theme no longer lists it, and the grouping stays consistent")
  void leavesItsTheme() {
    Scenario w = Scenario.workshop().inPhase(1);
    Actor sam = w.join("Sam");
    String a = w.post(sam, "Peer workers");
    String b = w.post(sam, "Funding after March?");
    String t = w.createTheme("Staffing", a, b);

    w.accepted(park(b), FACILITATOR);

    assertThat(w.contribution(b).themeId()).isNull();
    assertThat(w.theme(t).contributionIds()).containsExactly(a);
    w.assertGroupingConsistent();
  }

  @Test
  @DisplayName("the votes on it go back to their voters (votes.changed by null, down to 0), then contribution.updated")
  void votesGoBack() {
    Scenario w = Scenario.workshop(Scenario.settingsWithVotes(3)).inPhase(2);
    Actor sam = w.join("Sam");
    Actor kim = w.join("Kim");
    String id = w.post(sam, "Out of scope but important");
    String other = w.post(kim, "Stays");
    w.accepted(new Command.VoteCast(id), sam);
    w.accepted(new Command.VoteCast(id), kim);
    w.accepted(new Command.VoteCast(id), kim);
    w.accepted(new Command.VoteCast(other), kim);

    Accepted a = w.accepted(park(id), FACILITATOR);

    assertThat(Scenario.events(a)).containsExactly(
        new VotesChanged(id, sam.participantId(), -1, 2),
        new VotesChanged(id, kim.participantId(), -2, 0),
        new ContributionUpdated(w.contribution(id)));
    assertThat(a.events().subList(0, 2)).allSatisfy(e -> assertThat(e.by()).as("nobody learns who voted").isNull());
    assertThat(w.contribution(id).votes()).isZero();
    assertThat(w.state().votesOf(sam.participantId())).isEmpty();
    assertThat(w.state().votesOf(kim.participantId())).containsOnlyKeys(other);
    assertThat(w.accepted(new Command.VoteCast(other), kim).result()).as("Kim can spend them again: 3 - 2")
        .containsEntry("remaining", 1);
  }

  @Test
  @DisplayName("a spotlit post leaves the big screen when it is parked")
  void spotlightCleared() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "Spotlit, then parked");
    w.accepted(new Command.SpotlightSet(new Spotlight(Spotlight.Type.CONTRIBUTION, id)), FACILITATOR);

    Accepted a = w.accepted(park(id), FACILITATOR);

    assertThat(Scenario.events(a)).last().isEqualTo(new SpotlightChanged(null));
    assertThat(w.state().spotlight()).isNull();
  }

  @Test
  @DisplayName("then parking.update sets its owner and status in place")
  void thenUpdated() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "Transport funding");
    w.accepted(park(id), FACILITATOR);

    w.accepted(new Command.ParkingUpdate(id, ParkingStatus.HANDED_ON, "Commissioning team"), FACILITATOR);

    assertThat(w.contribution(id).parking()).isEqualTo(ParkingStatus.HANDED_ON);
    assertThat(w.contribution(id).owner()).isEqualTo("Commissioning team");
    assertThat(w.contribution(id).text()).isEqualTo("Transport funding");
  }

  @Test
  @DisplayName("parking an item already in the parking lot changes nothing (its status and owner stay)")
  void alreadyParked() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String posted = w.post(sam, Kind.PARKING, "Posted as parking");
    String parked = w.post(sam, "Parked later");
    w.accepted(park(parked), FACILITATOR);
    w.accepted(new Command.ParkingUpdate(parked, ParkingStatus.REVISITED, null), FACILITATOR);
    WorkshopState before = w.state();

    assertThat(w.accepted(park(posted), FACILITATOR).events()).isEmpty();
    assertThat(w.accepted(park(parked), FACILITATOR).events()).isEmpty();
    assertThat(w.state()).isSameAs(before);
  }

  @Test
  @DisplayName("an unknown, hidden or withdrawn id is NOT_FOUND")
  void notFound() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String hidden = w.post(sam, "hidden");
    String gone = w.post(sam, "withdrawn");
    w.accepted(new Command.HideContribution(hidden, null), FACILITATOR);
    w.accepted(new Command.WithdrawContribution(gone), sam);

    for (String id : List.of("c99", hidden, gone)) {
      assertThat(w.rejected(park(id), FACILITATOR).code()).as(id).isEqualTo(Code.NOT_FOUND);
    }
  }

  @Test
  @DisplayName("participants cannot park, not even their own post: FORBIDDEN; a co-facilitator can")
  void facilitatorsOnly() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor priya = w.addCoFacilitator("Priya");
    String id = w.post(sam, "mine");

    assertThat(w.rejected(park(id), sam).code()).isEqualTo(Code.FORBIDDEN);
    w.accepted(park(id), priya);
    assertThat(w.contribution(id).kind()).isEqualTo(Kind.PARKING);
  }

  @Test
  @DisplayName("replaying the log gives every node the same parked post, themes and votes")
  void replay() {
    Scenario w = Scenario.workshop().inPhase(2);
    Actor sam = w.join("Sam");
    String id = w.post(sam, "one");
    w.createTheme("T", id);
    w.accepted(new Command.VoteCast(id), sam);
    w.accepted(park(id), FACILITATOR);

    assertThat(Scenario.fold(Scenario.workshop().state(), w.log())).isEqualTo(w.state());
  }
}
