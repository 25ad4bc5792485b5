package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.ContributionMoved;
import org.commonground.workshop.Event.ThemeCreated;
import org.commonground.workshop.Event.ThemeRemoved;
import org.commonground.workshop.Event.ThemeUpdated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Grouping contributions into themes by hand (issue 4)")
class ThemeGroupingTest {

  /** Participants may rename, merge and delete themes too (where grouping is open). */
  private static final Settings EVERYONE = Scenario.settingsWithThemeEditing(Settings.ThemeEditing.EVERYONE);

  private static Command.ThemeCreate create(String label, String... ids) {
    return new Command.ThemeCreate(label, List.of(ids));
  }

  private static Command.ContributionMove move(String id, String themeId) {
    return new Command.ContributionMove(id, themeId);
  }

  private static Command.ThemeMerge merge(String label, String... ids) {
    return new Command.ThemeMerge(List.of(ids), label);
  }

  private static Command.ThemeDelete delete(String id) { return new Command.ThemeDelete(id); }

  private static Command.ThemeRename rename(String id, String label) { return new Command.ThemeRename(id, label); }

  // ================================================================ who may group, and when

  @Nested
  @DisplayName("who may group, and when")
  class Permissions {

    @Test
    @DisplayName("a facilitator can create, rename and move in phase 1 of icic-3-phase, where participants cannot group")
    void facilitatorAlways() {
      Scenario w = Scenario.workshop().inPhase(0);
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "More peer support workers");

      w.accepted(create("Staffing"), FACILITATOR);
      w.accepted(rename("t1", "Staffing and peers"), FACILITATOR);
      w.accepted(move(c1, "t1"), FACILITATOR);

      assertThat(w.theme("t1").label()).isEqualTo("Staffing and peers");
      assertThat(w.theme("t1").contributionIds()).containsExactly(c1);
    }

    @Test
    @DisplayName("in the lobby (phase 0's rules apply), a participant's theme.create, theme.rename and contribution.move are PHASE_CLOSED (themeEditing everyone)")
    void participantsInLobby() {
      Scenario w = Scenario.workshop(EVERYONE);
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "More peer support workers");
      String t1 = w.createTheme("Staffing");
      List<Emitted> before = w.log();

