package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.HandsChanged;
import org.commonground.workshop.Event.ParticipantRemoved;
import org.commonground.workshop.Event.ReadyChanged;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("participant.remove")
class RemovalTest {

  private static Command.ParticipantRemove remove(Actor a) { return new Command.ParticipantRemove(a.participantId()); }

  @Test
  @DisplayName("a facilitator removes someone: they leave the list, and what they posted stays")
  void remove() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam", "carers");
    String id = w.post(sam, "worth keeping");

    Accepted a = w.accepted(remove(sam), FACILITATOR);

    assertThat(a.events()).singleElement().isEqualTo(new Emitted("p1", new ParticipantRemoved(sam.participantId())));
    assertThat(a.result()).containsEntry("id", sam.participantId());
    assertThat(w.state().participants()).doesNotContainKey(sam.participantId());
    assertThat(w.contribution(id).text()).isEqualTo("worth keeping");
    assertThat(w.contribution(id).author()).isEqualTo(sam.participantId());
    assertThat(w.contribution(id).group()).isEqualTo("carers");
  }

  @Test
  @DisplayName("a removed person's raised hand and ready flag go too, each with its own event")
  void handAndReady() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    w.accepted(new Command.HandRaise(), alex);
    w.accepted(new Command.HandRaise(), sam);
    w.accepted(new Command.ReadySet(true), sam);
    w.accepted(new Command.ReadySet(true), alex);

    Accepted a = w.accepted(remove(sam), FACILITATOR);

    assertThat(a.events()).containsExactly(
        new Emitted("p1", new ParticipantRemoved(sam.participantId())),
        new Emitted("p1", new HandsChanged(List.of(alex.participantId()))),
        new Emitted(null, new ReadyChanged(Set.of(alex.participantId()))));
    assertThat(w.state().hands()).containsExactly(alex.participantId());
    assertThat(w.state().ready()).containsExactly(alex.participantId());
  }

  @Test
  @DisplayName("without a raised hand or ready flag, removal sends only participant.removed")
  void nothingElse() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    w.accepted(new Command.HandRaise(), alex);
    w.accepted(new Command.ReadySet(true), alex);

    Accepted a = w.accepted(remove(sam), FACILITATOR);

    assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.event()).isInstanceOf(ParticipantRemoved.class));
    assertThat(w.state().hands()).containsExactly(alex.participantId());
    assertThat(w.state().ready()).containsExactly(alex.participantId());
  }

  @Test
  @DisplayName("a facilitator cannot remove themselves: INVALID")
  void self() {
    Scenario w = Scenario.workshop().started();

    assertThat(w.rejected(new Command.ParticipantRemove("p1"), FACILITATOR).code()).isEqualTo(Code.INVALID);
    assertThat(w.state().participants()).containsKey("p1");
  }

  @Test
  @DisplayName("removing someone who is not there, or was already removed, is NOT_FOUND")
  void unknown() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    w.accepted(remove(sam), FACILITATOR);

    assertThat(w.rejected(new Command.ParticipantRemove("p42"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.rejected(remove(sam), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  @DisplayName("participants cannot remove anyone: FORBIDDEN")
  void participantsCannot() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");

    assertThat(w.rejected(remove(alex), sam).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(remove(sam), sam).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.state().participants()).containsKeys(sam.participantId(), alex.participantId());
  }

  @Test
  @DisplayName("a facilitator can remove a co-facilitator, who then cannot steer any more")
  void coFacilitator() {
    Scenario w = Scenario.workshop().started();
    Actor priya = w.addCoFacilitator("Priya");

    w.accepted(remove(priya), FACILITATOR);

    assertThat(w.rejected(new Command.PhaseNext(null), priya).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(new Command.ParticipantRemove("p1"), priya).code()).isEqualTo(Code.FORBIDDEN);
  }

  static Stream<Command> commandsOfARemovedPerson() {
    return Stream.of(
        new Command.AddContribution("I'm back", null, null, null, null),
        new Command.EditContribution("c1", "changed"),
        new Command.WithdrawContribution("c1"),
        new Command.ToggleReaction("c1", "agree"),
        new Command.ReadySet(true),
        new Command.HandRaise(),
        new Command.HandLower(),
        new Command.PollAnswer("q1", 0),
        new Command.VoteCast("c1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandsOfARemovedPerson")
  @DisplayName("after removal, every command from that person is FORBIDDEN, even on their own contribution")
  void forbiddenAfter(Command cmd) {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    w.post(sam, "before removal");
    w.openPoll("Ok?", "yes", "no");
    w.accepted(remove(sam), FACILITATOR);

    assertThat(w.rejected(cmd, sam).code()).isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("removing a participant frees their place in a full workshop")
  void freesAPlace() {
    Scenario w = Scenario.workshop(Scenario.settingsWithMaxParticipants(1)).started();
    Actor sam = w.join("Sam");
    Command kim = new Command.Join("Kim", null, Role.PARTICIPANT);
    assertThat(w.rejected(kim, new Actor("joining", Role.PARTICIPANT)).code()).isEqualTo(Code.FULL);

    w.accepted(remove(sam), FACILITATOR);

    assertThat(w.decide(kim, new Actor("joining", Role.PARTICIPANT))).isInstanceOf(Accepted.class);
  }

  @Test
  @DisplayName("ids are not reused: someone joining after a removal gets a new id")
  void idsNotReused() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");
    w.accepted(remove(sam), FACILITATOR);

    Actor kim = w.join("Kim");

    assertThat(kim.participantId()).isNotEqualTo(sam.participantId());
  }
}
