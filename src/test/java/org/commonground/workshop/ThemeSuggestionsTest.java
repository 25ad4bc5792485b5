package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.ThemeCreated;
import org.commonground.workshop.Event.ThemesSuggested;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Theme suggestions: asking, recording and accepting them (issue 4)")
class ThemeSuggestionsTest {

  private static SuggestedGroup group(String label, String... ids) { return new SuggestedGroup(label, List.of(ids)); }

  /** A suggestion as recorded: with the id the workshop gave it. */
  private static SuggestedGroup listed(String id, String label, String... ids) {
    return new SuggestedGroup(id, label, List.of(ids));
  }

  private static Command.ThemesAccept acceptAll() { return new Command.ThemesAccept(null); }

  private static Command.ThemesAccept accept(Integer... indexes) { return new Command.ThemesAccept(List.of(indexes)); }

  private static Command.RecordSuggestions record(SuggestedGroup... groups) {
    return new Command.RecordSuggestions(List.of(groups));
  }

  // ================================================================ themes.suggest

  @Nested
  @DisplayName("themes.suggest (the request)")
  class Suggest {

    @Test
    @DisplayName("a facilitator's request is accepted without any event yet: the server computes the suggestions")
    void acceptedWithoutEvents() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      w.post(sam, "one");
      WorkshopState before = w.state();

      Decision all = w.decide(new Command.ThemesSuggest(null), FACILITATOR);
      Decision first = w.decide(new Command.ThemesSuggest(0), FACILITATOR);
      Decision last = w.decide(new Command.ThemesSuggest(2), FACILITATOR);

      for (Decision d : List.of(all, first, last)) {
        assertThat(d).isInstanceOf(Accepted.class);
        assertThat(((Accepted) d).events()).isEmpty();
      }
      w.run(new Command.ThemesSuggest(null), FACILITATOR);
      assertThat(w.state()).isSameAs(before);
    }

    @Test
    @DisplayName("a co-facilitator may ask for suggestions")
    void coFacilitator() {
      Scenario w = Scenario.workshop();
      Actor priya = w.addCoFacilitator("Priya");

      assertThat(w.decide(new Command.ThemesSuggest(null), priya)).isInstanceOf(Accepted.class);
    }

    @Test
    @DisplayName("participants cannot ask for suggestions, even while grouping is open: FORBIDDEN")
    void participantsForbidden() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      w.inPhase(1);

