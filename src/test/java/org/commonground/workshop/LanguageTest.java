package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.workshop.Scenario.FACILITATOR;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A workshop in Welsh or English: its agenda's words, the ladder poll, and the language each post was found in. */
class LanguageTest {

  private static Settings inWelsh() {
    return SettingsPatch.NONE.withLang(Lang.CY).applyTo(Settings.DEFAULTS);
  }

  @Nested
  @DisplayName("built-in agendas")
  class Agendas {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Lang.class)
    @DisplayName("every part of every built-in agenda has a plain name and a prompt saying what to write")
    void everyPartHasAPrompt(Lang lang) {
      for (String name : List.of("icic-3-phase", "reflective-practice")) {
        for (PhaseDef p : Templates.named(name, lang).orElseThrow()) {
          assertThat(p.title()).as(name).isNotBlank().doesNotContain("Transformational", "dilemma", "Check-in");
          assertThat(p.prompt()).as(name + " " + p.title()).isNotBlank().matches("(?s).*[.?]");
          // Short sentences, for a reading age of 9 to 11.
          for (String sentence : p.prompt().split("[.?] ")) {
            assertThat(sentence.split(" ")).as(sentence).hasSizeLessThanOrEqualTo(16);
          }
        }
      }
    }

    @Test
    @DisplayName("in Welsh the same agenda has Welsh words, the same times and the same permissions")
    void welshIsTheSameAgenda() {
      for (String name : List.of("icic-3-phase", "reflective-practice")) {
        List<PhaseDef> en = Templates.named(name, Lang.EN).orElseThrow();
        List<PhaseDef> cy = Templates.named(name, Lang.CY).orElseThrow();
        assertThat(cy).extracting(PhaseDef::minutes).isEqualTo(en.stream().map(PhaseDef::minutes).toList());
        assertThat(cy).extracting(PhaseDef::allow).isEqualTo(en.stream().map(PhaseDef::allow).toList());
        for (int i = 0; i < en.size(); i++) {
          assertThat(cy.get(i).title()).isNotEqualTo(en.get(i).title());
          assertThat(cy.get(i).prompt()).isNotEqualTo(en.get(i).prompt());
        }
      }
      assertThat(Templates.named("icic-3-phase", Lang.CY).orElseThrow().get(0).prompt())
          .isEqualTo("Beth sydd bwysicaf i chi am bwnc heddiw? Ysgrifennwch un syniad ar y tro.");
    }

    @Test
    @DisplayName("the creator is the Facilitator in English and the Hwylusydd in Welsh")
    void facilitatorName() {
      assertThat(Templates.facilitatorName(Lang.EN)).isEqualTo("Facilitator");
      assertThat(Templates.facilitatorName(Lang.CY)).isEqualTo("Hwylusydd");
    }
  }

  @Nested
  @DisplayName("the ladder poll")
  class LadderPoll {
    @Test
    @DisplayName("asks in the workshop's language when no language is given")
    void workshopLanguage() {
      Scenario w = Scenario.workshop(inWelsh()).started();
      w.accepted(new Command.PollLadder(null), FACILITATOR);

      Poll p = w.state().polls().get("q1");
      assertThat(p.question()).isEqualTo(
          "Faint o lais sydd gan bobl fel chi yn y penderfyniadau sy'n cael eu gwneud yma?");
      assertThat(p.options()).hasSize(7).first().asString().startsWith("Gorfodi: ");
      assertThat(p.options().get(6)).startsWith("Cyd-gynhyrchu: ");
    }

    @Test
    @DisplayName("asks in the language the facilitator chose, whatever the workshop's")
    void chosenLanguage() {
      Scenario w = Scenario.workshop().started();
      w.accepted(new Command.PollLadder(Lang.CY), FACILITATOR);
      w.accepted(new Command.PollLadder(Lang.EN), FACILITATOR);

      assertThat(w.state().polls().get("q1").options().get(3))
          .isEqualTo("Ymgynghori: maen nhw'n gofyn beth rydyn ni'n ei feddwl, ond nhw sy'n penderfynu");
      assertThat(w.state().polls().get("q2").options().get(3))
          .isEqualTo("Consulting: we are asked what we think, but they decide");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Lang.class)
    @DisplayName("every rung is its name and one short line, bottom to top, within a poll option's length")
    void rungsExplained(Lang lang) {
      assertThat(Ladder.rungs(lang)).hasSize(7).allSatisfy(rung -> {
        assertThat(rung).contains(": ").hasSizeLessThanOrEqualTo(120);
        assertThat(rung.substring(rung.indexOf(": ") + 2).split(" ")).hasSizeLessThanOrEqualTo(14);
      });
      assertThat(Ladder.question(lang)).doesNotContain("organisation", "sefydliad");
    }

    @Test
    @DisplayName("a participant cannot open it")
    void facilitatorsOnly() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      assertThat(w.rejected(new Command.PollLadder(Lang.CY), sam).code()).isEqualTo(Code.FORBIDDEN);
    }
  }

  @Nested
  @DisplayName("contributions")
  class Contributions {
    @Test
    @DisplayName("carry the language found for their words, and an edit carries the new words' language")
    void postedAndEdited() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      Decision.Accepted added = w.accepted(new Command.AddContribution(
          "Doedd dim gofal yn y cartref am wythnos ar ôl gadael yr ysbyty.", Kind.IDEA, null, null, null, Lang.CY), sam);
      String id = (String) added.result().get("id");
      assertThat(((Event.ContributionAdded) added.events().get(0).event()).contribution().lang()).isEqualTo(Lang.CY);
      assertThat(w.contribution(id).lang()).isEqualTo(Lang.CY);

      w.accepted(new Command.EditContribution(id, "No care at home for a week after leaving hospital.", Lang.EN), sam);
      assertThat(w.contribution(id).lang()).isEqualTo(Lang.EN);
      w.accepted(new Command.EditContribution(id, "ok", null), sam);
      assertThat(w.contribution(id).lang()).as("too short to tell").isNull();
    }

    @Test
    @DisplayName("reacting, hiding and unhiding keep the language")
    void keptThroughChanges() {
      Scenario w = Scenario.workshop().started();
      Actor sam = w.join("Sam");
      String id = (String) w.accepted(new Command.AddContribution("Diolch am y te a'r bisgedi", null, null, null, null,
          Lang.CY), sam).result().get("id");
      w.accepted(new Command.ToggleReaction(id, "heart"), FACILITATOR);
      w.accepted(new Command.HideContribution(id, null), FACILITATOR);
      w.accepted(new Command.UnhideContribution(id), FACILITATOR);
      assertThat(w.contribution(id).lang()).isEqualTo(Lang.CY);
    }
  }

  @Test
  @DisplayName("a workshop's language is a setting: English unless chosen, and workshop.update may change it")
  void workshopLanguageSetting() {
    Scenario w = Scenario.workshop();
    assertThat(w.state().settings().lang()).isEqualTo(Lang.EN);
    w.accepted(new Command.WorkshopUpdate(null, SettingsPatch.NONE.withLang(Lang.CY)), FACILITATOR);
    assertThat(w.state().settings().lang()).isEqualTo(Lang.CY);
    w.accepted(new Command.WorkshopUpdate(null, new SettingsPatch(null, 3, null, null, null, null, null, null, null)), FACILITATOR);
    assertThat(w.state().settings().lang()).as("another setting changed leaves the language").isEqualTo(Lang.CY);
  }
}