      assertThat(w.state().status()).isEqualTo(WorkshopState.Status.LOBBY);
      assertThat(w.rejected(create("Mine", c1), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.rejected(rename(t1, "Ours"), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.rejected(move(c1, t1), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.log()).isEqualTo(before);
    }

    @Test
    @DisplayName("in icic-3-phase's first phase (no 'group'), participants cannot group: PHASE_CLOSED (themeEditing everyone)")
    void participantsInFirstPhase() {
      Scenario w = Scenario.workshop(EVERYONE);
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "More peer support workers");
      String t1 = w.createTheme("Staffing");
      w.inPhase(0);

      assertThat(w.rejected(create("Mine", c1), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.rejected(rename(t1, "Ours"), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.rejected(move(c1, t1), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.rejected(move(c1, null), sam).code()).isEqualTo(Code.PHASE_CLOSED);
    }

    @Test
    @DisplayName("in icic-3-phase's second phase ('group' allowed), participants can create, rename and move (themeEditing everyone)")
    void participantsInSecondPhase() {
      Scenario w = Scenario.workshop(EVERYONE);
      Actor sam = w.join("Sam");
      Actor alex = w.join("Alex");
      String c1 = w.post(sam, "More peer support workers");
      String c2 = w.post(alex, "Shorter waiting lists");
      w.inPhase(1);

      Accepted created = w.accepted(create("Staffing", c1), sam);
      assertThat(created.result()).containsEntry("id", "t1");
      assertThat(created.events()).singleElement().satisfies(e -> assertThat(e.by()).isEqualTo(sam.participantId()));

      Accepted renamed = w.accepted(rename("t1", "People"), alex);
      assertThat(renamed.events()).singleElement().satisfies(e -> assertThat(e.by()).isEqualTo(alex.participantId()));

      Accepted moved = w.accepted(move(c2, "t1"), sam);
      assertThat(moved.events()).singleElement().satisfies(e -> assertThat(e.by()).isEqualTo(sam.participantId()));

      assertThat(w.theme("t1").label()).isEqualTo("People");
      assertThat(w.theme("t1").contributionIds()).containsExactly(c1, c2);
    }

    @Test
    @DisplayName("in the third phase ('group' and 'vote') participants can still group")
    void participantsInThirdPhase() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "More peer support workers");
      w.inPhase(2);

      w.accepted(create("Staffing", c1), sam);
      w.accepted(move(c1, null), sam);

      assertThat(w.contribution(c1).themeId()).isNull();
    }

    @Test
    @DisplayName("in reflective-practice ('group' in every phase) participants can group from the lobby on")
    void reflectivePracticeLobby() {
      Scenario w = Scenario.workshop(Templates.named("reflective-practice").orElseThrow());
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "I felt unheard");

      w.accepted(create("Feelings", c1), sam);
      w.inPhase(3);
      w.accepted(move(c1, null), sam);

      assertThat(w.contribution(c1).themeId()).isNull();
    }

    @Test
    @DisplayName("with a custom agenda, grouping follows each phase's own 'allow' list as the phase changes")
    void customAgenda() {
      Scenario w = Scenario.workshop(EVERYONE, List.of(
          Scenario.phase(0, "Sort", 10, Allow.GROUP),
          Scenario.phase(1, "Talk", 10, Allow.CONTRIBUTE, Allow.REACT)));
      Actor sam = w.join("Sam");
      String c1 = w.post(FACILITATOR, "Scribed idea");
      w.inPhase(0);

      w.accepted(create("Sorted", c1), sam);
      w.inPhase(1);

      assertThat(w.rejected(move(c1, null), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.rejected(rename("t1", "Re-sorted"), sam).code()).isEqualTo(Code.PHASE_CLOSED);
      assertThat(w.rejected(create("Another"), sam).code()).isEqualTo(Code.PHASE_CLOSED);
    }

    @Test
    @DisplayName("participants cannot delete or merge themes (themeEditing facilitators, the default), even while grouping is open: FORBIDDEN")
    void participantsCannotDeleteOrMerge() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      w.inPhase(1);
      String t1 = w.createTheme("Staffing");
      String t2 = w.createTheme("Waiting");

      assertThat(w.rejected(delete(t1), sam).code()).isEqualTo(Code.FORBIDDEN);
      assertThat(w.rejected(merge("Both", t1, t2), sam).code()).isEqualTo(Code.FORBIDDEN);
    }

    @Test
    @DisplayName("a participant's delete or merge where grouping is closed is FORBIDDEN (a role matter), not PHASE_CLOSED")
    void forbiddenBeforePhaseClosed() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String t1 = w.createTheme("Staffing");
      String t2 = w.createTheme("Waiting");

      assertThat(w.rejected(delete(t1), sam).code()).isEqualTo(Code.FORBIDDEN);
      assertThat(w.rejected(merge("Both", t1, t2), sam).code()).isEqualTo(Code.FORBIDDEN);
    }

    @Test
    @DisplayName("a co-facilitator can delete and merge themes")
    void coFacilitatorDeletesAndMerges() {
      Scenario w = Scenario.workshop();
      Actor priya = w.addCoFacilitator("Priya");
      String t1 = w.createTheme("Staffing");
      String t2 = w.createTheme("Waiting");
      String t3 = w.createTheme("Access");

      Accepted merged = w.accepted(merge("People and time", t1, t2), priya);
      assertThat(merged.events()).allSatisfy(e -> assertThat(e.by()).isEqualTo(priya.participantId()));
      Accepted deleted = w.accepted(delete(t3), priya);
      assertThat(deleted.events()).singleElement().satisfies(e -> assertThat(e.by()).isEqualTo(priya.participantId()));

      assertThat(w.state().themes().keySet()).containsExactly("t4");
    }