      assertThat(w.rejected(new Command.ThemesSuggest(null), sam).code()).isEqualTo(Code.FORBIDDEN);
      assertThat(w.rejected(new Command.ThemesSuggest(1), sam).code()).isEqualTo(Code.FORBIDDEN);
    }

    @Test
    @DisplayName("asking for a phase the agenda does not have is INVALID")
    void phaseOutOfRange() {
      Scenario w = Scenario.workshop();

      assertThat(w.rejected(new Command.ThemesSuggest(-1), FACILITATOR).code()).isEqualTo(Code.INVALID);
      assertThat(w.rejected(new Command.ThemesSuggest(3), FACILITATOR).code()).isEqualTo(Code.INVALID);
    }

    @Test
    @DisplayName("suggestions cover the visible contributions of the asked phase (or all), in posting order")
    void suggestable() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "phase 0 one");
      String c2 = w.post(sam, "phase 0 hidden");
      w.accepted(new Command.HideContribution(c2, null), FACILITATOR);
      w.inPhase(1);
      String c3 = w.post(sam, "phase 1 one");
      String c4 = w.post(sam, "phase 1 two");

      assertThat(Workshop.suggestable(w.state(), null)).extracting(Contribution::id).containsExactly(c1, c3, c4);
      assertThat(Workshop.suggestable(w.state(), 0)).extracting(Contribution::id).containsExactly(c1);
      assertThat(Workshop.suggestable(w.state(), 1)).extracting(Contribution::id).containsExactly(c3, c4);
      assertThat(Workshop.suggestable(w.state(), 2)).isEmpty();
    }
  }

  // ================================================================ recording suggestions

  @Nested
  @DisplayName("recording suggestions (server-built RecordSuggestions)")
  class Record {

    @Test
    @DisplayName("recorded suggestions are announced as themes.suggested, by nobody, and nothing is grouped yet")
    void recorded() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String c3 = w.post(sam, "three");
      List<SuggestedGroup> groups = List.of(group("Staffing", c1, c3), group("Waiting", c2));

      Accepted a = w.accepted(new Command.RecordSuggestions(groups), FACILITATOR);

      List<SuggestedGroup> listed = List.of(listed("s1", "Staffing", c1, c3), listed("s2", "Waiting", c2));
      assertThat(a.result()).containsEntry("count", 2);
      assertThat(a.events()).singleElement().satisfies(e -> {
        assertThat(e.by()).isNull();
        assertThat(e.event()).isEqualTo(new ThemesSuggested(listed));
      });
      assertThat(w.state().suggestions()).isEqualTo(listed);
      assertThat(w.state().themes()).isEmpty();
      assertThat(w.contribution(c1).themeId()).isNull();
    }

    @Test
    @DisplayName("suggestions keep only visible contributions, and a suggestion left empty is dropped")
    void onlyVisible() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "hidden meanwhile");
      String c3 = w.post(sam, "withdrawn meanwhile");
      w.accepted(new Command.HideContribution(c2, null), FACILITATOR);
      w.accepted(new Command.WithdrawContribution(c3), sam);

      Accepted a = w.accepted(record(group("A", c2, c1, "c99"), group("Gone", c2, c3), group("B", c1)), FACILITATOR);

      List<SuggestedGroup> kept = List.of(listed("s1", "A", c1), listed("s2", "B", c1));
      assertThat(a.result()).containsEntry("count", 2);
      assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.event()).isEqualTo(new ThemesSuggested(kept)));
      assertThat(w.state().suggestions()).isEqualTo(kept);
    }

    @Test
    @DisplayName("new suggestions replace the earlier ones")
    void replaces() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      w.suggested(group("Old", c1, c2));

      w.suggested(group("New", c2));

      assertThat(w.state().suggestions()).as("a new id: the old list's s1 is gone for good")
          .containsExactly(listed("s2", "New", c2));
    }

    @Test
    @DisplayName("when nothing suggested is left, the suggestions are cleared")
    void allDropped() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      w.suggested(group("Old", c1));

      Accepted a = w.accepted(record(group("Ghost", "c99")), FACILITATOR);

      assertThat(a.result()).containsEntry("count", 0);
      assertThat(a.events()).singleElement()
          .satisfies(e -> assertThat(e.event()).isEqualTo(new ThemesSuggested(List.of())));
      assertThat(w.state().suggestions()).isEmpty();
    }

    @Test
    @DisplayName("suggestions are recorded only for a facilitator; a participant's would be FORBIDDEN")
    void participantsForbidden() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      w.inPhase(1);

      assertThat(w.rejected(record(group("A", c1)), sam).code()).isEqualTo(Code.FORBIDDEN);
    }
  }

  // ================================================================ themes.accept

  @Nested
  @DisplayName("themes.accept")
  class Accept {

    @Test
    @DisplayName("accepting all suggestions turns each into a theme marked suggested, and empties the suggestion list")
    void acceptAllSuggestions() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String c3 = w.post(sam, "three");
      w.suggested(group("Staffing", c1, c3), group("Waiting", c2));

      Accepted a = w.accepted(acceptAll(), FACILITATOR);

      Theme staffing = new Theme("t1", "Staffing", List.of(c1, c3), true, 0);
      Theme waiting = new Theme("t2", "Waiting", List.of(c2), true, 0);
      assertThat(a.result()).containsEntry("themeIds", List.of("t1", "t2"));
      assertThat(a.events()).extracting(Emitted::event).containsExactly(
          new ThemeCreated(staffing), new ThemeCreated(waiting), new ThemesSuggested(List.of()));
      assertThat(a.events().get(0).by()).isEqualTo("p1");
      assertThat(a.events().get(1).by()).isEqualTo("p1");
      assertThat(w.state().themes().values()).containsExactly(staffing, waiting);
      assertThat(w.state().suggestions()).isEmpty();
      assertThat(w.contribution(c1).themeId()).isEqualTo("t1");
      assertThat(w.contribution(c2).themeId()).isEqualTo("t2");
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("accepting some suggestions makes only those themes; the rest stay suggested, in order")
    void acceptSome() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String c3 = w.post(sam, "three");
      w.suggested(group("A", c1), group("B", c2), group("C", c3));

      Accepted a = w.accepted(accept(1), FACILITATOR);

      assertThat(a.result()).containsEntry("themeIds", List.of("t1"));
      assertThat(a.events()).extracting(Emitted::event).containsExactly(
          new ThemeCreated(new Theme("t1", "B", List.of(c2), true, 0)),
          new ThemesSuggested(List.of(listed("s1", "A", c1), listed("s3", "C", c3))));
      assertThat(a.events().get(1).by()).isNull();
      assertThat(w.state().suggestions()).as("the others keep their ids")
          .containsExactly(listed("s1", "A", c1), listed("s3", "C", c3));
      assertThat(w.contribution(c1).themeId()).isNull();
      assertThat(w.contribution(c3).themeId()).isNull();

      Accepted next = w.accepted(accept(1, 0), FACILITATOR);
      assertThat(next.result()).as("themes are made in the order the indexes were given")
          .containsEntry("themeIds", List.of("t2", "t3"));
      assertThat(w.theme("t2").label()).isEqualTo("C");
      assertThat(w.theme("t3").label()).isEqualTo("A");
      assertThat(w.state().suggestions()).isEmpty();
    }

    @Test
    @DisplayName("accepted themes continue the theme numbering after themes made by hand")
    void idsContinueCounter() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      w.createTheme("Manual");
      w.suggested(group("A", c1), group("B", c2));

      Accepted a = w.accepted(acceptAll(), FACILITATOR);

      assertThat(a.result()).containsEntry("themeIds", List.of("t2", "t3"));
      assertThat(w.state().themes().keySet()).containsExactly("t1", "t2", "t3");
      assertThat(w.theme("t1").suggested()).isFalse();
      assertThat(w.theme("t2").suggested()).isTrue();
      assertThat(w.createTheme("Next")).isEqualTo("t4");
    }

    @Test
    @DisplayName("an index out of range is INVALID and nothing is accepted")
    void outOfRange() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      w.suggested(group("A", c1), group("B", c1));
      WorkshopState before = w.state();

      assertThat(w.rejected(accept(2), FACILITATOR).code()).isEqualTo(Code.INVALID);
      assertThat(w.rejected(accept(-1), FACILITATOR).code()).isEqualTo(Code.INVALID);
      assertThat(w.rejected(accept(0, 5), FACILITATOR).code()).isEqualTo(Code.INVALID);
      assertThat(w.state()).isSameAs(before);
    }

    @Test
    @DisplayName("accepting never undoes grouping done by hand: already-themed contributions stay where they are")
    void keepsManualGrouping() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String c3 = w.post(sam, "three");
      w.suggested(group("Suggested", c1, c2, c3));
      String manual = w.createTheme("By hand", c2);

      Accepted a = w.accepted(acceptAll(), FACILITATOR);

      assertThat(a.result()).containsEntry("themeIds", List.of("t2"));
      assertThat(w.theme("t2").contributionIds()).containsExactly(c1, c3);
      assertThat(w.theme(manual).contributionIds()).containsExactly(c2);
      assertThat(w.contribution(c2).themeId()).isEqualTo(manual);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("a suggestion whose contributions are all grouped already makes no theme, but leaves the list")
    void nothingLeftNoTheme() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String c3 = w.post(sam, "three");
      w.suggested(group("A", c1), group("B", c2), group("C", c3));
      String manual = w.createTheme("By hand", c2);

      Accepted a = w.accepted(acceptAll(), FACILITATOR);

      assertThat(a.result()).containsEntry("themeIds", List.of("t2", "t3"));
      assertThat(w.state().themes().keySet()).containsExactly(manual, "t2", "t3");
      assertThat(w.theme("t2").label()).isEqualTo("A");
      assertThat(w.theme("t3").label()).isEqualTo("C");
      assertThat(w.state().themes().values()).extracting(Theme::label).doesNotContain("B");
      assertThat(w.state().suggestions()).isEmpty();
    }

    @Test
    @DisplayName("accepting only a suggestion with nothing left makes no theme and just removes it from the list")
    void onlyEmptySuggestion() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      w.suggested(group("A", c1), group("B", c2));
      w.createTheme("By hand", c1);

      Accepted a = w.accepted(accept(0), FACILITATOR);

      assertThat(a.result()).containsEntry("themeIds", List.of());
      assertThat(a.events()).extracting(Emitted::event)
          .containsExactly(new ThemesSuggested(List.of(listed("s2", "B", c2))));
      assertThat(w.state().themes()).hasSize(1);
    }

    @Test
    @DisplayName("a contribution in two accepted suggestions goes into the first one only")
    void overlappingSuggestions() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String c3 = w.post(sam, "three");
      w.suggested(group("A", c1, c2), group("B", c2, c3), group("C", c1, c2));

      Accepted a = w.accepted(acceptAll(), FACILITATOR);

      assertThat(a.result()).containsEntry("themeIds", List.of("t1", "t2"));
      assertThat(w.theme("t1").contributionIds()).containsExactly(c1, c2);
      assertThat(w.theme("t2").contributionIds()).containsExactly(c3);
      assertThat(w.state().themes()).hasSize(2);
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("a contribution hidden after the suggestions were made does not go into the accepted theme")
    void hiddenSinceSuggested() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "Dr X is useless");
      w.suggested(group("A", c1, c2));
      w.accepted(new Command.HideContribution(c2, null), FACILITATOR);

      w.accepted(acceptAll(), FACILITATOR);

      assertThat(w.theme("t1").contributionIds()).containsExactly(c1);
      assertThat(w.contribution(c2).themeId()).isNull();
    }

    @Test
    @DisplayName("naming the same index twice accepts that suggestion once")
    void repeatedIndex() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      w.suggested(group("A", c1), group("B", c2));

      Accepted a = w.accepted(accept(0, 0), FACILITATOR);

      assertThat(a.result()).containsEntry("themeIds", List.of("t1"));
      assertThat(w.state().suggestions()).containsExactly(listed("s2", "B", c2));
    }

    @Test
    @DisplayName("accepting when there are no suggestions changes nothing and emits no event")
    void noSuggestions() {
      Scenario w = Scenario.workshop();

      Accepted a = w.accepted(acceptAll(), FACILITATOR);

      assertThat(a.events()).isEmpty();
    }

    @Test
    @DisplayName("even when nothing is accepted, the ack tells the facilitator which themes were made: themeIds is empty")
    void emptyAcceptStillHasThemeIds() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");

      Accepted none = w.accepted(acceptAll(), FACILITATOR);
      w.suggested(group("A", c1));
      Accepted emptyChoice = w.accepted(new Command.ThemesAccept(List.of()), FACILITATOR);

      assertThat(none.events()).isEmpty();
      assertThat(emptyChoice.events()).isEmpty();
      assertThat(none.result()).containsEntry("themeIds", List.of());
      assertThat(emptyChoice.result()).containsEntry("themeIds", List.of());
    }

    @Test
    @DisplayName("only facilitators can accept suggestions: participants get FORBIDDEN even while grouping is open")
    void participantsForbidden() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      w.suggested(group("A", c1));
      w.inPhase(1);

      assertThat(w.rejected(acceptAll(), sam).code()).isEqualTo(Code.FORBIDDEN);
      assertThat(w.rejected(accept(0), sam).code()).isEqualTo(Code.FORBIDDEN);
    }

    @Test
    @DisplayName("after an accept, replaying the log gives the same themes and suggestions")
    void replayConverges() {
      Scenario w = Scenario.workshop();
      WorkshopState start = w.state();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String c3 = w.post(sam, "three");
      w.suggested(group("A", c1, c2), group("B", c3), group("C", c2));
      w.createTheme("Manual", c2);
      w.accepted(accept(0), FACILITATOR);
      w.accepted(acceptAll(), FACILITATOR);

      WorkshopState replica = Scenario.fold(start, w.log());

      assertThat(replica).isEqualTo(w.state());
      assertThat(replica.themes().keySet()).containsExactly("t1", "t2", "t3");
      w.assertGroupingConsistent();
    }
  }

  // ================================================================ themes.accept {ids}

  @Nested
  @DisplayName("themes.accept {ids}: each press takes exactly the suggestion pressed")
  class AcceptById {

    private Command.ThemesAccept byId(String... ids) { return new Command.ThemesAccept(null, List.of(ids)); }

    private Scenario threeSuggestions() {
      Scenario w = Scenario.workshop();
      Actor sam = w.join("Sam");
      String c1 = w.post(sam, "one");
      String c2 = w.post(sam, "two");
      String c3 = w.post(sam, "three");
      return w.suggested(group("Staffing", c1), group("Waiting", c2), group("Transport", c3));
    }

    @Test
    @DisplayName("recorded suggestions are numbered s1, s2, s3 in the workshop; ids carry on across requests")
    void numbered() {
      Scenario w = threeSuggestions();
      assertThat(w.state().suggestions()).extracting(SuggestedGroup::id).containsExactly("s1", "s2", "s3");

      w.suggested(group("Again", "c1"));
      assertThat(w.state().suggestions()).extracting(SuggestedGroup::id).containsExactly("s4");
    }

    @Test
    @DisplayName("accepting the second, then the third: each makes the theme that was pressed, the others keep their ids")
    void oneAfterAnother() {
      Scenario w = threeSuggestions();

      Accepted first = w.accepted(byId("s2"), FACILITATOR);
      assertThat(first.result()).containsEntry("themeIds", List.of("t1"));
      assertThat(w.theme("t1").label()).isEqualTo("Waiting");
      assertThat(w.state().suggestions()).extracting(SuggestedGroup::id).containsExactly("s1", "s3");

      Accepted second = w.accepted(byId("s3"), FACILITATOR);
      assertThat(second.result()).containsEntry("themeIds", List.of("t2"));
      assertThat(w.theme("t2").label()).as("not Staffing, which moved into the second place").isEqualTo("Transport");
      assertThat(w.state().suggestions()).extracting(SuggestedGroup::id, SuggestedGroup::label)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("s1", "Staffing"));
      w.assertGroupingConsistent();
    }

    @Test
    @DisplayName("two presses of the same suggestion (a double click, or two facilitators): the second is NOT_FOUND, nothing more is made")
    void acceptedAlready() {
      Scenario w = threeSuggestions();
      w.accepted(byId("s2"), FACILITATOR);
      WorkshopState before = w.state();

      Rejection r = w.rejected(byId("s2"), FACILITATOR);

      assertThat(r.code()).isEqualTo(Code.NOT_FOUND);
      assertThat(r.message()).isEqualTo("That suggestion is no longer on the list. Look again at the suggestions.");
      assertThat(w.state()).isSameAs(before);
    }

    @Test
    @DisplayName("an id from an earlier list (replaced by new suggestions) is NOT_FOUND, and nothing of the list is accepted")
    void replacedList() {
      Scenario w = threeSuggestions();
      w.suggested(group("Fresh", "c1"));

      assertThat(w.rejected(byId("s4", "s1"), FACILITATOR).code()).isEqualTo(Code.NOT_FOUND);
      assertThat(w.state().themes()).isEmpty();
      assertThat(w.state().suggestions()).extracting(SuggestedGroup::id).containsExactly("s4");
    }

    @Test
    @DisplayName("several ids at once make themes in the order given; a repeated id counts once")
    void several() {
      Scenario w = threeSuggestions();

      Accepted a = w.accepted(byId("s3", "s1", "s3"), FACILITATOR);

      assertThat(a.result()).containsEntry("themeIds", List.of("t1", "t2"));
      assertThat(w.theme("t1").label()).isEqualTo("Transport");
      assertThat(w.theme("t2").label()).isEqualTo("Staffing");
      assertThat(w.state().suggestions()).extracting(SuggestedGroup::id).containsExactly("s2");
    }

    @Test
    @DisplayName("an empty list of ids accepts nothing and changes nothing")
    void empty() {
      Scenario w = threeSuggestions();

      assertThat(w.accepted(byId(), FACILITATOR).events()).isEmpty();
      assertThat(w.state().suggestions()).hasSize(3);
    }

    @Test
    @DisplayName("indexes still work for older clients; ids and indexes together are refused")
    void indexesStillWork() {
      Scenario w = threeSuggestions();
      w.accepted(accept(0), FACILITATOR);
      assertThat(w.theme("t1").label()).isEqualTo("Staffing");

      assertThat(org.assertj.core.api.Assertions.catchThrowable(
          () -> new Command.ThemesAccept(List.of(0), List.of("s2")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("participants cannot accept by id either: FORBIDDEN")
    void participants() {
      Scenario w = threeSuggestions();
      Actor kim = w.join("Kim");
      w.inPhase(1);

      assertThat(w.rejected(byId("s1"), kim).code()).isEqualTo(Code.FORBIDDEN);
    }

    @Test
    @DisplayName("replaying the log gives the same ids and the same counter, so the next suggestions are numbered alike")
    void replay() {
      Scenario w = threeSuggestions();
      w.accepted(byId("s2"), FACILITATOR);

      WorkshopState replayed = Scenario.fold(Scenario.workshop().state(), w.log());

      assertThat(replayed.suggestions()).isEqualTo(w.state().suggestions());
      assertThat(replayed.counters()).isEqualTo(w.state().counters());
      assertThat(replayed.counters().suggestion()).isEqualTo(4);
    }

    @Test
    @DisplayName("suggestions stored before ids existed get ids by position (s0-1, s0-2), the same on every node")
    void storedWithoutIds() {
      ThemesSuggested old = new ThemesSuggested(List.of(group("A", "c1"), group("B", "c2")));

      assertThat(old.suggestions()).extracting(SuggestedGroup::id).containsExactly("s0-1", "s0-2");
    }
  }
}
