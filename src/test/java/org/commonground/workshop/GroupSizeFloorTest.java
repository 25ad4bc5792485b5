package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** minGroupSize: a figure about one or two people in a group points at them, and so at what they wrote. */
@DisplayName("The smallest group size shown (minGroupSize) cannot go below 3 once people have posted")
class GroupSizeFloorTest {
  private static final String WHY =
      "The smallest group size can't go below 3 once people have posted: it would show who wrote what. Choose 3 or more.";

  private static Command.WorkshopUpdate minGroupSize(int n) {
    return new Command.WorkshopUpdate(null, new SettingsPatch(null, null, null, null, n, null, null, null, null));
  }

  private static Settings withMinGroupSize(int n) {
    Settings d = Settings.DEFAULTS;
    return new Settings(d.anonymity(), d.votesPerParticipant(), d.maxParticipants(), d.stakeholderGroups(), n,
        d.confidential(), d.retentionDays(), d.joiningLocked(), d.themeEditing());
  }

  @Test
  @DisplayName("after a post, setting it to 1 or 2 is INVALID with a message saying why and what to choose; nothing changes")
  void refusedOncePosted() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam", "carers");
    w.postAnonymously(sam, "I care for my dad");
    WorkshopState before = w.state();

    for (int n : new int[] {1, 2}) {
      Rejection r = w.rejected(minGroupSize(n), FACILITATOR);
      assertThat(r.code()).isEqualTo(Code.INVALID);
      assertThat(r.message()).isEqualTo(WHY);
    }
    assertThat(w.state()).isSameAs(before);
    assertThat(w.accepted(minGroupSize(3), FACILITATOR).events()).isEmpty();
    assertThat(w.accepted(minGroupSize(5), FACILITATOR).events()).hasSize(1);
    assertThat(w.state().settings().minGroupSize()).isEqualTo(5);
  }

  @Test
  @DisplayName("a withdrawn post still counts as posted: an earlier report may have shown it")
  void withdrawnStillCounts() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam", "carers");
    String id = w.post(sam, "gone soon");
    w.accepted(new Command.WithdrawContribution(id), sam);

    assertThat(w.state().contributions()).isEmpty();
    assertThat(w.rejected(minGroupSize(1), FACILITATOR).message()).isEqualTo(WHY);
  }

  @Test
  @DisplayName("before anyone has posted it may be set lower, and other settings can still change after posts")
  void lowerBeforePosts() {
    Scenario w = Scenario.workshop(withMinGroupSize(1));
    w.accepted(minGroupSize(2), FACILITATOR);
    assertThat(w.state().settings().minGroupSize()).isEqualTo(2);
    assertThat(w.state().smallestGroupShown()).isEqualTo(2);

    Actor sam = w.join("Sam", "carers");
    w.post(sam, "hello");
    w.accepted(new Command.WorkshopUpdate(null, new SettingsPatch(null, 3, null, null, null, null, null, null, null)),
        FACILITATOR);

    assertThat(w.state().settings().votesPerParticipant()).isEqualTo(3);
  }

  @Test
  @DisplayName("a size under 3 set before anyone posted is raised to 3 for every figure from the first post on")
  void raisedFromTheFirstPost() {
    Scenario w = Scenario.workshop(withMinGroupSize(1));
    Actor sam = w.join("Sam", "carers");
    assertThat(w.state().smallestGroupShown()).isEqualTo(1);

    w.post(sam, "hello");

    assertThat(w.state().smallestGroupShown()).isEqualTo(3);
    assertThat(Scenario.workshop(withMinGroupSize(7)).state().smallestGroupShown()).isEqualTo(7);
  }
}
