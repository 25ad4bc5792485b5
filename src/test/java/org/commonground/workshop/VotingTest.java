package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;
import static org.commonground.workshop.Scenario.phase;

import java.util.List;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.VotesChanged;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("vote.cast and vote.retract (dot voting)")
class VotingTest {

  private static Command.VoteCast cast(String id) { return new Command.VoteCast(id); }

  private static Command.VoteRetract retract(String id) { return new Command.VoteRetract(id); }

  /** icic-3-phase in its voting phase. */
  private static Scenario voting() { return Scenario.workshop().inPhase(2); }

  @Test
  @DisplayName("a vote adds one to the contribution's total; the event has the new total and says nobody")
  void castOne() {
    Scenario w = voting();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.post(alex, "24-hour crisis line");

    Accepted a = w.accepted(cast(id), sam);

    assertThat(a.events()).singleElement().satisfies(e -> {
      assertThat(e.by()).as("nobody learns who voted").isNull();
      assertThat(e.event()).isEqualTo(new VotesChanged(id, sam.participantId(), 1, 1));
    });
    assertThat(a.result()).containsEntry("remaining", 4);
    assertThat(w.contribution(id).votes()).isEqualTo(1);
    assertThat(w.state().votesUsed(sam.participantId())).isEqualTo(1);
  }

  @Test
  @DisplayName("totals add up across voters, and every vote event is anonymous")
  void totals() {
    Scenario w = voting();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.post(sam, "peer support");

    w.accepted(cast(id), sam);
    Accepted second = w.accepted(cast(id), alex);

    assertThat(((VotesChanged) second.events().get(0).event()).votes()).isEqualTo(2);
    assertThat(w.contribution(id).votes()).isEqualTo(2);
    assertThat(w.log()).filteredOn(e -> e.event() instanceof VotesChanged)
        .hasSize(2).allSatisfy(e -> assertThat(e.by()).isNull());
  }

  @Test
  @DisplayName("someone may put several of their votes on one contribution")
  void severalOnOne() {
    Scenario w = voting();
    Actor sam = w.join("Sam");
    String id = w.post(FACILITATOR, "transport to appointments");

    w.accepted(cast(id), sam);
    w.accepted(cast(id), sam);
    Accepted third = w.accepted(cast(id), sam);

    assertThat(third.result()).containsEntry("remaining", 2);
    assertThat(w.contribution(id).votes()).isEqualTo(3);
    assertThat(w.state().votesOf(sam.participantId())).containsEntry(id, 3);
  }

  @Test
  @DisplayName("past the budget (5 by default) a vote is refused with LIMIT and nothing changes")
  void budget() {
    Scenario w = voting();
    Actor sam = w.join("Sam");
    String a = w.post(FACILITATOR, "a");
    String b = w.post(FACILITATOR, "b");
    for (int i = 0; i < 3; i++) w.accepted(cast(a), sam);
    w.accepted(cast(b), sam);
    Accepted last = w.accepted(cast(b), sam);
    assertThat(last.result()).containsEntry("remaining", 0);
    WorkshopState before = w.state();

    assertThat(w.rejected(cast(a), sam).code()).isEqualTo(Code.LIMIT);
    assertThat(w.rejected(cast(b), sam).code()).isEqualTo(Code.LIMIT);
    assertThat(w.state()).isSameAs(before);
  }

  @Test
  @DisplayName("the budget follows votesPerParticipant, and each person has their own")
  void ownBudget() {
    Scenario w = Scenario.workshop(Scenario.settingsWithVotes(2)).inPhase(2);
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.post(FACILITATOR, "x");

    w.accepted(cast(id), sam);
    w.accepted(cast(id), sam);
    assertThat(w.rejected(cast(id), sam).code()).isEqualTo(Code.LIMIT);

    assertThat(w.accepted(cast(id), alex).result()).containsEntry("remaining", 1);
  }

  @Test
  @DisplayName("the budget is for the whole workshop, not per phase")
  void perWorkshop() {
    Scenario w = Scenario.workshop(Scenario.settingsWithVotes(2),
        List.of(phase(0, "Vote on ideas", 10, Allow.VOTE), phase(1, "Vote again", 10, Allow.VOTE))).started();
    Actor sam = w.join("Sam");
    String id = w.post(FACILITATOR, "x");
    w.accepted(cast(id), sam);
    w.accepted(cast(id), sam);

    w.accepted(new Command.PhaseNext(null), FACILITATOR);

    assertThat(w.rejected(cast(id), sam).code()).isEqualTo(Code.LIMIT);
  }

  @Test
  @DisplayName("taking a vote back removes one from the total and gives it back to spend")
  void retractOne() {
    Scenario w = voting();
    Actor sam = w.join("Sam");
    String id = w.post(FACILITATOR, "x");
    w.accepted(cast(id), sam);
    w.accepted(cast(id), sam);

    Accepted a = w.accepted(retract(id), sam);

    assertThat(a.events()).singleElement().satisfies(e -> {
      assertThat(e.by()).isNull();
      assertThat(e.event()).isEqualTo(new VotesChanged(id, sam.participantId(), -1, 1));
    });
    assertThat(a.result()).containsEntry("remaining", 4);
    assertThat(w.contribution(id).votes()).isEqualTo(1);
    assertThat(w.state().votesUsed(sam.participantId())).isEqualTo(1);
  }

