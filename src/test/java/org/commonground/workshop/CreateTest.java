package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CreateTest {
  private static final List<PhaseDef> PHASES = Templates.named(Templates.DEFAULT).orElseThrow();
  private static final Actor CREATOR = new Actor("p1", Role.FACILITATOR);

  private static Command.Create create(String id) {
    return new Command.Create(id, "Shaping our crisis service", "ABC234", Settings.DEFAULTS, PHASES, "Sam");
  }

  @Test
  @DisplayName("creating a workshop makes seq 1: its definition, with the creator as its first facilitator, in the lobby")
  void creates() {
    Decision d = Workshop.decide(WorkshopState.empty("w1"), create("w1"), CREATOR, 1_000);

    assertThat(d).isInstanceOf(Decision.Accepted.class);
    Decision.Accepted a = (Decision.Accepted) d;
    assertThat(a.events()).hasSize(1);
    Event.WorkshopCreated created = (Event.WorkshopCreated) a.events().get(0).event();
    assertThat(created.joinCode()).isEqualTo("ABC234");
    assertThat(created.facilitator()).isEqualTo(new Participant("p1", "Sam", Role.FACILITATOR, null));
    assertThat(a.events().get(0).by()).isEqualTo("p1");
    WorkshopState s = Workshop.apply(WorkshopState.empty("w1"), created);
    assertThat(s.status()).isEqualTo(WorkshopState.Status.LOBBY);
    assertThat(s.title()).isEqualTo("Shaping our crisis service");
    assertThat(s.participants().get("p1").role()).isEqualTo(Role.FACILITATOR);
  }

  @Test
  @DisplayName("a workshop that exists is not created again")
  void notTwice() {
    WorkshopState s = Scenario.workshop(Settings.DEFAULTS).state();
    Decision d = Workshop.decide(s, create(Scenario.WORKSHOP_ID), CREATOR, 1_000);
    assertThat(d).isInstanceOfSatisfying(Decision.Rejected.class,
        r -> assertThat(r.rejection().code()).isEqualTo(Code.INVALID));
  }

  @Test
  @DisplayName("only the creating facilitator (or the server) creates a workshop")
  void onlyTheCreator() {
    Decision d = Workshop.decide(WorkshopState.empty("w1"), create("w1"), new Actor("p2", Role.PARTICIPANT), 1_000);
    assertThat(d).isInstanceOfSatisfying(Decision.Rejected.class,
        r -> assertThat(r.rejection().code()).isEqualTo(Code.FORBIDDEN));
  }
}