    @Test
    @DisplayName("after the workshop has ended nobody can group any more: ENDED")
    void endedWorkshop() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "More peer support workers");
      String t1 = w.createTheme("Staffing");
      String t2 = w.createTheme("Waiting");
      w.ended();

      assertThat(w.rejected(create("Late"), FACILITATOR).code()).isEqualTo(Code.ENDED);
      assertThat(w.rejected(rename(t1, "Late"), FACILITATOR).code()).isEqualTo(Code.ENDED);
      assertThat(w.rejected(move(c1, t1), FACILITATOR).code()).isEqualTo(Code.ENDED);
      assertThat(w.rejected(delete(t1), FACILITATOR).code()).isEqualTo(Code.ENDED);
      assertThat(w.rejected(merge("Late", t1, t2), FACILITATOR).code()).isEqualTo(Code.ENDED);
    }
  }

  // ================================================================ theme.create

  @Nested
  @DisplayName("theme.create")
  class Create {

    @Test
    @DisplayName("creating a theme announces it with its label and contributions, unsuggested, no votes, and themes them")
    void createsTheme() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "More peer support workers");
      String c2 = w.post(sam, "Pay carers for their time");

      Accepted a = w.accepted(create("  People  ", c1, c2), FACILITATOR);

      Theme expected = new Theme("t1", "People", List.of(c1, c2), false, 0);
      assertThat(a.result()).containsEntry("id", "t1");
      assertThat(a.events()).singleElement().satisfies(e -> {
        assertThat(e.by()).isEqualTo("p1");
        assertThat(e.event()).isEqualTo(new ThemeCreated(expected));
      });
      assertThat(w.theme("t1")).isEqualTo(expected);
      assertThat(w.contribution(c1).themeId()).isEqualTo("t1");
      assertThat(w.contribution(c2).themeId()).isEqualTo("t1");
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("a theme can start empty, and theme ids count up t1, t2, t3 in creation order")
    void emptyAndNumbered() {
      Scenario w = Scenario.workshop();

      assertThat(w.createTheme("A")).isEqualTo("t1");
      assertThat(w.createTheme("B")).isEqualTo("t2");
      assertThat(w.createTheme("C")).isEqualTo("t3");
      assertThat(w.theme("t1").contributionIds()).isEmpty();
      assertThat(w.state().themes().keySet()).containsExactly("t1", "t2", "t3");
    }

    @Test
    @DisplayName("theme ids are never reused: after deleting t2 the next theme is t4")
    void idsNotReused() {
      Scenario w = Scenario.workshop();
      w.createTheme("A");
      String t2 = w.createTheme("B");
      w.createTheme("C");
      w.accepted(delete(t2), FACILITATOR);

      assertThat(w.createTheme("D")).isEqualTo("t4");
    }

    @Test
    @DisplayName("naming a contribution twice puts it in the theme once")
    void duplicatesCollapse() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");

      w.accepted(create("Both", c1, c2, c1), FACILITATOR);

      assertThat(w.theme("t1").contributionIds()).containsExactly(c1, c2);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("creating a theme with a contribution that is already in another theme takes it out of that theme")
    void takesOutOfOtherTheme() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String t1 = w.createTheme("Old", c1, c2);

      String t2 = w.createTheme("New", c2);

      assertThat(w.theme(t1).contributionIds()).containsExactly(c1);
      assertThat(w.theme(t2).contributionIds()).containsExactly(c2);
      assertThat(w.contribution(c1).themeId()).isEqualTo(t1);
      assertThat(w.contribution(c2).themeId()).isEqualTo(t2);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("an unknown contribution is NOT_FOUND and no theme is created")
    void unknownContribution() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");

      assertThat(w.rejected(create("Ghost", c1, "c99"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
      assertThat(w.state().themes()).isEmpty();
    }

    @Test
    @DisplayName("a hidden contribution cannot be put into a new theme: NOT_FOUND")
    void hiddenContribution() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "Dr X is useless");
      w.accepted(new Command.HideContribution(c1, null), FACILITATOR);

      assertThat(w.rejected(create("Staff", c1), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    }

    @Test
    @DisplayName("a theme label must not be empty nor longer than 120 characters (INVALID); it is trimmed")
    void labelChecks() {
      assertThatThrownBy(() -> new Command.ThemeCreate("   ", null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Command.ThemeCreate(null, null)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Command.ThemeCreate("x".repeat(121), null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(new Command.ThemeCreate("x".repeat(120), null).label()).hasSize(120);
      assertThat(new Command.ThemeCreate(" Food ", null).label()).isEqualTo("Food");
      assertThat(new Command.ThemeCreate("Food", null).contributionIds()).isEmpty();
      assertThatThrownBy(() -> new Command.ThemeRename("t1", "")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Command.ThemeRename(null, "Food")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  // ================================================================ theme.rename

  @Nested
  @DisplayName("theme.rename")
  class Rename {

    @Test
    @DisplayName("renaming keeps the theme's contributions, votes and suggested mark")
    void renameKeepsEverythingElse() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String t1 = w.createTheme("Staffing", c1);
      w.inPhase(2);
      w.accepted(new Command.VoteCast(t1), sam);

      Accepted a = w.accepted(rename(t1, "People"), FACILITATOR);

      Theme expected = new Theme(t1, "People", List.of(c1), false, 1);
      assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.event()).isEqualTo(new ThemeUpdated(expected)));
      assertThat(a.result()).containsEntry("id", t1);
      assertThat(w.theme(t1)).isEqualTo(expected);
      assertThat(w.contribution(c1).themeId()).isEqualTo(t1);
    }

    @Test
    @DisplayName("renaming to the same label changes nothing and emits no event")
    void sameLabel() {
      Scenario w = Scenario.workshop();
      String t1 = w.createTheme("Staffing");

      Accepted a = w.accepted(rename(t1, " Staffing "), FACILITATOR);

      assertThat(a.events()).isEmpty();
    }

    @Test
    @DisplayName("renaming a theme that does not exist is NOT_FOUND")
    void unknownTheme() {
      Scenario w = Scenario.workshop();

      assertThat(w.rejected(rename("t9", "Anything"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    }
  }

  // ================================================================ contribution.move

  @Nested
  @DisplayName("contribution.move")
  class Move {

    @Test
    @DisplayName("moving an unthemed contribution into a theme adds it at the end of that theme")
    void intoTheme() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String t1 = w.createTheme("Staffing", c1);

      Accepted a = w.accepted(move(c2, t1), FACILITATOR);

      assertThat(a.result()).containsEntry("id", c2);
      assertThat(a.events()).singleElement().satisfies(e -> {
        assertThat(e.by()).isEqualTo("p1");
        assertThat(e.event()).isEqualTo(new ContributionMoved(c2, t1));
      });
      assertThat(w.theme(t1).contributionIds()).containsExactly(c1, c2);
      assertThat(w.contribution(c2).themeId()).isEqualTo(t1);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("moving a contribution from one theme to another takes it out of the first")
    void betweenThemes() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String t1 = w.createTheme("A", c1, c2);
      String t2 = w.createTheme("B");

      w.accepted(move(c1, t2), FACILITATOR);

      assertThat(w.theme(t1).contributionIds()).containsExactly(c2);
      assertThat(w.theme(t2).contributionIds()).containsExactly(c1);
      assertThat(w.contribution(c1).themeId()).isEqualTo(t2);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("moving to no theme (themeId null) leaves the contribution unthemed and out of its old theme")
    void outOfAnyTheme() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String t1 = w.createTheme("A", c1);

      Accepted a = w.accepted(move(c1, null), FACILITATOR);

      assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.event()).isEqualTo(new ContributionMoved(c1, null)));
      assertThat(w.theme(t1).contributionIds()).isEmpty();
      assertThat(w.contribution(c1).themeId()).isNull();
      assertThat(w.state().contributions()).containsKey(c1);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("moving a contribution to the theme it is already in, or an unthemed one to none, emits no event")
    void sameTheme() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String t1 = w.createTheme("A", c1);
      WorkshopState before = w.state();

      assertThat(w.accepted(move(c1, t1), FACILITATOR).events()).isEmpty();
      assertThat(w.accepted(move(c2, null), FACILITATOR).events()).isEmpty();
      assertThat(w.state()).isSameAs(before);
    }

    @Test
    @DisplayName("moving an unknown or hidden contribution, or to an unknown theme, is NOT_FOUND")
    void notFound() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "Dr X is useless");
      String t1 = w.createTheme("A");
      w.accepted(new Command.HideContribution(c2, null), FACILITATOR);

      assertThat(w.rejected(move("c99", t1), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
      assertThat(w.rejected(move(c2, t1), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
      assertThat(w.rejected(move(c1, "t9"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
      assertThat(w.contribution(c1).themeId()).isNull();
    }

    @Test
    @DisplayName("moving an anonymous contribution never reveals who wrote it: 'by' is null, whoever moves it")
    void anonymousMove() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.postAnonymously(sam, "I was turned away twice");
      String t1 = w.createTheme("Access");
      String t2 = w.createTheme("Crisis");
      w.inPhase(1);

      Accepted bySam = w.accepted(move(c1, t1), sam);
      Accepted byFacilitator = w.accepted(move(c1, t2), FACILITATOR);
      Accepted out = w.accepted(move(c1, null), FACILITATOR);

      assertThat(List.of(bySam, byFacilitator, out))
          .flatExtracting(Accepted::events)
          .hasSize(3)
          .allSatisfy(e -> assertThat(e.by()).isNull());
    }

    @Test
    @DisplayName("moving someone else's named contribution is credited to the person who moved it")
    void namedMoveCreditsMover() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      Actor alex = w.join("Alex");
      String c1 = w.post(sam, "one");
      String t1 = w.createTheme("A");
      w.inPhase(1);

      Accepted a = w.accepted(move(c1, t1), alex);

      assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.by()).isEqualTo(alex.participantId()));
    }

    @Test
    @DisplayName("a contribution.move command needs an id")
    void moveNeedsId() {
      assertThatThrownBy(() -> new Command.ContributionMove(null, "t1")).isInstanceOf(IllegalArgumentException.class);
      assertThat(new Command.ContributionMove("c1", null).themeId()).isNull();
    }
  }

  // ================================================================ theme.delete

  @Nested
  @DisplayName("theme.delete")
  class Delete {

    @Test
    @DisplayName("deleting a theme loses no contribution: they all become unthemed")
    void contributionsBecomeUnthemed() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String c3 = w.post(sam, "three");
      String t1 = w.createTheme("A", c1, c2);
      String t2 = w.createTheme("B", c3);

      Accepted a = w.accepted(delete(t1), FACILITATOR);

      assertThat(a.result()).containsEntry("id", t1);
      assertThat(a.events()).singleElement().satisfies(e -> {
        assertThat(e.by()).isEqualTo("p1");
        assertThat(e.event()).isEqualTo(new ThemeRemoved(t1));
      });
      assertThat(w.state().themes()).doesNotContainKey(t1);
      assertThat(w.state().contributions().keySet()).containsExactly(c1, c2, c3);
      assertThat(w.contribution(c1).themeId()).isNull();
      assertThat(w.contribution(c2).themeId()).isNull();
      assertThat(w.contribution(c1).text()).isEqualTo("one");
      assertThat(w.theme(t2).contributionIds()).containsExactly(c3);
      assertThat(w.contribution(c3).themeId()).isEqualTo(t2);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("deleting a theme that does not exist (or no longer does) is NOT_FOUND")
    void unknownTheme() {
      Scenario w = Scenario.workshop();
      String t1 = w.createTheme("A");
      w.accepted(delete(t1), FACILITATOR);

      assertThat(w.rejected(delete(t1), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
      assertThat(w.rejected(delete("t9"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
    }

    @Test
    @DisplayName("votes on a deleted theme go back to their voters, who can spend them again")
    void votesRefunded() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      Actor alex = w.join("Alex");
      String c1 = w.post(sam, "one");
      String t1 = w.createTheme("A", c1);
      String t2 = w.createTheme("B");
      w.inPhase(2);
      w.accepted(new Command.VoteCast(t1), sam);
      w.accepted(new Command.VoteCast(t1), sam);
      w.accepted(new Command.VoteCast(t2), sam);
      w.accepted(new Command.VoteCast(t1), alex);
      w.accepted(new Command.VoteCast(c1), alex);
      assertThat(w.state().votesUsed(sam.participantId())).isEqualTo(3);
      assertThat(w.state().votesUsed(alex.participantId())).isEqualTo(2);

      w.accepted(delete(t1), FACILITATOR);

      assertThat(w.state().votesUsed(sam.participantId())).isEqualTo(1);
      assertThat(w.state().votesUsed(alex.participantId())).isEqualTo(1);
      assertThat(w.state().votesOf(sam.participantId())).doesNotContainKey(t1).containsEntry(t2, 1);
      assertThat(w.contribution(c1).votes()).as("votes on the contribution itself stay").isEqualTo(1);
      Accepted again = w.accepted(new Command.VoteCast(t2), sam);
      assertThat(again.result()).containsEntry("remaining", 3);
    }

    @Test
    @DisplayName("a theme on the big screen leaves the spotlight when it is deleted")
    void spotlightCleared() {
      Scenario w = Scenario.workshop();
      String t1 = w.createTheme("A");
      w.accepted(new Command.SpotlightSet(new Spotlight(Spotlight.Type.THEME, t1)), FACILITATOR);
      assertThat(w.state().spotlight()).isNotNull();

      w.accepted(delete(t1), FACILITATOR);

      assertThat(w.state().spotlight()).isNull();
    }

    @Test
    @DisplayName("a hidden contribution in a deleted theme is unthemed too, and comes back unthemed when unhidden")
    void hiddenMemberUnthemed() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "Dr X is useless");
      String t1 = w.createTheme("A", c1, c2);
      w.accepted(new Command.HideContribution(c2, null), FACILITATOR);

      w.accepted(delete(t1), FACILITATOR);
      w.accepted(new Command.UnhideContribution(c2), FACILITATOR);

      assertThat(w.contribution(c2).themeId()).isNull();
      assertThat(w.contribution(c2).hidden()).isFalse();
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("a withdrawn contribution leaves its theme")
    void withdrawnLeavesTheme() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String t1 = w.createTheme("A", c1, c2);

      w.accepted(new Command.WithdrawContribution(c1), sam);

      assertThat(w.theme(t1).contributionIds()).containsExactly(c2);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("a theme.delete command needs the id of the theme to delete")
    void deleteNeedsId() {
      assertThatThrownBy(() -> new Command.ThemeDelete(null)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  // ================================================================ theme.merge

  @Nested
  @DisplayName("theme.merge")
  class Merge {

    @Test
    @DisplayName("merging removes each merged theme, then creates one theme holding all their contributions in order")
    void mergeEvents() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String c3 = w.post(sam, "three");
      String c4 = w.post(sam, "four");
      String t1 = w.createTheme("A", c3, c1);
      String t2 = w.createTheme("B", c2);
      String t3 = w.createTheme("C", c4);

      Accepted a = w.accepted(merge("A and C", t3, t1), FACILITATOR);

      Theme expected = new Theme("t4", "A and C", List.of(c4, c3, c1), false, 0);
      assertThat(a.result()).containsEntry("id", "t4");
      assertThat(a.events()).extracting(Emitted::event)
          .containsExactly(new ThemeRemoved(t3), new ThemeRemoved(t1), new ThemeCreated(expected));
      assertThat(a.events()).allSatisfy(e -> assertThat(e.by()).isEqualTo("p1"));
      assertThat(w.state().themes().keySet()).containsExactly(t2, "t4");
      assertThat(w.theme("t4")).isEqualTo(expected);
      assertThat(w.contribution(c1).themeId()).isEqualTo("t4");
      assertThat(w.contribution(c4).themeId()).isEqualTo("t4");
      assertThat(w.theme(t2).contributionIds()).containsExactly(c2);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("naming a theme twice in a merge counts it once: no duplicate events, no duplicate contributions")
    void repeatedIds() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String t1 = w.createTheme("A", c1);
      String t2 = w.createTheme("B", c2);

      Accepted a = w.accepted(merge("AB", t1, t2, t1), FACILITATOR);

      assertThat(a.events()).extracting(Emitted::event).containsExactly(new ThemeRemoved(t1), new ThemeRemoved(t2),
          new ThemeCreated(new Theme("t3", "AB", List.of(c1, c2), false, 0)));
      assertThat(w.theme("t3").contributionIds()).doesNotHaveDuplicates();
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("merging empty themes makes an empty theme")
    void emptyThemes() {
      Scenario w = Scenario.workshop();
      String t1 = w.createTheme("A");
      String t2 = w.createTheme("B");

      w.accepted(merge("AB", t1, t2), FACILITATOR);

      assertThat(w.state().themes().keySet()).containsExactly("t3");
      assertThat(w.theme("t3").contributionIds()).isEmpty();
    }

    @Test
    @DisplayName("merging with an unknown theme id is NOT_FOUND and nothing changes")
    void unknownId() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String t1 = w.createTheme("A", c1);
      WorkshopState before = w.state();

      assertThat(w.rejected(merge("X", t1, "t9"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
      assertThat(w.rejected(merge("X", "t8", "t9"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
      assertThat(w.state()).isSameAs(before);
    }

    @Test
    @DisplayName("a merge needs at least two different themes: fewer is INVALID")
    void fewerThanTwo() {
      assertThatThrownBy(() -> new Command.ThemeMerge(List.of("t1"), "X")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Command.ThemeMerge(List.of(), "X")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Command.ThemeMerge(List.of("t1", "t1"), "X"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Command.ThemeMerge(null, "X")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new Command.ThemeMerge(List.of("t1", "t2"), " "))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(new Command.ThemeMerge(List.of("t1", "t2"), "X").ids()).containsExactly("t1", "t2");
    }

    @Test
    @DisplayName("votes on merged themes go back to their voters; the merged theme starts with none")
    void votesRefunded() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String t1 = w.createTheme("A");
      String t2 = w.createTheme("B");
      w.inPhase(2);
      w.accepted(new Command.VoteCast(t1), sam);
      w.accepted(new Command.VoteCast(t2), sam);

      w.accepted(merge("AB", t1, t2), FACILITATOR);

      assertThat(w.state().votesUsed(sam.participantId())).isZero();
      assertThat(w.theme("t3").votes()).isZero();
    }

    @Test
    @DisplayName("a merge loses no contribution: a hidden one moves into the merged theme and is there when unhidden")
    void hiddenMemberKept() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "Dr X is useless");
      String t1 = w.createTheme("A", c1);
      String t2 = w.createTheme("B", c2);
      w.accepted(new Command.HideContribution(c2, null), FACILITATOR);

      w.accepted(merge("AB", t1, t2), FACILITATOR);
      w.accepted(new Command.UnhideContribution(c2), FACILITATOR);

      assertThat(w.theme("t3").contributionIds()).containsExactly(c1, c2);
      assertThat(w.contribution(c2).themeId()).isEqualTo("t3");
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("merging three themes gathers every contribution from all three")
    void threeThemes() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= 6; i++) ids.add(w.post(sam, "idea " + i));
      String t1 = w.createTheme("A", ids.get(0), ids.get(1));
      String t2 = w.createTheme("B", ids.get(2));
      String t3 = w.createTheme("C", ids.get(3), ids.get(4));

      w.accepted(merge("All", t1, t2, t3), FACILITATOR);

      assertThat(w.theme("t4").contributionIds()).containsExactlyElementsOf(ids.subList(0, 5));
      assertThat(w.contribution(ids.get(5)).themeId()).isNull();
      w.assertGroupingConsistent();
    }
  }

  // ================================================================ convergence

  @Nested
  @DisplayName("concurrent grouping converges")
  class Convergence {

    @Test
    @DisplayName("two people moving one contribution, one after the other: it ends in the second theme, only there")
    void twoMovesOneAfterTheOther() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      Actor alex = w.join("Alex");
      String c1 = w.post(sam, "one");
      String t1 = w.createTheme("A");
      String t2 = w.createTheme("B");
      w.inPhase(1);

      w.accepted(move(c1, t1), sam);
      w.accepted(move(c1, t2), alex);

      assertThat(w.contribution(c1).themeId()).isEqualTo(t2);
      assertThat(w.theme(t1).contributionIds()).isEmpty();
      assertThat(w.theme(t2).contributionIds()).containsExactly(c1);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("applying the same events in the same order gives every node the same grouping")
    void sameEventsSameState() {
      Scenario w = Scenario.workshop(EVERYONE);
      WorkshopState start = w.state();
      Actor sam = w.join("Sam");
      Actor alex = w.join("Alex");
      String c1 = w.post(sam, "one");
      String c2 = w.post(alex, "two");
      String c3 = w.postAnonymously(sam, "three");
      w.inPhase(1);
      String t1 = (String) w.accepted(create("A", c1, c2), sam).result().get("id");
      String t2 = (String) w.accepted(create("B", c3), alex).result().get("id");
      w.accepted(move(c1, t2), alex);
      w.accepted(move(c2, t2), sam);
      w.accepted(merge("AB", t1, t2), FACILITATOR);
      w.accepted(move(c3, null), sam);
      w.accepted(rename("t3", "Together"), alex);

      WorkshopState replica = Scenario.fold(start, w.log());
      WorkshopState another = Scenario.fold(start, w.log());

      assertThat(replica).isEqualTo(w.state());
      assertThat(another).isEqualTo(replica);
      assertThat(replica.themes().keySet()).containsExactly("t3");
      assertThat(replica.themes().get("t3").contributionIds()).containsExactly(c1, c2);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("two moves decided against the same state and applied in order leave the contribution in the later theme only")
    void staleMovesConverge() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      Actor alex = w.join("Alex");
      String c1 = w.post(sam, "one");
      String t1 = w.createTheme("A");
      String t2 = w.createTheme("B");
      w.inPhase(1);

      Decision first = w.decide(move(c1, t1), sam);
      Decision second = w.decide(move(c1, t2), alex);
      w.apply(first).apply(second);

      assertThat(w.contribution(c1).themeId()).isEqualTo(t2);
      assertThat(w.theme(t1).contributionIds()).isEmpty();
      assertThat(w.theme(t2).contributionIds()).containsExactly(c1);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("the same move decided twice against one state and applied twice lists the contribution once")
    void duplicateMoveIsIdempotent() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      Actor alex = w.join("Alex");
      String c1 = w.post(sam, "one");
      String t1 = w.createTheme("A");
      w.inPhase(1);

      Decision first = w.decide(move(c1, t1), sam);
      Decision second = w.decide(move(c1, t1), alex);
      w.apply(first).apply(second);

      assertThat(w.theme(t1).contributionIds()).containsExactly(c1);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("a long mix of creating, moving, deleting and merging keeps each contribution in at most one theme")
    void invariantsHoldThroughAMix() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      List<String> c = new ArrayList<>();
      for (int i = 0; i < 8; i++) c.add(w.post(sam, "idea " + i));
      w.inPhase(1);

      List<Command> steps = Arrays.asList(
          create("A", c.get(0), c.get(1), c.get(2)),
          create("B", c.get(2), c.get(3)),
          move(c.get(0), "t2"),
          create("C", c.get(4), c.get(0), c.get(5)),
          move(c.get(6), "t1"),
          merge("AB", "t1", "t2"),
          move(c.get(4), "t4"),
          delete("t3"),
          create("D", c.get(7), c.get(4)),
          move(c.get(1), null),
          merge("ABD", "t4", "t5"));
      for (Command step : steps) {
        Actor who = step instanceof Command.ThemeMerge || step instanceof Command.ThemeDelete ? FACILITATOR : sam;
        w.accepted(step, who);
        w.assertGroupingConsistent();
      }

      assertThat(w.state().themes().keySet()).containsExactly("t6");
      assertThat(w.theme("t6").contributionIds()).containsExactly(c.get(6), c.get(2), c.get(3), c.get(7), c.get(4));
      assertThat(w.state().contributions()).hasSize(8);
    }
  }
}
