package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What carries to the next meeting of a series")
class CarryTest {

  private static final Series SERIES = new Series("s1", "Transport group", List.of(
      new Series.Meeting("w-one", "March", WorkshopState.Status.ENDED, null, 1),
      new Series.Meeting("w-test", "April", WorkshopState.Status.LOBBY, "2026-04-02", 2)));

  /** A first meeting: two open items (one anonymous), one revisited, one handed on; actions in every state. */
  private static Scenario firstMeeting() {
    Scenario w = Scenario.workshop(Scenario.settings(Settings.Anonymity.OPTIONAL)).started();
    Actor sam = w.join("Sam");
    String open = w.post(sam, Kind.PARKING, "Transport to meetings");
    w.accepted(new Command.AddContribution("Who pays for carers", Kind.PARKING, true, null, null), sam);
    String revisited = w.post(sam, Kind.PARKING, "Room too hot");
    String handed = w.post(sam, Kind.PARKING, "Parking permits");
    w.accepted(new Command.ParkingUpdate(revisited, ParkingStatus.REVISITED, null), FACILITATOR);
    w.accepted(new Command.ParkingUpdate(handed, ParkingStatus.HANDED_ON, "Estates team"), FACILITATOR);
    w.accepted(new Command.ActionAdd("Ask about taxis", "Jo", "2026-04-01", open), FACILITATOR);
    w.accepted(new Command.ActionAdd("Write to the board", null, null, null), FACILITATOR);
    w.accepted(new Command.ActionAdd("Share the notes", null, null, null), FACILITATOR);
    w.accepted(new Command.ActionAdd("Book a bigger room", null, null, null), FACILITATOR);
    w.accepted(new Command.ActionUpdate("a2", ActionStatus.IN_PROGRESS, "Drafted", null, null, null), FACILITATOR);
    w.accepted(new Command.ActionUpdate("a3", ActionStatus.DONE, "Shared on 3 December", null, null, null), FACILITATOR);
    w.accepted(new Command.ActionUpdate("a4", ActionStatus.NOT_POSSIBLE, "No room free", null, null, null), FACILITATOR);
    return w.ended();
  }

  @Test
  @DisplayName("open parking items and open or in-progress actions carry; the rest stays behind")
  void whatCarries() {
    WorkshopState first = firstMeeting().state();

    assertThat(Carry.contributions(first)).extracting(Contribution::text)
        .containsExactly("Transport to meetings", "Who pays for carers");
    assertThat(Carry.actions(first)).extracting(Action::text).containsExactly("Ask about taxis", "Write to the board");
  }

  @Test
  @DisplayName("the next meeting starts with them, each saying where it came from; no one there is their author")
  void carriedIn() {
    WorkshopState first = firstMeeting().state();
    Scenario next = Scenario.workshop();

    next.accepted(new Command.CarryIn(SERIES, "w-one", Carry.contributions(first), Carry.actions(first)), Actor.SERVER);

    WorkshopState s = next.state();
    assertThat(s.series()).isEqualTo(SERIES);
    List<Contribution> items = List.copyOf(s.contributions().values());
    assertThat(items).extracting(Contribution::text).containsExactly("Transport to meetings", "Who pays for carers");
    assertThat(items).allSatisfy(c -> {
      assertThat(c.kind()).isEqualTo(Kind.PARKING);
      assertThat(c.parking()).isEqualTo(ParkingStatus.OPEN);
      assertThat(c.author()).isEqualTo(Carry.AUTHOR);
    });
    assertThat(items.get(0).scribedFor()).isEqualTo("Sam");
    assertThat(items.get(0).anonymous()).isFalse();
    assertThat(items.get(1).anonymous()).isTrue();
    assertThat(items.get(1).scribedFor()).isNull();
    assertThat(items.get(1).group()).isNull();
    assertThat(s.carried().get(items.get(0).id())).isEqualTo(new CarriedFrom("w-one", "c1"));
    assertThat(s.carried().get(items.get(1).id())).isEqualTo(new CarriedFrom("w-one", "c2"));

    Action taxis = s.actions().get("a1");
    assertThat(taxis.text()).isEqualTo("Ask about taxis");
    assertThat(taxis.carriedFrom()).isEqualTo(new CarriedFrom("w-one", "a1"));
    assertThat(taxis.contributionId()).as("points at the carried copy of its item").isEqualTo(items.get(0).id());
    assertThat(taxis.owner()).isEqualTo("Jo");
    Action board = s.actions().get("a2");
    assertThat(board.status()).isEqualTo(ActionStatus.IN_PROGRESS);
    assertThat(board.outcome()).isEqualTo("Drafted");
    assertThat(board.carriedFrom()).isEqualTo(new CarriedFrom("w-one", "a2"));
    assertThat(s.actions()).hasSize(2);
    // New posts and actions there go on from the carried ones' numbers.
    assertThat(next.accepted(new Command.ActionAdd("More", null, null, null), FACILITATOR).result()).containsEntry("id", "a3");
  }

