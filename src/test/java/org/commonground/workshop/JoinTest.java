package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.ParticipantJoined;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Creating and joining a workshop")
class JoinTest {
  private static final Actor JOINING = new Actor("joining", Role.PARTICIPANT);

  @Test
  @DisplayName("a new workshop starts in the lobby at phase 0 with its facilitator as the only member")
  void createdWorkshop() {
    WorkshopState s = Scenario.workshop().state();

    assertThat(s.exists()).isTrue();
    assertThat(s.id()).isEqualTo(Scenario.WORKSHOP_ID);
    assertThat(s.joinCode()).isEqualTo(Scenario.JOIN_CODE);
    assertThat(s.status()).isEqualTo(WorkshopState.Status.LOBBY);
    assertThat(s.phase().index()).isZero();
    assertThat(s.phase().status()).isEqualTo(PhaseState.Status.PENDING);
    assertThat(s.phase().remainingMs()).isEqualTo(10 * 60_000L);
    assertThat(s.participants().keySet()).containsExactly("p1");
    assertThat(s.participantCount()).isZero();
    assertThat(s.contributions()).isEmpty();
  }

  @Test
  @DisplayName("commands to a workshop that was never created are NOT_FOUND")
  void noWorkshop() {
    Decision d = Workshop.decide(WorkshopState.empty("w-nowhere"), new Command.Join("Sam", null, Role.PARTICIPANT),
        JOINING, Scenario.T0);

    assertThat(d).isEqualTo(new Decision.Rejected(new Rejection(Code.NOT_FOUND, "no such workshop")));
  }

  @Test
  @DisplayName("joining adds a participant with the next id (p2, p3 …) and answers that id")
  void joinMintsDeterministicIds() {
    Scenario w = Scenario.workshop();

    Accepted first = w.accepted(new Command.Join("Sam", "carers", Role.PARTICIPANT), JOINING);
    Accepted second = w.accepted(new Command.Join("Alex", null, Role.PARTICIPANT), JOINING);

    assertThat(first.result()).containsEntry("participantId", "p2");
    assertThat(second.result()).containsEntry("participantId", "p3");
    assertThat(first.events()).singleElement().satisfies(e -> {
      assertThat(e.by()).as("a joiner is the actor of their own join").isEqualTo("p2");
      assertThat(e.event()).isInstanceOf(ParticipantJoined.class);
      Participant p = ((ParticipantJoined) e.event()).participant();
      assertThat(p.id()).isEqualTo("p2");
      assertThat(p.role()).isEqualTo(Role.PARTICIPANT);
      assertThat(p.group()).isEqualTo("carers");
    });
    assertThat(w.state().participants().keySet()).containsExactly("p1", "p2", "p3");
    assertThat(w.state().participantCount()).isEqualTo(2);
  }

  @Test
  @DisplayName("the same history gives the same ids on every node")
  void idsAreDeterministic() {
    Scenario a = Scenario.workshop();
    Scenario b = Scenario.workshop();
    for (Scenario w : List.of(a, b)) {
      Actor sam = w.join("Sam");
      w.post(sam, "More peer support workers");
      w.join("Alex");
      w.post(sam, "Evening opening hours");
    }

    assertThat(a.state()).isEqualTo(b.state());
    assertThat(a.state().contributions().keySet()).containsExactly("c1", "c2");
    assertThat(a.state().participants().keySet()).containsExactly("p1", "p2", "p3");
  }

  @Test
  @DisplayName("a participant appears under the name they typed when joining")
  void joinKeepsTheName() {
    Scenario w = Scenario.workshop();

    Actor sam = w.join("  Sam  ");
    Actor co = w.addCoFacilitator("Priya");

    assertThat(w.state().participants().get(sam.participantId()).name()).isEqualTo("Sam");
    assertThat(w.state().participants().get(co.participantId()).name()).isEqualTo("Priya");
  }

