package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.Map;
import org.commonground.workshop.Decision.Accepted;
import org.commonground.workshop.Event.WorkshopUpdated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeping someone out: joining can be locked, and the join code replaced. */
@DisplayName("Locking joining and a new join code")
class JoinCodeTest {
  private static final Actor JOINING = new Actor("joining", Role.PARTICIPANT);

  private static Command.WorkshopUpdate locked(boolean on) {
    return new Command.WorkshopUpdate(null, new SettingsPatch(null, null, null, null, null, null, null, on, null));
  }

  private static Command.Join joinWith(String code) {
    return new Command.Join("Kim", null, Role.PARTICIPANT, code);
  }

  @Test
  @DisplayName("while joining is locked nobody new gets in (LOCKED, in plain words); unlocked, they do")
  void lockedJoining() {
    Scenario w = Scenario.workshop().started();
    w.join("Sam");

    Accepted lock = w.accepted(locked(true), FACILITATOR);

    assertThat(((WorkshopUpdated) lock.events().get(0).event()).settings().joiningLocked()).isTrue();
    Rejection r = w.rejected(joinWith(Scenario.JOIN_CODE), JOINING);
    assertThat(r.code()).isEqualTo(Code.LOCKED);
    assertThat(r.message()).isEqualTo("This workshop is not letting new people join just now. Ask the facilitator.");
    assertThat(w.state().participantCount()).isEqualTo(1);

    w.accepted(locked(false), FACILITATOR);
    assertThat(w.accepted(joinWith(Scenario.JOIN_CODE), JOINING).result()).containsEntry("participantId", "p3");
  }

  @Test
  @DisplayName("a lock keeps out participants only: a facilitator can still add a co-facilitator")
  void lockLetsCoFacilitatorsIn() {
    Scenario w = Scenario.workshop();
    w.accepted(locked(true), FACILITATOR);

    assertThat(w.addCoFacilitator("Priya").role()).isEqualTo(Role.FACILITATOR);
  }

  @Test
  @DisplayName("participants cannot lock or unlock joining")
  void onlyFacilitatorsLock() {
    Scenario w = Scenario.workshop();
    Actor sam = w.join("Sam");

    assertThat(w.rejected(locked(true), sam).code()).isEqualTo(Code.FORBIDDEN);
  }

  @Test
  @DisplayName("a new code replaces the old one: the event carries it, and the result names the code replaced")
  void newCode() {
    Scenario w = Scenario.workshop().started();

    Accepted a = w.accepted(new Command.NewJoinCode("XYZ789"), FACILITATOR);

    assertThat(a.events()).singleElement().isEqualTo(new Emitted("p1", new WorkshopUpdated(Scenario.WORKSHOP_ID,
        "Shaping our crisis service", "XYZ789", WorkshopState.Status.RUNNING, Settings.DEFAULTS)));
    assertThat(a.result()).isEqualTo(Map.of("joinCode", "XYZ789", "replaced", Scenario.JOIN_CODE));
    assertThat(w.state().joinCode()).isEqualTo("XYZ789");
  }

  @Test
  @DisplayName("the old code opens nothing the moment the new one is in force (NOT_FOUND); the new one works")
  void oldCodeStopsAtOnce() {
    Scenario w = Scenario.workshop().started();
    w.accepted(new Command.NewJoinCode("XYZ789"), FACILITATOR);

    Rejection r = w.rejected(joinWith(Scenario.JOIN_CODE), JOINING);
    assertThat(r.code()).isEqualTo(Code.NOT_FOUND);
    assertThat(r.message()).contains("check it with the facilitator");
    assertThat(w.accepted(joinWith("XYZ789"), JOINING).events()).hasSize(1);
  }

  @Test
  @DisplayName("only facilitators get a new code; after the end a facilitator still may, to switch the old one off")
  void whoAndWhen() {
    Scenario w = Scenario.workshop().started();
    Actor sam = w.join("Sam");

    assertThat(w.rejected(new Command.NewJoinCode("XYZ789"), sam).code()).isEqualTo(Code.FORBIDDEN);
    w.ended();
    w.accepted(new Command.NewJoinCode("XYZ789"), FACILITATOR);
    assertThat(w.state().joinCode()).isEqualTo("XYZ789");
    assertThat(w.state().status()).isEqualTo(WorkshopState.Status.ENDED);
  }

  @Test
  @DisplayName("a code that is not 6 capital letters and digits is refused when the command is built")
  void codeShape() {
    assertThatThrownBy(() -> new Command.NewJoinCode(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.NewJoinCode("abc234")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.NewJoinCode("ABC-234")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a replica that folds the log ends with the new code (every node agrees on it)")
  void foldKeepsTheNewCode() {
    Scenario w = Scenario.workshop();
    w.accepted(new Command.NewJoinCode("XYZ789"), FACILITATOR);
    w.accepted(new Command.WorkshopUpdate("Renamed", null), FACILITATOR);

    WorkshopState rebuilt = Scenario.fold(Scenario.workshop().state(), w.log());
    assertThat(rebuilt.joinCode()).isEqualTo("XYZ789");
    assertThat(rebuilt.title()).isEqualTo("Renamed");
  }
}