  @Test
  @DisplayName("taking back a vote you have not cast there changes nothing and sends no event")
  void retractNone() {
    Scenario w = voting();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.post(FACILITATOR, "x");
    w.accepted(cast(id), alex);
    WorkshopState before = w.state();

    Accepted a = w.accepted(retract(id), sam);

    assertThat(a.events()).isEmpty();
    assertThat(a.result()).containsEntry("remaining", 5);
    assertThat(w.state()).isSameAs(before);
    assertThat(w.contribution(id).votes()).as("Alex's vote stays").isEqualTo(1);
  }

  @Test
  @DisplayName("at the limit, taking one back lets you cast it elsewhere")
  void moveAVote() {
    Scenario w = Scenario.workshop(Scenario.settingsWithVotes(1)).inPhase(2);
    Actor sam = w.join("Sam");
    String a = w.post(FACILITATOR, "a");
    String b = w.post(FACILITATOR, "b");
    w.accepted(cast(a), sam);
    assertThat(w.rejected(cast(b), sam).code()).isEqualTo(Code.LIMIT);

    w.accepted(retract(a), sam);
    w.accepted(cast(b), sam);

    assertThat(w.contribution(a).votes()).isZero();
    assertThat(w.contribution(b).votes()).isEqualTo(1);
  }

  @Test
  @DisplayName("voting for something that does not exist or is hidden is NOT_FOUND")
  void notFound() {
    Scenario w = voting();
    Actor sam = w.join("Sam");
    String id = w.post(FACILITATOR, "x");
    w.accepted(new Command.HideContribution(id, null), FACILITATOR);

    assertThat(w.rejected(cast("c99"), sam).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.rejected(retract("c99"), sam).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.rejected(cast(id), sam).code()).isEqualTo(Code.NOT_FOUND);
    assertThat(w.rejected(cast("t1"), sam).code()).as("no such theme").isEqualTo(Code.NOT_FOUND);
  }

  @Test
  @DisplayName("when a contribution is withdrawn, the votes on it go back to the people who cast them")
  void withdrawnGivesVotesBack() {
    Scenario w = voting();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    Actor kim = w.join("Kim");
    String gone = w.post(alex, "changed my mind");
    String stays = w.post(kim, "keeps its votes");
    w.accepted(cast(gone), sam);
    w.accepted(cast(gone), sam);
    w.accepted(cast(gone), sam);
    w.accepted(cast(stays), sam);
    w.accepted(cast(gone), kim);

    w.accepted(new Command.WithdrawContribution(gone), alex);

    assertThat(w.state().votesUsed(sam.participantId())).isEqualTo(1);
    assertThat(w.state().votesUsed(kim.participantId())).isZero();
    assertThat(w.state().votesOf(sam.participantId())).containsOnlyKeys(stays);
    assertThat(w.contribution(stays).votes()).isEqualTo(1);
    assertThat(w.accepted(cast(stays), sam).result()).containsEntry("remaining", 3);
  }

  @Test
  @DisplayName("a facilitator can vote in any phase, within the same budget")
  void facilitatorVotes() {
    Scenario w = Scenario.workshop(Scenario.settingsWithVotes(1)).started();
    String id = w.post(FACILITATOR, "x");

    w.accepted(cast(id), FACILITATOR);

    assertThat(w.contribution(id).votes()).isEqualTo(1);
    assertThat(w.rejected(cast(id), FACILITATOR).code()).isEqualTo(Code.LIMIT);
  }

  @Test
  @DisplayName("lowering the budget below what someone used stops new votes but lets them take votes back")
  void budgetLowered() {
    Scenario w = voting();
    Actor sam = w.join("Sam");
    String id = w.post(FACILITATOR, "x");
    for (int i = 0; i < 4; i++) w.accepted(cast(id), sam);
    w.accepted(new Command.WorkshopUpdate(null,
        new SettingsPatch(null, 2, null, null, null, null, null, null, null)), FACILITATOR);

    assertThat(w.rejected(cast(id), sam).code()).isEqualTo(Code.LIMIT);
    Accepted back = w.accepted(retract(id), sam);
    assertThat(back.events()).hasSize(1);
    assertThat(back.result()).as("never a negative number left").containsEntry("remaining", 0);
  }

  @Test
  @DisplayName("an anonymous contribution can be voted on, and the vote events name nobody")
  void anonymousTarget() {
    Scenario w = voting();
    Actor sam = w.join("Sam");
    Actor alex = w.join("Alex");
    String id = w.postAnonymously(alex, "quietly");

    Accepted a = w.accepted(cast(id), sam);

    assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.by()).isNull());
  }
}
