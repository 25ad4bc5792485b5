package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.ContributionReacted;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("reaction.toggle")
class ReactionTest {

  private static Command.ToggleReaction toggle(String id, String reaction) {
    return new Command.ToggleReaction(id, reaction);
  }

  private static ContributionReacted reacted(Accepted a) {
    assertThat(a.events()).hasSize(1);
    return (ContributionReacted) a.events().get(0).event();
  }

  @Test
  @DisplayName("a first toggle adds my reaction, a second takes it away again")
  void onThenOff() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.post(sam, "Peer support in A&E");

    Accepted on = w.accepted(toggle(id, "agree"), alex);

    assertThat(on.result()).containsEntry("on", true);
    ContributionReacted ev = reacted(on);
    assertThat(ev.id()).isEqualTo(id);
    assertThat(ev.reaction()).isEqualTo("agree");
    assertThat(ev.participantId()).isEqualTo(alex.participantId());
    assertThat(ev.on()).isTrue();
    assertThat(on.events().get(0).by()).as("who reacted is never sent").isNull();
    assertThat(w.contribution(id).reactionCounts()).containsEntry("agree", 1);
    assertThat(w.contribution(id).reactedBy().get("agree")).containsExactly(alex.participantId());

    Accepted off = w.accepted(toggle(id, "agree"), alex);

    assertThat(off.result()).containsEntry("on", false);
    assertThat(reacted(off).on()).isFalse();
    assertThat(w.contribution(id).reactionCounts()).containsEntry("agree", 0);
  }

  @Test
  @DisplayName("counts are per reaction and per person: two agrees and a heart are counted apart")
  void countsPerReaction() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    Actor kim = w.join("Kim");
    String id = w.post(sam, "Evening clinic");

    w.accepted(toggle(id, "agree"), alex);
    w.accepted(toggle(id, "agree"), kim);
    w.accepted(toggle(id, "heart"), alex);
    w.accepted(toggle(id, "insight"), sam);

    assertThat(w.contribution(id).reactionCounts())
        .isEqualTo(Map.of("agree", 2, "heart", 1, "insight", 1, "question", 0));
    assertThat(w.contribution(id).reactedBy().get("agree")).isEqualTo(Set.of(alex.participantId(), kim.participantId()));

    w.accepted(toggle(id, "agree"), kim);
    assertThat(w.contribution(id).reactionCounts()).containsEntry("agree", 1).containsEntry("heart", 1);
  }

  @Test
  @DisplayName("the reacted event carries every reaction as it stands after the toggle")
  void eventCarriesFullTally() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.post(sam, "text");
    w.accepted(toggle(id, "heart"), sam);

    ContributionReacted ev = reacted(w.accepted(toggle(id, "question"), alex));

    assertThat(Contribution.countsOf(ev.reactedBy()))
        .isEqualTo(Map.of("agree", 0, "heart", 1, "insight", 0, "question", 1));
  }

  @Test
  @DisplayName("reacting to an anonymous contribution emits an event with `by` null, so it cannot reveal the author")
  void anonymousBy() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.postAnonymously(sam, "I felt unheard");

    assertThat(w.accepted(toggle(id, "heart"), alex).events().get(0).by()).isNull();
    assertThat(w.accepted(toggle(id, "agree"), sam).events().get(0).by())
        .as("the author reacting to their own anonymous contribution must not give them away").isNull();
    assertThat(w.contribution(id).reactionCounts()).containsEntry("heart", 1).containsEntry("agree", 1);
  }

  @Test
  @DisplayName("reacting to a named contribution does not name who reacted: `by` is null, the reactor learns `on` from the ack")
  void namedContributionReactorStaysPrivate() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.post(sam, "Evening clinic");

    Accepted a = w.accepted(toggle(id, "heart"), alex);

    assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.by()).isNull());
    assertThat(a.result()).containsEntry("on", true);
    assertThat(w.accepted(toggle(id, "heart"), FACILITATOR).events().get(0).by())
        .as("a facilitator's reaction is private too").isNull();
  }

  @Test
  @DisplayName("reacting to a contribution that does not exist is NOT_FOUND")
  void unknown() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");

    assertThat(w.rejected(toggle("c3", "agree"), sam).code()).isEqualTo(Code.NOT_FOUND);
  }

  @Test
  @DisplayName("a participant gets PHASE_CLOSED when the phase does not allow reactions; a facilitator may react")
  void phaseClosed() {
    Scenario w = Scenario.workshop(List.of(
        Scenario.phase(0, "Silent writing", 5, Allow.CONTRIBUTE)));
    Actor sam = w.join("Sam");
    String id = w.post(sam, "text");

    assertThat(w.rejected(toggle(id, "agree"), sam).code()).isEqualTo(Code.PHASE_CLOSED);
    assertThat(w.accepted(toggle(id, "agree"), FACILITATOR).events()).hasSize(1);
  }

  @Test
  @DisplayName("no reactions after the workshop ended")
  void ended() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "text");
    w.ended();

    assertThat(w.rejected(toggle(id, "agree"), sam).code()).isEqualTo(Code.ENDED);
  }

  @Test
  @DisplayName("a reaction keeps the contribution's text, author and other fields unchanged")
  void reactionChangesOnlyReactions() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");
    String id = w.post(sam, "text");
    Contribution before = w.contribution(id);

    w.accepted(toggle(id, "insight"), FACILITATOR);

    assertThat(w.contribution(id)).usingRecursiveComparison().ignoringFields("reactedBy").isEqualTo(before);
  }
}
