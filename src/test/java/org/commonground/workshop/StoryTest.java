package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import org.commonground.report.Report;
import org.commonground.report.Reports;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Stories of lived experience (kind story)")
class StoryTest {

  @Test
  @DisplayName("the wire name of the new kind is story, and it reads back")
  void wire() {
    assertThat(Kind.STORY.wire()).isEqualTo("story");
    assertThat(Kind.fromWire("story")).isEqualTo(Kind.STORY);
  }

  @Test
  @DisplayName("a story is posted wherever an idea may be, and refused where an idea is refused")
  void postedLikeAnIdea() {
    Scenario w = Scenario.workshop(List.of(Scenario.phase(0, "Listening", 10, Allow.CONTRIBUTE),
        Scenario.phase(1, "Quiet", 5, Allow.HAND))).started();
    Actor sam = w.join("Sam");

    String id = w.post(sam, Kind.STORY, "When my dad was discharged nobody told us about the carers' grant");
    assertThat(w.contribution(id).kind()).isEqualTo(Kind.STORY);
    assertThat(w.contribution(id).parking()).as("a story has no parking status").isNull();

    w.inPhase(1);
    Rejection closed = w.rejected(new Command.AddContribution("Another story", Kind.STORY, null, null, null), sam);
    Rejection idea = w.rejected(new Command.AddContribution("An idea", Kind.IDEA, null, null, null), sam);
    assertThat(closed).isEqualTo(idea);
  }

  @Test
  @DisplayName("a story can be anonymous, grouped into a theme and voted on, like an idea")
  void groupedAndVoted() {
    Scenario w = Scenario.workshop().inPhase(2);
    Actor sam = w.join("Sam");
    String story = w.postStory(sam, "I waited eight hours in A&E with my son");
    String theme = w.createTheme("Waiting", story);

    w.accepted(new Command.VoteCast(story), sam);

    assertThat(w.contribution(story).anonymous()).isTrue();
    assertThat(w.contribution(story).themeId()).isEqualTo(theme);
    assertThat(w.contribution(story).votes()).isEqualTo(1);
  }

  @Test
  @DisplayName("the report lists a story in its theme, or among the unthemed, with kind story")
  void inTheReport() {
    Scenario w = Scenario.workshop().inPhase(1);
    Actor sam = w.join("Sam");
    String themed = w.post(sam, Kind.STORY, "The crisis team came within the hour");
    String loose = w.post(sam, Kind.STORY, "Nobody called back");
    w.createTheme("What worked", themed);

    Report r = Reports.of(w.state());

    assertThat(r.themes()).singleElement().satisfies(t ->
        assertThat(t.contributions()).extracting(Report.Item::id, Report.Item::kind).containsExactly(
            org.assertj.core.groups.Tuple.tuple(themed, "story")));
    assertThat(r.unthemed()).extracting(Report.Item::id, Report.Item::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(loose, "story"));
    assertThat(r.takeaways()).isEmpty();
    assertThat(r.parking()).isEmpty();
    assertThat(org.commonground.report.CsvReport.render(r))
        .contains("\"Story\",\"What worked\",\"0\",\"The crisis team came within the hour\"")
        .contains("\"Story\",\"\",\"\",\"Nobody called back\"");
  }
}
