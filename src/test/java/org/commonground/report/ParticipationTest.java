package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonground.workshop.Actor;
import org.commonground.workshop.Command;
import org.commonground.workshop.Scenario;
import org.commonground.workshop.Settings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Participation by stakeholder group, as a report shows it: never a way to find who wrote an anonymous post. */
@DisplayName("Reports: participation by group never points at an anonymous author")
class ParticipationTest {

  private static Settings minGroupSize(int n) {
    Settings d = Settings.DEFAULTS;
    return new Settings(d.anonymity(), d.votesPerParticipant(), d.maxParticipants(), d.stakeholderGroups(), n,
        d.confidential(), d.retentionDays(), d.joiningLocked(), d.themeEditing());
  }

  /** Three carers and three professionals, in a running workshop. */
  private static Scenario room(Settings settings) {
    Scenario w = Scenario.workshop(settings).started();
    for (String name : List.of("Sam", "Ann", "Bo")) w.join(name, "carers");
    for (String name : List.of("Dr Lee", "Mo", "Jo")) w.join(name, "professionals");
    return w;
  }

  private static Actor participant(Scenario w, String name) {
    return w.state().participants().values().stream().filter(p -> p.name().equals(name)).findFirst()
        .map(p -> new Actor(p.id(), p.role())).orElseThrow();
  }

  @Test
  @DisplayName("an anonymous post is counted under no group, only in one anonymous total")
  void anonymousNotUnderAGroup() {
    Scenario w = room(Settings.DEFAULTS);
    w.postAnonymously(participant(w, "Sam"), "I am worn out");
    w.post(participant(w, "Mo"), "Evening clinics");

    Report r = Reports.of(w.state());

    assertThat(r.participation()).containsExactly(
        new Report.GroupShare("Carers and family", 3, 0),
        new Report.GroupShare("Professionals", 3, 1));
    assertThat(r.anonymousContributions()).isEqualTo(1);
  }

  @Test
  @DisplayName("two reports, before and after an anonymous post, differ only in the anonymous total")
  void cannotBeDifferenced() {
    Scenario w = room(Settings.DEFAULTS);
    w.post(participant(w, "Ann"), "Respite at weekends");
    Report before = Reports.of(w.state());

    w.postAnonymously(participant(w, "Sam"), "I am worn out");
    Report after = Reports.of(w.state());

    assertThat(after.participation()).isEqualTo(before.participation());
    assertThat(after.anonymousContributions()).isEqualTo(before.anonymousContributions() + 1);
  }

  @Test
  @DisplayName("a group of one is never named once anyone has posted, even with minGroupSize 1 set at creation")
  void groupOfOneNotShown() {
    Scenario w = Scenario.workshop(minGroupSize(1)).started();
    Actor sam = w.join("Sam", "carers");
    for (String name : List.of("Dr Lee", "Mo", "Jo")) w.join(name, "professionals");
    w.post(sam, "Respite at weekends");

    Report r = Reports.of(w.state());

    assertThat(r.minGroupSize()).isEqualTo(3);
    assertThat(r.participation()).extracting(Report.GroupShare::group).containsExactly("Professionals", "Other");
    assertThat(r.unthemed()).singleElement().satisfies(i -> assertThat(i.group()).isEqualTo("Other"));
    assertThat(MarkdownReport.render(r)).doesNotContain("Carers and family");
    assertThat(CsvReport.render(r)).doesNotContain("Carers and family");
  }

  @Test
  @DisplayName("a facilitator's anonymous post is in the total too, so the total matches the anonymous posts listed")
  void facilitatorsAnonymousCounted() {
    Scenario w = room(Settings.DEFAULTS);
    w.accepted(new Command.AddContribution("I felt it too", null, true, null, null), Scenario.FACILITATOR);

    assertThat(Reports.of(w.state()).anonymousContributions()).isEqualTo(1);
  }

  @Test
  @DisplayName("the minutes give the anonymous total apart from the group table, saying why; the CSV row has no group")
  void rendered() {
    Scenario w = room(Settings.DEFAULTS);
    w.postAnonymously(participant(w, "Sam"), "I am worn out");

    Report r = Reports.of(w.state());

    assertThat(MarkdownReport.render(r)).contains("| Carers and family | 3 | 0 |",
        "Anonymous contributions: 1. They are not counted under any group");
    String row = CsvReport.render(r).lines().filter(l -> l.contains("worn out")).findFirst().orElseThrow();
    assertThat(row).endsWith(",\"\"");
  }
}
