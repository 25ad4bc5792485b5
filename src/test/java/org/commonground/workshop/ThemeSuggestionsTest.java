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

      assertThat(a.result()).containsEntry("count", 2);
      assertThat(a.events()).singleElement().satisfies(e -> {
        assertThat(e.by()).isNull();
        assertThat(e.event()).isEqualTo(new ThemesSuggested(groups));
      });
      assertThat(w.state().suggestions()).isEqualTo(groups);
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

      List<SuggestedGroup> kept = List.of(group("A", c1), group("B", c1));
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

      assertThat(w.state().suggestions()).containsExactly(group("New", c2));
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
          new ThemesSuggested(List.of(group("A", c1), group("C", c3))));
      assertThat(a.events().get(1).by()).isNull();
      assertThat(w.state().suggestions()).containsExactly(group("A", c1), group("C", c3));
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
          .containsExactly(new ThemesSuggested(List.of(group("B", c2))));
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
      assertThat(w.state().suggestions()).containsExactly(group("B", c2));
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
}
