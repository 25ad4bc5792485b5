package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.ContributionRemoved;
import org.commonground.workshop.Event.ContributionUpdated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("contribution.edit and contribution.withdraw")
class EditAndWithdrawTest {

  private static Command.EditContribution edit(String id, String text) { return new Command.EditContribution(id, text); }

  private static Command.WithdrawContribution withdraw(String id) { return new Command.WithdrawContribution(id); }

  @Nested
  @DisplayName("edit")
  class Edit {

    @Test
    @DisplayName("the author can fix a typo; the new text and the edit time are kept, everything else stays")
    void authorEdits() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam", "carers");
      String id = w.post(sam, "More peer suport");
      Contribution before = w.contribution(id);
      w.at(Scenario.T0 + 60_000);

      Accepted a = w.accepted(edit(id, " More peer support "), sam);

      assertThat(a.result()).containsEntry("id", id);
      assertThat(a.events()).singleElement().satisfies(e -> {
        assertThat(e.by()).isEqualTo(sam.participantId());
        assertThat(e.event()).isInstanceOf(ContributionUpdated.class);
      });
      Contribution after = w.contribution(id);
      assertThat(after.text()).isEqualTo("More peer support");
      assertThat(after.editedAt()).isEqualTo(Scenario.T0 + 60_000);
      assertThat(after).usingRecursiveComparison().ignoringFields("text", "editedAt").isEqualTo(before);
      assertThat(((ContributionUpdated) a.events().get(0).event()).contribution()).isEqualTo(after);
    }

    @Test
    @DisplayName("someone else cannot edit a contribution, not even a facilitator")
    void onlyTheAuthor() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      Actor alex = w.join("Alex");
      String id = w.post(sam, "mine");

      assertThat(w.rejected(edit(id, "yours now"), alex).code()).isEqualTo(Code.FORBIDDEN);
      assertThat(w.rejected(edit(id, "moderated"), FACILITATOR).code()).isEqualTo(Code.FORBIDDEN);
      assertThat(w.contribution(id).text()).isEqualTo("mine");
    }

    @Test
    @DisplayName("saving the same text (give or take surrounding spaces) changes nothing and emits no event")
    void unchangedText() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String id = w.post(sam, "same words");

      Accepted a = w.accepted(edit(id, "  same words\n"), sam);

      assertThat(a.events()).isEmpty();
      assertThat(w.contribution(id).editedAt()).isNull();
    }

    @Test
    @DisplayName("editing a contribution that does not exist is NOT_FOUND")
    void unknown() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");

      assertThat(w.rejected(edit("c42", "text"), sam).code()).isEqualTo(Code.NOT_FOUND);
    }

    @Test
    @DisplayName("a hidden contribution cannot be edited, not even by its author: NOT_FOUND")
    void hidden() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String id = w.post(sam, "something hurtful");
      w.accepted(new Command.HideContribution(id, "names a staff member"), FACILITATOR);

      assertThat(w.rejected(edit(id, "something kinder"), sam).code()).isEqualTo(Code.NOT_FOUND);
    }

    @Test
    @DisplayName("a withdrawn contribution cannot be edited: NOT_FOUND")
    void withdrawn() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String id = w.post(sam, "gone soon");
      w.accepted(withdraw(id), sam);

      assertThat(w.rejected(edit(id, "back?"), sam).code()).isEqualTo(Code.NOT_FOUND);
    }

    @Test
    @DisplayName("a participant cannot edit when the current phase closes contributions; a facilitator can")
    void phaseClosed() {
      Scenario w = Scenario.workshop(List.of(
          Scenario.phase(0, "Ideas", 10, Allow.defaults()),
          Scenario.phase(1, "Voting", 10, Allow.VOTE)));
      Actor sam = w.join("Sam");
      String samsId = w.post(sam, "draft");
      String facId = w.post(FACILITATOR, "framing");
      w.inPhase(1);

      assertThat(w.rejected(edit(samsId, "final"), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.accepted(edit(facId, "better framing"), FACILITATOR).events()).hasSize(1);
    }

    @Test
    @DisplayName("nothing can be edited after the workshop ended")
    void ended() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String id = w.post(sam, "draft");
      w.ended();

      assertThat(w.rejected(edit(id, "final"), sam).code()).isEqualTo(Code.ENDED);
    }
  }

  @Nested
  @DisplayName("withdraw")
  class Withdraw {

    @Test
    @DisplayName("the author can withdraw a contribution and it is gone for good")
    void authorWithdraws() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String id = w.post(sam, "changed my mind");

      Accepted a = w.accepted(withdraw(id), sam);

      assertThat(a.result()).containsEntry("id", id);
      assertThat(a.events()).singleElement().satisfies(e -> {
        assertThat(e.by()).isEqualTo(sam.participantId());
        assertThat(e.event()).isEqualTo(new ContributionRemoved(id, false, null));
      });
      assertThat(w.state().contributions()).doesNotContainKey(id);
      assertThat(w.rejected(new Command.UnhideContribution(id), FACILITATOR).code())
          .as("a withdrawal cannot be undone by a facilitator").isEqualTo(Code.NOT_FOUND);
    }

    @Test
    @DisplayName("only the author can withdraw: others, facilitators included, are FORBIDDEN")
    void onlyTheAuthor() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      Actor alex = w.join("Alex");
      String id = w.post(sam, "mine");

      assertThat(w.rejected(withdraw(id), alex).code()).isEqualTo(Code.FORBIDDEN);
      assertThat(w.rejected(withdraw(id), FACILITATOR).code()).isEqualTo(Code.FORBIDDEN);
      assertThat(w.state().contributions()).containsKey(id);
    }

    @Test
    @DisplayName("withdrawing a contribution that does not exist is NOT_FOUND")
    void unknown() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");

      assertThat(w.rejected(withdraw("c9"), sam).code()).isEqualTo(Code.NOT_FOUND);
    }

    @Test
    @DisplayName("an author can still withdraw their contribution after the workshop ended")
    void afterTheEnd() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String id = w.post(sam, "on reflection, not for the report");
      w.ended();

      Accepted a = w.accepted(withdraw(id), sam);

      assertThat(a.events()).hasSize(1);
      assertThat(w.state().contributions()).doesNotContainKey(id);
      assertThat(w.state().status()).isEqualTo(WorkshopState.Status.ENDED);
    }

    @Test
    @DisplayName("withdrawing is allowed even in a phase that closes contributions")
    void phaseDoesNotMatter() {
      Scenario w = Scenario.workshop(List.of(
          Scenario.phase(0, "Ideas", 10, Allow.defaults()),
          Scenario.phase(1, "Quiet", 10)));
      Actor sam = w.join("Sam");
      String id = w.post(sam, "draft");
      w.inPhase(1);

      assertThat(w.accepted(withdraw(id), sam).events()).hasSize(1);
    }

    @Test
    @DisplayName("an author can withdraw a contribution a facilitator hid")
    void hiddenCanBeWithdrawn() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String id = w.post(sam, "regrettable");
      w.accepted(new Command.HideContribution(id, null), FACILITATOR);

      w.accepted(withdraw(id), sam);

      assertThat(w.state().contributions()).doesNotContainKey(id);
    }
  }
}