  @Test
  @DisplayName("a workshop that has maxParticipants participants is FULL for the next one")
  void fullAtMaxParticipants() {
    Scenario w = Scenario.workshop(Scenario.settingsWithMaxParticipants(2));
    w.join("Sam");
    w.join("Alex");

    Rejection r = w.rejected(new Command.Join("Kim", null, Role.PARTICIPANT), JOINING);

    assertThat(r.code()).isEqualTo(Code.FULL);
  }

  @Test
  @DisplayName("facilitators never fill a workshop: co-facilitators do not count toward maxParticipants")
  void facilitatorsDoNotCount() {
    Scenario w = Scenario.workshop(Scenario.settingsWithMaxParticipants(2));
    w.addCoFacilitator("Priya");
    w.addCoFacilitator("Jo");
    w.join("Sam");

    assertThat(w.state().participantCount()).isEqualTo(1);
    Actor alex = w.join("Alex");
    assertThat(alex.participantId()).isEqualTo("p5");
    assertThat(w.rejected(new Command.Join("Kim", null, Role.PARTICIPANT), JOINING).code()).isEqualTo(Code.FULL);
    assertThat(w.accepted(new Command.Join("Lee", null, Role.FACILITATOR), FACILITATOR).result())
        .as("a full workshop can still get a co-facilitator")
        .containsEntry("participantId", "p6");
  }

  @Test
  @DisplayName("joining with a stakeholder group the workshop does not have is INVALID")
  void unknownGroup() {
    Scenario w = Scenario.workshop();

    Rejection r = w.rejected(new Command.Join("Sam", "aliens", Role.PARTICIPANT), JOINING);

    assertThat(r.code()).isEqualTo(Code.INVALID);
    assertThat(r.message()).contains("aliens");
    assertThat(w.state().participantCount()).isZero();
  }

  @Test
  @DisplayName("a blank group is the same as no group")
  void blankGroup() {
    Scenario w = Scenario.workshop();

    Actor sam = w.join("Sam", "   ");

    assertThat(w.state().participants().get(sam.participantId()).group()).isNull();
  }

  @Test
  @DisplayName("a facilitator can add a co-facilitator, and is named as the one who did it")
  void coFacilitatorByFacilitator() {
    Scenario w = Scenario.workshop();

    Accepted a = w.accepted(new Command.Join("Priya", null, Role.FACILITATOR), FACILITATOR);

    assertThat(a.result()).containsEntry("participantId", "p2");
    assertThat(a.events()).singleElement().satisfies(e -> {
      assertThat(e.by()).isEqualTo("p1");
      assertThat(((ParticipantJoined) e.event()).participant().role()).isEqualTo(Role.FACILITATOR);
    });
    assertThat(w.state().participants().get("p2").role()).isEqualTo(Role.FACILITATOR);
  }

  @Test
  @DisplayName("a co-facilitator can in turn add another co-facilitator")
  void coFacilitatorByCoFacilitator() {
    Scenario w = Scenario.workshop();
    Actor priya = w.addCoFacilitator("Priya");

    Accepted a = w.accepted(new Command.Join("Jo", null, Role.FACILITATOR), priya);

    assertThat(a.events()).singleElement().extracting(Emitted::by).isEqualTo(priya.participantId());
  }

  @Test
  @DisplayName("a participant cannot make anyone a co-facilitator")
  void coFacilitatorByParticipantIsForbidden() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");

    assertThat(w.rejected(new Command.Join("Sam again", null, Role.FACILITATOR), sam).code())
        .isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(new Command.Join("Mallory", null, Role.FACILITATOR), JOINING).code())
        .isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("nobody can join a workshop that has ended")
  void joinAfterEnd() {
    Scenario w = Scenario.workshop().ended();

    assertThat(w.rejected(new Command.Join("Sam", null, Role.PARTICIPANT), JOINING).code()).isEqualTo(Code.ENDED);
  }
}
