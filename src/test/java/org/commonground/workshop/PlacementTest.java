package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.PlacementUpdated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Placement help: which themes fit each unthemed contribution (issue 4)")
class PlacementTest {

  private static Command.RecordPlacement placement(Map<String, List<String>> fits) {
    return new Command.RecordPlacement(fits);
  }

  /** A workshop with Sam's three contributions c1..c3 (unthemed) and four empty themes t1..t4. */
  private static Scenario withThemes() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    w.post(sam, "one");
    w.post(sam, "two");
    w.post(sam, "three");
    for (String label : List.of("A", "B", "C", "D")) w.createTheme(label);
    return w;
  }

  @Test
  @DisplayName("the server records which themes fit an unthemed contribution, announced as placement.updated by nobody")
  void serverRecords() {
    Scenario w = withThemes();

    Accepted a = w.accepted(placement(Map.of("c1", List.of("t2", "t1"), "c2", List.of("t3"))), Actor.SERVER);

    Map<String, List<String>> expected = Map.of("c1", List.of("t2", "t1"), "c2", List.of("t3"));
    assertThat(a.events()).singleElement().satisfies(e -> {
      assertThat(e.by()).isNull();
      assertThat(e.event()).isEqualTo(new PlacementUpdated(expected));
    });
    assertThat(w.state().fits()).isEqualTo(expected);
  }

  @Test
  @DisplayName("placement help comes only from the server: a facilitator or participant sending it is FORBIDDEN")
  void onlyServer() {
    Scenario w = withThemes();
    Actor sam = new Actor("p2", Role.PARTICIPANT);
    Actor priya = w.addCoFacilitator("Priya");
    w.inPhase(1);

    assertThat(w.rejected(placement(Map.of("c1", List.of("t1"))), FACILITATOR).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(placement(Map.of("c1", List.of("t1"))), priya).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(placement(Map.of("c1", List.of("t1"))), sam).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(placement(Map.of("c1", List.of("t1"))), new Actor("server", Role.PARTICIPANT)).code())
        .isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("at most the three best-fitting themes are kept, in the order given")
  void atMostThree() {
    Scenario w = withThemes();

    w.accepted(placement(Map.of("c1", List.of("t4", "t2", "t1", "t3"))), Actor.SERVER);

    assertThat(w.state().fits()).containsExactly(Map.entry("c1", List.of("t4", "t2", "t1")));
  }

  @Test
  @DisplayName("themes that do not exist are left out of the fits, before the three are counted")
  void onlyExistingThemes() {
    Scenario w = withThemes();
    w.accepted(new Command.ThemeDelete("t2"), FACILITATOR);

    w.accepted(placement(Map.of("c1", List.of("t9", "t2", "t4", "t1", "t3"))), Actor.SERVER);

    assertThat(w.state().fits()).containsExactly(Map.entry("c1", List.of("t4", "t1", "t3")));
  }

  @Test
  @DisplayName("help for hidden, themed or unknown contributions is not recorded")
  void onlyVisibleUnthemed() {
    Scenario w = withThemes();
    w.accepted(new Command.HideContribution("c1", null), FACILITATOR);
    w.accepted(new Command.ContributionMove("c2", "t1"), FACILITATOR);

    Accepted ignored = w.accepted(placement(Map.of("c1", List.of("t1"), "c2", List.of("t2"), "c99", List.of("t1"))),
        Actor.SERVER);
    assertThat(ignored.events()).isEmpty();

    Accepted a = w.accepted(placement(Map.of("c1", List.of("t1"), "c2", List.of("t2"), "c3", List.of("t3"))),
        Actor.SERVER);
    assertThat(a.events()).singleElement()
        .satisfies(e -> assertThat(e.event()).isEqualTo(new PlacementUpdated(Map.of("c3", List.of("t3")))));
    assertThat(w.state().fits()).containsOnlyKeys("c3");
  }

  @Test
  @DisplayName("only what changed is recorded; sending the same help again emits no event")
  void onlyChanges() {
    Scenario w = withThemes();
    w.accepted(placement(Map.of("c1", List.of("t1"), "c2", List.of("t2"))), Actor.SERVER);

    Accepted same = w.accepted(placement(Map.of("c1", List.of("t1"), "c2", List.of("t2"))), Actor.SERVER);
    assertThat(same.events()).isEmpty();

    Accepted changed = w.accepted(placement(Map.of("c1", List.of("t1"), "c2", List.of("t3", "t2"))), Actor.SERVER);
    assertThat(changed.events()).singleElement()
        .satisfies(e -> assertThat(e.event()).isEqualTo(new PlacementUpdated(Map.of("c2", List.of("t3", "t2")))));
    assertThat(w.state().fits()).isEqualTo(Map.of("c1", List.of("t1"), "c2", List.of("t3", "t2")));
  }

  @Test
  @DisplayName("a list that is the same after dropping unknown themes and trimming to three is no change")
  void sameAfterFiltering() {
    Scenario w = withThemes();
    w.accepted(placement(Map.of("c1", List.of("t1", "t2", "t3"))), Actor.SERVER);

    Accepted a = w.accepted(placement(Map.of("c1", List.of("t1", "t9", "t2", "t3", "t4"))), Actor.SERVER);

    assertThat(a.events()).isEmpty();
  }

  @Test
  @DisplayName("an empty list removes a contribution's help; an empty list where there was none changes nothing")
  void emptyListRemoves() {
    Scenario w = withThemes();
    w.accepted(placement(Map.of("c1", List.of("t1"), "c2", List.of("t2"))), Actor.SERVER);

    Accepted a = w.accepted(placement(Map.of("c1", List.of(), "c3", List.of())), Actor.SERVER);

    assertThat(a.events()).singleElement()
        .satisfies(e -> assertThat(e.event()).isEqualTo(new PlacementUpdated(Map.of("c1", List.of()))));
    assertThat(w.state().fits()).isEqualTo(Map.of("c2", List.of("t2")));
    assertThat(w.accepted(placement(Map.of("c3", List.of())), Actor.SERVER).events()).isEmpty();
  }

  @Test
  @DisplayName("help pointing only at themes that no longer exist removes the entry")
  void onlyGoneThemesRemoves() {
    Scenario w = withThemes();
    w.accepted(placement(Map.of("c1", List.of("t1"))), Actor.SERVER);

    Accepted a = w.accepted(placement(Map.of("c1", List.of("t9"))), Actor.SERVER);

    assertThat(a.events()).singleElement()
        .satisfies(e -> assertThat(e.event()).isEqualTo(new PlacementUpdated(Map.of("c1", List.of()))));
    assertThat(w.state().fits()).isEmpty();
  }

  @Test
  @DisplayName("a contribution moved into a theme loses its placement help; moved out again it gets none back")
  void movedLosesFits() {
    Scenario w = withThemes();
    w.accepted(placement(Map.of("c1", List.of("t1"), "c2", List.of("t2"))), Actor.SERVER);

    w.accepted(new Command.ContributionMove("c1", "t2"), FACILITATOR);
    assertThat(w.state().fits()).containsOnlyKeys("c2");

    w.accepted(new Command.ContributionMove("c1", null), FACILITATOR);
    assertThat(w.state().fits()).containsOnlyKeys("c2");
  }

  @Test
  @DisplayName("contributions put into a new theme lose their placement help")
  void createLosesFits() {
    Scenario w = withThemes();
    w.accepted(placement(Map.of("c1", List.of("t1"), "c2", List.of("t2"), "c3", List.of("t3"))), Actor.SERVER);

    w.createTheme("New", "c1", "c3");

    assertThat(w.state().fits()).containsOnlyKeys("c2");
  }

  @Test
  @DisplayName("contributions grouped by accepting a suggestion lose their placement help")
  void acceptLosesFits() {
    Scenario w = withThemes();
    w.accepted(placement(Map.of("c1", List.of("t1"), "c2", List.of("t2"))), Actor.SERVER);
    w.suggested(new SuggestedGroup("S", List.of("c2")));

    w.accepted(new Command.ThemesAccept(null), FACILITATOR);

    assertThat(w.state().fits()).containsOnlyKeys("c1");
  }

  @Test
  @DisplayName("a withdrawn contribution's placement help goes with it")
  void withdrawnLosesFits() {
    Scenario w = withThemes();
    w.accepted(placement(Map.of("c1", List.of("t1"))), Actor.SERVER);

    w.accepted(new Command.WithdrawContribution("c1"), new Actor("p2", Role.PARTICIPANT));

    assertThat(w.state().fits()).isEmpty();
  }

  @Test
  @DisplayName("replaying placement events gives the same help on every node")
  void replay() {
    Scenario w = Scenario.workshop();
    WorkshopState start = w.state();
    Actor sam = w.join("Sam");
    w.post(sam, "one");
    w.post(sam, "two");
    w.createTheme("A");
    w.createTheme("B");
    Map<String, List<String>> fits = new HashMap<>();
    fits.put("c1", List.of("t2", "t1"));
    fits.put("c2", List.of("t1"));
    w.accepted(placement(fits), Actor.SERVER);
    w.accepted(placement(Map.of("c2", List.of())), Actor.SERVER);
    w.accepted(new Command.ContributionMove("c1", "t1"), FACILITATOR);

    assertThat(Scenario.fold(start, w.log())).isEqualTo(w.state());
    assertThat(w.state().fits()).isEmpty();
  }
}
