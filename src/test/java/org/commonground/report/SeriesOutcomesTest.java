package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.commonground.workshop.Actor;
import org.commonground.workshop.ActionStatus;
import org.commonground.workshop.Carry;
import org.commonground.workshop.Command;
import org.commonground.workshop.Kind;
import org.commonground.workshop.Scenario;
import org.commonground.workshop.Series;
import org.commonground.workshop.WorkshopState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("You said, we did (the outcomes page)")
class SeriesOutcomesTest {
  private static final Series SERIES = new Series("s1", "Transport", List.of(
      new Series.Meeting("w-test", "March", WorkshopState.Status.ENDED, null, 1),
      new Series.Meeting("w-two", "April", WorkshopState.Status.LOBBY, "2026-04-02", 2)));

  private static WorkshopState first() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam Named", "carers");
    w.post(sam, Kind.TAKEAWAY, "Peer support works");
    w.accepted(new Command.ActionAdd("Ask about taxis", "Sam Named", null, null), FACILITATOR);
    w.accepted(new Command.ActionAdd("Share the notes", null, null, null), FACILITATOR);
    w.accepted(new Command.ActionUpdate("a2", ActionStatus.DONE, "Shared", null, null, null), FACILITATOR);
    return w.ended().state();
  }

  /** The next meeting, with a1 carried in and then closed there. */
  private static WorkshopState second(WorkshopState first) {
    Scenario w = Scenario.workshop().later(60_000);
    w.accepted(new Command.CarryIn(SERIES, "w-test", Carry.contributions(first), Carry.actions(first)), Actor.SERVER);
    w.later(60_000).accepted(new Command.ActionUpdate("a1", ActionStatus.DONE, "Taxis booked from May", null, null, null),
        FACILITATOR);
    return Scenario.fold(WorkshopState.empty("w-two"), w.log());
  }

  @Test
  @DisplayName("each action shows under the meeting it began in, as it was last changed anywhere; no one is named")
  void latestWhereverChanged() {
    WorkshopState one = first();
    ObjectNode page = SeriesOutcomes.of(SERIES, List.of(one, second(one)));

    JsonNode march = page.get("meetings").get(0);
    assertThat(march.get("takeaways").get(0).asText()).isEqualTo("Peer support works");
    JsonNode taxis = march.get("actions").get(0);
    assertThat(taxis.get("text").asText()).isEqualTo("Ask about taxis");
    assertThat(taxis.get("status").asText()).isEqualTo("done");
    assertThat(taxis.get("outcome").asText()).isEqualTo("Taxis booked from May");
    assertThat(taxis.get("updatedIn").asText()).isEqualTo("w-two");
    assertThat(march.get("actions").get(1).get("outcome").asText()).isEqualTo("Shared");
    assertThat(page.get("meetings").get(1).get("actions")).isEmpty();
    assertThat(page.get("meetings").get(1).get("date").asText()).isEqualTo("2026-04-02");
    assertThat(page.toString()).doesNotContain("Sam Named").doesNotContain("carers").doesNotContain("owner");
  }

  @Test
  @DisplayName("when the meeting an action began in is gone, it shows under the first meeting that still has it")
  void originGone() {
    ObjectNode page = SeriesOutcomes.of(SERIES, List.of(second(first())));

    assertThat(page.get("meetings")).hasSize(1);
    assertThat(page.get("meetings").get(0).get("actions").get(0).get("outcome").asText()).isEqualTo("Taxis booked from May");
  }
}