  @Test
  @DisplayName("only the server carries items in or changes the series")
  void serverOnly() {
    Scenario w = Scenario.workshop();
    assertThat(w.rejected(new Command.CarryIn(SERIES, "w-one", List.of(), List.of()), FACILITATOR).code())
        .isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(new Command.SeriesUpdate(SERIES, null), FACILITATOR).code()).isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("an ended meeting learns of the next one; a purged meeting leaves the list")
  void seriesUpdates() {
    Scenario w = firstMeeting();
    Series one = new Series("s1", "Transport group", List.of(SERIES.meetings().get(0)));
    w.accepted(new Command.SeriesUpdate(one, null), Actor.SERVER);
    Series.Meeting third = new Series.Meeting("w-three", "May", WorkshopState.Status.LOBBY, null, 3);

    w.accepted(new Command.SeriesUpdate(SERIES, null), Actor.SERVER);
    w.accepted(new Command.SeriesUpdate(one.with(third), null), Actor.SERVER);

    assertThat(w.state().series().meetings()).extracting(Series.Meeting::workshopId)
        .containsExactly("w-one", "w-test", "w-three");
    assertThat(w.accepted(new Command.SeriesUpdate(SERIES, null), Actor.SERVER).events()).isEmpty();

    w.accepted(new Command.SeriesUpdate(w.state().series(), "w-test"), Actor.SERVER);
    assertThat(w.state().series().meetings()).extracting(Series.Meeting::workshopId).containsExactly("w-one", "w-three");
  }

  @Test
  @DisplayName("an item withdrawn where it came from is withdrawn here too, once; a withdrawn item never carries")
  void withdrawnReachesTheCopy() {
    Scenario first = Scenario.workshop(Scenario.settings(Settings.Anonymity.OPTIONAL)).started();
    Actor sam = first.join("Sam");
    String kept = first.post(sam, Kind.PARKING, "Transport to meetings");
    String gone = first.post(sam, Kind.PARKING, "Who pays for carers");
    Scenario next = Scenario.workshop().started();
    next.accepted(new Command.CarryIn(SERIES, "w-one", Carry.contributions(first.state()), List.of()), Actor.SERVER);
    String copy = Carry.copiesOf(next.state(), "w-one", List.of(gone)).get(0);
    next.accepted(new Command.SpotlightSet(new Spotlight(Spotlight.Type.CONTRIBUTION, copy)), FACILITATOR);

    first.accepted(new Command.WithdrawContribution(gone), sam);
    assertThat(Carry.contributions(first.state())).extracting(Contribution::text).containsExactly("Transport to meetings");
    assertThat(Carry.origins(next.state())).containsEntry("w-one", java.util.Set.of(kept, gone));

    Decision.Accepted done = next.accepted(new Command.CarriedWithdrawn("w-one", java.util.Set.of(gone)), Actor.SERVER);
    assertThat(done.events()).extracting(e -> e.event()).containsExactly(
        new Event.ContributionRemoved(copy, false, null), new Event.SpotlightChanged(null));
    assertThat(done.events()).allSatisfy(e -> assertThat(e.by()).isNull());
    assertThat(next.state().contributions().values()).extracting(Contribution::text).containsExactly("Transport to meetings");
    assertThat(next.accepted(new Command.CarriedWithdrawn("w-one", java.util.Set.of(gone)), Actor.SERVER).events())
        .as("a second telling changes nothing").isEmpty();
    assertThat(next.accepted(new Command.CarriedWithdrawn("w-other", java.util.Set.of(kept)), Actor.SERVER).events())
        .as("the same id in another meeting is another item").isEmpty();
    assertThat(next.rejected(new Command.CarriedWithdrawn("w-one", java.util.Set.of(kept)), FACILITATOR).code())
        .isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("a retried carry-in changes nothing: items are carried once")
  void carriedOnce() {
    WorkshopState first = firstMeeting().state();
    Scenario next = Scenario.workshop();
    Command.CarryIn carry = new Command.CarryIn(SERIES, "w-one", Carry.contributions(first), Carry.actions(first));
    next.accepted(carry, Actor.SERVER);
    assertThat(next.accepted(carry, Actor.SERVER).events()).isEmpty();
    assertThat(next.state().contributions()).hasSize(2);
  }
}
