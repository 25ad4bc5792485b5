package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.workshop.Scenario.FACILITATOR;

import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.ActionAdded;
import org.commonground.workshop.Event.ActionUpdated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Actions (action.add, action.update)")
class ActionsTest {

  private static Command.ActionAdd add(String text) { return new Command.ActionAdd(text, "Jo", "2026-12-03", null); }

  private static Command.ActionUpdate status(String id, ActionStatus status, String outcome) {
    return new Command.ActionUpdate(id, status, outcome, null, null, null);
  }

  @Test
  @DisplayName("a facilitator records an action: open, with its owner and due date, seen by everyone")
  void add() {
    Scenario w = Scenario.workshop().started();

    Accepted a = w.accepted(add("Share the notes with the board"), FACILITATOR);

    assertThat(a.result()).containsEntry("id", "a1");
    assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.event()).isInstanceOf(ActionAdded.class));
    Action action = w.state().actions().get("a1");
    assertThat(action.text()).isEqualTo("Share the notes with the board");
    assertThat(action.owner()).isEqualTo("Jo");
    assertThat(action.due()).isEqualTo("2026-12-03");
    assertThat(action.status()).isEqualTo(ActionStatus.OPEN);
    assertThat(action.outcome()).isNull();
    assertThat(action.carriedFrom()).isNull();
    assertThat(w.accepted(add("Another"), FACILITATOR).result()).containsEntry("id", "a2");
  }

  @Test
  @DisplayName("an action may answer a parking-lot item; an unknown item is NOT_FOUND")
  void answersAnItem() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    String parked = w.post(sam, Kind.PARKING, "Transport to meetings");

    w.accepted(new Command.ActionAdd("Ask about taxis", null, null, parked), FACILITATOR);

    assertThat(w.state().actions().get("a1").contributionId()).isEqualTo(parked);
    assertThat(w.rejected(new Command.ActionAdd("x", null, null, "c99"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  @DisplayName("only facilitators record or change actions")
  void facilitatorsOnly() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    w.accepted(add("Share the notes"), FACILITATOR);

    assertThat(w.rejected(add("Mine"), sam).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(status("a1", ActionStatus.DONE, null), sam).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.state().actions().get("a1").status()).isEqualTo(ActionStatus.OPEN);
  }

  @Test
  @DisplayName("a facilitator says what came of it, after the end too; the rest stays as it was")
  void outcomeAfterTheEnd() {
    Scenario w = Scenario.workshop().started();
    w.accepted(add("Ask the board"), FACILITATOR);
    w.ended();

    Accepted a = w.accepted(status("a1", ActionStatus.NOT_POSSIBLE, "The board said no this year; we asked again for April"),
        FACILITATOR);

    assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.event()).isInstanceOf(ActionUpdated.class));
    Action action = w.state().actions().get("a1");
    assertThat(action.status()).isEqualTo(ActionStatus.NOT_POSSIBLE);
    assertThat(action.outcome()).startsWith("The board said no");
    assertThat(action.owner()).isEqualTo("Jo");
    assertThat(action.text()).isEqualTo("Ask the board");
  }

  @Test
  @DisplayName("an empty text clears owner, due date and outcome; the same values again change nothing")
  void clearAndNoChange() {
    Scenario w = Scenario.workshop().started();
    w.accepted(add("Ask the board"), FACILITATOR);

    w.accepted(new Command.ActionUpdate("a1", null, null, "", " ", null), FACILITATOR);
    assertThat(w.state().actions().get("a1").owner()).isNull();
    assertThat(w.state().actions().get("a1").due()).isNull();

    assertThat(w.accepted(new Command.ActionUpdate("a1", ActionStatus.OPEN, null, null, null, null), FACILITATOR)
        .events()).isEmpty();
  }

  @Test
  @DisplayName("an unknown action is NOT_FOUND")
  void unknown() {
    Scenario w = Scenario.workshop().started();
    assertThat(w.rejected(status("a9", ActionStatus.DONE, null), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3 December", "2026-13-01", "2026-02-30", "26-12-03"})
  @DisplayName("a due date that is not a real yyyy-mm-dd date is refused, saying how to write it")
  void badDate(String due) {
    assertThatThrownBy(() -> new Command.ActionAdd("x", null, due, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yyyy-mm-dd");
    assertThatThrownBy(() -> new Command.ActionUpdate("a1", null, null, null, due, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("empty words are refused; the statuses are open, in-progress, done, not-possible")
  void invalid() {
    assertThatThrownBy(() -> new Command.ActionAdd("  ", null, null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.ActionUpdate("a1", null, null, null, null, "")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ActionStatus.fromWire("in-progress")).isEqualTo(ActionStatus.IN_PROGRESS);
    assertThat(ActionStatus.fromWire("not-possible")).isEqualTo(ActionStatus.NOT_POSSIBLE);
    assertThat(ActionStatus.fromWire("finished")).isNull();
  }
}
