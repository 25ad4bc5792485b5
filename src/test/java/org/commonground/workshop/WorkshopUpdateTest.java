package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import java.util.stream.Stream;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.WorkshopUpdated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("workshop.update (title and settings)")
class WorkshopUpdateTest {

  private static Command.WorkshopUpdate title(String t) { return new Command.WorkshopUpdate(t, null); }

  private static Command.WorkshopUpdate settings(SettingsPatch p) { return new Command.WorkshopUpdate(null, p); }

  private static SettingsPatch votes(int n) { return new SettingsPatch(null, n, null, null, null, null, null, null, null); }

  @Test
  @DisplayName("a facilitator renames the workshop; the event carries the whole workshop, settings unchanged")
  void rename() {
    Scenario w = Scenario.workshop().started();

    Accepted a = w.accepted(title("  Crisis care: next steps "), FACILITATOR);

    assertThat(a.events()).singleElement().isEqualTo(new Emitted("p1", new WorkshopUpdated(Scenario.WORKSHOP_ID,
        "Crisis care: next steps", Scenario.JOIN_CODE, WorkshopState.Status.RUNNING, Settings.DEFAULTS)));
    assertThat(w.state().title()).isEqualTo("Crisis care: next steps");
    assertThat(w.state().settings()).isEqualTo(Settings.DEFAULTS);
  }

  @Test
  @DisplayName("settings are merged: what is given changes, everything else keeps its value")
  void merge() {
    Scenario w = Scenario.workshop().started();

    w.accepted(settings(new SettingsPatch(Settings.Anonymity.ALWAYS, null, null, null, 5, true, null, null, null)), FACILITATOR);
    w.accepted(settings(votes(3)), FACILITATOR);

    Settings s = w.state().settings();
    assertThat(s.anonymity()).isEqualTo(Settings.Anonymity.ALWAYS);
    assertThat(s.minGroupSize()).isEqualTo(5);
    assertThat(s.confidential()).isTrue();
    assertThat(s.votesPerParticipant()).isEqualTo(3);
    assertThat(s.maxParticipants()).isEqualTo(500);
    assertThat(s.retentionDays()).isEqualTo(30);
    assertThat(s.stakeholderGroups()).isEqualTo(StakeholderGroup.DEFAULTS);
    assertThat(w.state().title()).isEqualTo("Shaping our crisis service");
  }

  @Test
  @DisplayName("title and settings can change together in one event")
  void both() {
    Scenario w = Scenario.workshop().started();

    Accepted a = w.accepted(new Command.WorkshopUpdate("New title", votes(7)), FACILITATOR);

    assertThat(a.events()).singleElement().satisfies(e -> assertThat(e.event()).isInstanceOfSatisfying(
        WorkshopUpdated.class, u -> {
          assertThat(u.title()).isEqualTo("New title");
          assertThat(u.settings().votesPerParticipant()).isEqualTo(7);
        }));
  }

  static Stream<SettingsPatch> invalidPatches() {
    return Stream.of(
        votes(0), votes(21),
        new SettingsPatch(null, null, 0, null, null, null, null, null, null),
        new SettingsPatch(null, null, null, null, 0, null, null, null, null),
        new SettingsPatch(null, null, null, null, null, null, 0, null, null),
        new SettingsPatch(null, null, null, List.of(new StakeholderGroup("a", "A"), new StakeholderGroup("a", "B")),
            null, null, null, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPatches")
  @DisplayName("an out-of-range setting is INVALID and nothing changes, not even the title sent with it")
  void invalid(SettingsPatch patch) {
    Scenario w = Scenario.workshop().started();
    WorkshopState before = w.state();

    assertThat(w.rejected(settings(patch), FACILITATOR).code()).isEqualTo(Code.INVALID);
    assertThat(w.rejected(new Command.WorkshopUpdate("Renamed", patch), FACILITATOR).code()).isEqualTo(Code.INVALID);
    assertThat(w.state()).isSameAs(before);
  }

  @Test
  @DisplayName("an update that changes nothing sends no event")
  void noChange() {
    Scenario w = Scenario.workshop().started();
    WorkshopState before = w.state();

    assertThat(w.accepted(title("Shaping our crisis service"), FACILITATOR).events()).isEmpty();
    assertThat(w.accepted(title("  Shaping our crisis service "), FACILITATOR).events()).isEmpty();
    assertThat(w.accepted(settings(votes(5)), FACILITATOR).events()).isEmpty();
    assertThat(w.accepted(settings(SettingsPatch.NONE), FACILITATOR).events()).isEmpty();
    assertThat(w.accepted(new Command.WorkshopUpdate(null, null), FACILITATOR).events()).isEmpty();
    assertThat(w.state()).isSameAs(before);
  }

  @Test
  @DisplayName("a blank or over-long title is refused when the command is built (INVALID)")
  void titleShape() {
    assertThatThrownBy(() -> title("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> title("t".repeat(201))).isInstanceOf(IllegalArgumentException.class);
    assertThat(title("t".repeat(200)).title()).hasSize(200);
  }

  @Test
  @DisplayName("participants cannot change the workshop: FORBIDDEN")
  void facilitatorsOnly() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");

    assertThat(w.rejected(title("Mine now"), sam).code()).isEqualTo(Code.FORBIDDEN);
    assertThat(w.rejected(settings(votes(20)), sam).code()).isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("an update in the lobby keeps the workshop in the lobby")
  void lobbyStaysLobby() {
    Scenario w = Scenario.workshop();

    Accepted a = w.accepted(title("Renamed early"), FACILITATOR);

    assertThat(((WorkshopUpdated) a.events().get(0).event()).status()).isEqualTo(WorkshopState.Status.LOBBY);
    assertThat(w.state().status()).isEqualTo(WorkshopState.Status.LOBBY);
    assertThat(w.state().phase().status()).isEqualTo(PhaseState.Status.PENDING);
  }

  @Test
  @DisplayName("new settings apply at once: a changed anonymity rule governs the next post")
  void appliesAtOnce() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");

    w.accepted(settings(new SettingsPatch(Settings.Anonymity.NEVER, null, null, null, null, null, null, null, null)), FACILITATOR);

    assertThat(w.rejected(new Command.AddContribution("hush", null, true, null, null), sam).code())
        .isEqualTo(Code.INVALID);
  }

  @Test
  @DisplayName("a bigger vote budget lets people who used theirs vote again")
  void biggerBudget() {
    Scenario w = Scenario.workshop(Scenario.settingsWithVotes(1)).inPhase(2);
    Actor sam = w.join("Sam");
    String id = w.post(sam, "x");
    w.accepted(new Command.VoteCast(id), sam);
    assertThat(w.rejected(new Command.VoteCast(id), sam).code()).isEqualTo(Code.LIMIT);

    w.accepted(settings(votes(3)), FACILITATOR);

    assertThat(w.accepted(new Command.VoteCast(id), sam).result()).containsEntry("remaining", 1);
  }
}
