package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import org.commonground.workshop.Settings.ThemeEditing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Who may change themes (setting themeEditing)")
class ThemeEditingTest {

  private static final String ONLY_FACILITATOR =
      "Only the facilitator can rename, merge or delete themes in this workshop.";

  /** Grouping is open (icic-3-phase part 2); Sam posted c1 and c2; the facilitator made t1 and t2. */
  private static Scenario grouping(ThemeEditing editing) {
    Scenario w = Scenario.workshop(Scenario.settingsWithThemeEditing(editing)).inPhase(1);
    Actor sam = w.join("Sam");
    w.post(sam, "More peer support workers");
    w.post(sam, "Shorter waiting lists");
    w.createTheme("Staffing", "c1");
    w.createTheme("Waiting", "c2");
    return w;
  }

  private static final Actor SAM = new Actor("p2", Role.PARTICIPANT);

  @Test
  @DisplayName("the default is facilitators")
  void defaultIsFacilitators() {
    assertThat(Settings.DEFAULTS.themeEditing()).isEqualTo(ThemeEditing.FACILITATORS);
    assertThat(ThemeEditing.FACILITATORS.wire()).isEqualTo("facilitators");
    assertThat(ThemeEditing.fromWire("everyone")).isEqualTo(ThemeEditing.EVERYONE);
    assertThat(ThemeEditing.fromWire("Everyone")).isNull();
  }

  @Test
  @DisplayName("with facilitators, a participant's rename, merge and delete are FORBIDDEN with a plain message; nothing changes")
  void participantsForbidden() {
    Scenario w = grouping(ThemeEditing.FACILITATORS);
    WorkshopState before = w.state();

    for (Command cmd : List.of(new Command.ThemeRename("t1", "People"), new Command.ThemeDelete("t1"),
        new Command.ThemeMerge(List.of("t1", "t2"), "Both"))) {
      Rejection r = w.rejected(cmd, SAM);
      assertThat(r.code()).as("%s", cmd).isEqualTo(Code.FORBIDDEN);
      assertThat(r.message()).as("%s", cmd).isEqualTo(ONLY_FACILITATOR);
    }
    assertThat(w.state()).isSameAs(before);
  }

  @Test
  @DisplayName("with facilitators, participants still create themes and move posts where the phase allows grouping")
  void participantsStillGroup() {
    Scenario w = grouping(ThemeEditing.FACILITATORS);

    String mine = (String) w.accepted(new Command.ThemeCreate("Mine", List.of("c1")), SAM).result().get("id");
    w.accepted(new Command.ContributionMove("c2", mine), SAM);

    assertThat(w.theme(mine).contributionIds()).containsExactly("c1", "c2");
    w.assertGroupingConsistent();
  }

  @Test
  @DisplayName("with facilitators, the facilitator renames, merges and deletes as before")
  void facilitatorsMay() {
    Scenario w = grouping(ThemeEditing.FACILITATORS);

    w.accepted(new Command.ThemeRename("t1", "People"), FACILITATOR);
    w.accepted(new Command.ThemeMerge(List.of("t1", "t2"), "Both"), FACILITATOR);
    w.accepted(new Command.ThemeDelete("t3"), FACILITATOR);

    assertThat(w.state().themes()).isEmpty();
  }

  @Test
  @DisplayName("with everyone, a participant renames, merges and deletes where grouping is open")
  void everyoneMay() {
    Scenario w = grouping(ThemeEditing.EVERYONE);

    w.accepted(new Command.ThemeRename("t1", "People"), SAM);
    assertThat(w.theme("t1").label()).isEqualTo("People");
    Decision merged = w.accepted(new Command.ThemeMerge(List.of("t1", "t2"), "Both"), SAM);
    assertThat(((Decision.Accepted) merged).events()).allSatisfy(e -> assertThat(e.by()).isEqualTo("p2"));
    w.accepted(new Command.ThemeDelete("t3"), SAM);

    assertThat(w.state().themes()).isEmpty();
    assertThat(w.contribution("c1").themeId()).as("deleting a theme never loses a post").isNull();
  }

  @Test
  @DisplayName("with everyone, where grouping is closed a participant's rename, merge and delete are PHASE_CLOSED")
  void everyoneButPhaseClosed() {
    Scenario w = grouping(ThemeEditing.EVERYONE);
    w.inPhase(0);

    for (Command cmd : List.of(new Command.ThemeRename("t1", "People"), new Command.ThemeDelete("t1"),
        new Command.ThemeMerge(List.of("t1", "t2"), "Both"))) {
      assertThat(w.rejected(cmd, SAM).code()).as("%s", cmd).isEqualTo(Code.PHASE_CLOSED);
    }
  }

  @Test
  @DisplayName("workshop.update changes it either way, and the state's settings show it")
  void changedByUpdate() {
    Scenario w = grouping(ThemeEditing.FACILITATORS);
    SettingsPatch everyone = new SettingsPatch(null, null, null, null, null, null, null, null, ThemeEditing.EVERYONE);

    Decision.Accepted a = w.accepted(new Command.WorkshopUpdate(null, everyone), FACILITATOR);

    assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.event())
        .isInstanceOfSatisfying(Event.WorkshopUpdated.class,
            u -> assertThat(u.settings().themeEditing()).isEqualTo(ThemeEditing.EVERYONE)));
    assertThat(w.state().settings().themeEditing()).isEqualTo(ThemeEditing.EVERYONE);
    w.accepted(new Command.ThemeRename("t1", "People"), SAM);

    w.accepted(new Command.WorkshopUpdate(null,
        new SettingsPatch(null, null, null, null, null, null, null, null, ThemeEditing.FACILITATORS)), FACILITATOR);
    assertThat(w.rejected(new Command.ThemeRename("t1", "Again"), SAM).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.accepted(new Command.WorkshopUpdate(null,
        new SettingsPatch(null, null, null, null, null, null, null, null, ThemeEditing.FACILITATORS)), FACILITATOR).events())
        .as("setting it to what it is changes nothing").isEmpty();
  }

  @Test
  @DisplayName("only facilitators change the setting: a participant's workshop.update is FORBIDDEN")
  void onlyFacilitatorsChangeIt() {
    Scenario w = grouping(ThemeEditing.FACILITATORS);

    assertThat(w.rejected(new Command.WorkshopUpdate(null,
        new SettingsPatch(null, null, null, null, null, null, null, null, ThemeEditing.EVERYONE)), SAM).code())
        .isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("settings stored before the setting existed read as facilitators")
  void storedWithout() {
    Settings old = new Settings(Settings.Anonymity.OPTIONAL, 5, 500, StakeholderGroup.DEFAULTS, 3, false, 30, false, null);

    assertThat(old.themeEditing()).isEqualTo(ThemeEditing.FACILITATORS);
  }
}
