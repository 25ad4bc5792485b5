package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.workshop.Allow.CONTRIBUTE;
import static org.commonground.workshop.Allow.GROUP;
import static org.commonground.workshop.Allow.HAND;
import static org.commonground.workshop.Allow.POLL;
import static org.commonground.workshop.Allow.REACT;
import static org.commonground.workshop.Allow.VOTE;

import java.util.List;
import java.util.Set;
import org.commonground.workshop.Allow;
import org.commonground.workshop.Code;
import org.commonground.workshop.PhaseDef;
import org.commonground.workshop.Settings;
import org.commonground.workshop.StakeholderGroup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Reading a new workshop's definition (POST /api/workshops)")
class WorkshopSpecsTest {

  private static WorkshopSpecs.Spec parse(String body) {
    return WorkshopSpecs.parse(Json.parseObject(body));
  }

  private static void assertInvalid(String body) {
    assertThatThrownBy(() -> parse(body))
        .as("body %s", body)
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID));
  }

  @Test
  @DisplayName("with only a title, the workshop gets the icic-3-phase agenda and default settings")
  void titleOnly() {
    WorkshopSpecs.Spec s = parse("{\"title\":\"  Shaping our crisis service  \"}");

    assertThat(s.title()).isEqualTo("Shaping our crisis service");
    assertThat(s.phases()).extracting(PhaseDef::title)
        .containsExactly("Getting started", "Sharing ideas", "Choosing what matters most");
    assertThat(s.settings()).isEqualTo(Settings.DEFAULTS);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{}", "{\"title\":\"\"}", "{\"title\":\"   \"}", "{\"title\":null}", "{\"title\":42}"})
  @DisplayName("a missing, empty or non-text title is INVALID")
  void badTitle(String body) {
    assertInvalid(body);
  }

  @Test
  @DisplayName("a title of 200 characters is fine, 201 is INVALID")
  void titleLength() {
    assertThat(parse("{\"title\":\"" + "t".repeat(200) + "\"}").title()).hasSize(200);
    assertInvalid("{\"title\":\"" + "t".repeat(201) + "\"}");
  }

  @Nested
  @DisplayName("templates")
  class TemplateAgendas {

    @Test
    @DisplayName("icic-3-phase: 10/30/20 minutes; contribute, react, hand, poll; then group; then group and vote")
    void icic() {
      List<PhaseDef> p = parse("{\"title\":\"t\",\"template\":\"icic-3-phase\"}").phases();

      assertThat(p).extracting(PhaseDef::index).containsExactly(0, 1, 2);
      assertThat(p).extracting(PhaseDef::minutes).containsExactly(10, 30, 20);
      assertThat(p.get(0).title()).isEqualTo("Getting started");
      assertThat(p.get(0).allow()).containsExactlyInAnyOrder(CONTRIBUTE, REACT, HAND, POLL);
      assertThat(p.get(1).title()).isEqualTo("Sharing ideas");
      assertThat(p.get(1).allow()).containsExactlyInAnyOrder(CONTRIBUTE, REACT, HAND, POLL, GROUP);
      assertThat(p.get(2).title()).isEqualTo("Choosing what matters most");
      assertThat(p.get(2).allow()).containsExactlyInAnyOrder(CONTRIBUTE, REACT, HAND, POLL, GROUP, VOTE);
    }

    @Test
    @DisplayName("reflective-practice: four phases, everything but voting in each")
    void reflective() {
      List<PhaseDef> p = parse("{\"title\":\"t\",\"template\":\"reflective-practice\"}").phases();

      assertThat(p).extracting(PhaseDef::title)
          .containsExactly("Saying hello", "Sharing a hard situation", "Thinking it through together",
              "What we learned, and goodbye");
      assertThat(p).extracting(PhaseDef::index).containsExactly(0, 1, 2, 3);
      assertThat(p).allSatisfy(phase ->
          assertThat(phase.allow()).containsExactlyInAnyOrder(CONTRIBUTE, GROUP, REACT, POLL, HAND));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"title\":\"t\",\"template\":\"icic\"}", "{\"title\":\"t\",\"template\":\"\"}",
        "{\"title\":\"t\",\"template\":\"ICIC-3-PHASE\"}", "{\"title\":\"t\",\"template\":3}"})
    @DisplayName("an unknown template is INVALID")
    void unknownTemplate(String body) {
      assertInvalid(body);
    }

    @Test
    @DisplayName("giving both a template and phases is INVALID")
    void both() {
      assertInvalid("{\"title\":\"t\",\"template\":\"icic-3-phase\",\"phases\":[{\"title\":\"A\",\"minutes\":5}]}");
    }

    @Test
    @DisplayName("a template with phases:null uses the template")
    void templateWithNullPhases() {
      assertThat(parse("{\"title\":\"t\",\"template\":\"reflective-practice\",\"phases\":null}").phases()).hasSize(4);
    }
  }

  @Nested
  @DisplayName("custom phases")
  class CustomPhases {

    @Test
    @DisplayName("custom phases keep title, minutes, prompt and allow; without allow, all but vote")
    void custom() {
      List<PhaseDef> p = parse("{\"title\":\"t\",\"phases\":["
          + "{\"title\":\" Welcome \",\"minutes\":5,\"prompt\":\"What brought you here?\"},"
          + "{\"title\":\"Vote\",\"minutes\":0,\"allow\":[\"vote\",\"hand\"]},"
          + "{\"title\":\"Silence\",\"minutes\":3,\"allow\":[],\"prompt\":\"  \"}]}").phases();

      assertThat(p).hasSize(3);
      assertThat(p.get(0)).isEqualTo(new PhaseDef(0, "Welcome", 5, "What brought you here?", Allow.defaults()));
      assertThat(p.get(0).allow()).doesNotContain(VOTE).hasSize(5);
      assertThat(p.get(1)).isEqualTo(new PhaseDef(1, "Vote", 0, null, Set.of(VOTE, HAND)));
      assertThat(p.get(2).allow()).isEmpty();
      assertThat(p.get(2).prompt()).as("a blank prompt is none").isNull();
    }

    @Test
    @DisplayName("20 phases are fine")
    void twentyPhases() {
      assertThat(parse(body(20)).phases()).hasSize(20).last().extracting(PhaseDef::index).isEqualTo(19);
    }

    private static String body(int phases) {
      StringBuilder b = new StringBuilder("{\"title\":\"t\",\"phases\":[");
      for (int i = 0; i < phases; i++) b.append(i == 0 ? "" : ",").append("{\"title\":\"P").append(i)
          .append("\",\"minutes\":1}");
      return b.append("]}").toString();
    }

    @Test
    @DisplayName("21 phases are INVALID")
    void twentyOnePhases() {
      assertInvalid(body(21));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"title\":\"t\",\"phases\":[]}",
        "{\"title\":\"t\",\"phases\":{\"title\":\"A\",\"minutes\":5}}",
        "{\"title\":\"t\",\"phases\":\"icic-3-phase\"}",
        "{\"title\":\"t\",\"phases\":[\"A\"]}",
        "{\"title\":\"t\",\"phases\":[{\"title\":\"A\"}]}",
        "{\"title\":\"t\",\"phases\":[{\"minutes\":5}]}",
        "{\"title\":\"t\",\"phases\":[{\"title\":\"\",\"minutes\":5}]}",
        "{\"title\":\"t\",\"phases\":[{\"title\":\"A\",\"minutes\":-1}]}",
        "{\"title\":\"t\",\"phases\":[{\"title\":\"A\",\"minutes\":1441}]}",
        "{\"title\":\"t\",\"phases\":[{\"title\":\"A\",\"minutes\":\"5\"}]}",
        "{\"title\":\"t\",\"phases\":[{\"title\":\"A\",\"minutes\":2.5}]}",
        "{\"title\":\"t\",\"phases\":[{\"title\":\"A\",\"minutes\":5,\"allow\":\"vote\"}]}",
        "{\"title\":\"t\",\"phases\":[{\"title\":\"A\",\"minutes\":5,\"allow\":[\"dance\"]}]}",
        "{\"title\":\"t\",\"phases\":[{\"title\":\"A\",\"minutes\":5,\"allow\":[\"VOTE\"]}]}",
        "{\"title\":\"t\",\"phases\":[{\"title\":\"A\",\"minutes\":5,\"allow\":[1]}]}",
        "{\"title\":\"t\",\"phases\":[{\"title\":\"A\",\"minutes\":5,\"prompt\":7}]}"})
    @DisplayName("phases that are not a list of {title, minutes 0..1440, prompt?, allow?} are INVALID")
    void badPhases(String body) {
      assertInvalid(body);
    }
  }

  @Nested
  @DisplayName("settings")
  class SettingsRules {

    @Test
    @DisplayName("given settings are merged into the defaults; unknown fields are ignored")
    void merged() {
      Settings s = parse("{\"title\":\"t\",\"settings\":{\"anonymity\":\"always\",\"votesPerParticipant\":3,"
          + "\"confidential\":true,\"colour\":\"teal\"}}").settings();

      assertThat(s.anonymity()).isEqualTo(Settings.Anonymity.ALWAYS);
      assertThat(s.votesPerParticipant()).isEqualTo(3);
      assertThat(s.confidential()).isTrue();
      assertThat(s.maxParticipants()).isEqualTo(500);
      assertThat(s.minGroupSize()).isEqualTo(3);
      assertThat(s.retentionDays()).isEqualTo(30);
      assertThat(s.stakeholderGroups()).isEqualTo(StakeholderGroup.DEFAULTS);
    }

    @Test
    @DisplayName("the defaults are optional anonymity, 5 votes, 500 people, the five groups, min group 3, 30 days")
    void defaults() {
      Settings s = parse("{\"title\":\"t\",\"settings\":{}}").settings();

      assertThat(s).isEqualTo(Settings.DEFAULTS);
      assertThat(s.anonymity()).isEqualTo(Settings.Anonymity.OPTIONAL);
      assertThat(s.votesPerParticipant()).isEqualTo(5);
      assertThat(s.maxParticipants()).isEqualTo(500);
      assertThat(s.minGroupSize()).isEqualTo(3);
      assertThat(s.confidential()).isFalse();
      assertThat(s.retentionDays()).isEqualTo(30);
      assertThat(s.stakeholderGroups()).extracting(StakeholderGroup::id).containsExactly(
          "experts-by-experience", "carers", "professionals", "community", "commissioners");
      assertThat(s.stakeholderGroups()).extracting(StakeholderGroup::label).containsExactly(
          "Experts by experience", "Carers and family", "Professionals", "Community and public",
          "Commissioners and leaders");
    }

    @Test
    @DisplayName("settings:null is the defaults")
    void nullSettings() {
      assertThat(parse("{\"title\":\"t\",\"settings\":null}").settings()).isEqualTo(Settings.DEFAULTS);
    }

    @Test
    @DisplayName("votesPerParticipant 1 and 20 are the limits")
    void voteLimits() {
      assertThat(parse("{\"title\":\"t\",\"settings\":{\"votesPerParticipant\":1}}").settings().votesPerParticipant())
          .isEqualTo(1);
      assertThat(parse("{\"title\":\"t\",\"settings\":{\"votesPerParticipant\":20}}").settings().votesPerParticipant())
          .isEqualTo(20);
    }

    @Test
    @DisplayName("custom stakeholder groups replace the defaults")
    void customGroups() {
      Settings s = parse("{\"title\":\"t\",\"settings\":{\"stakeholderGroups\":["
          + "{\"id\":\"staff\",\"label\":\"Staff\"},{\"id\":\"patients\",\"label\":\"Patients\"}]}}").settings();

      assertThat(s.stakeholderGroups()).containsExactly(
          new StakeholderGroup("staff", "Staff"), new StakeholderGroup("patients", "Patients"));
      assertThat(s.hasGroup("staff")).isTrue();
      assertThat(s.hasGroup("carers")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"votesPerParticipant\":0}",
        "{\"votesPerParticipant\":21}",
        "{\"votesPerParticipant\":-5}",
        "{\"votesPerParticipant\":\"5\"}",
        "{\"votesPerParticipant\":5.5}",
        "{\"votesPerParticipant\":99999999999}",
        "{\"maxParticipants\":0}",
        "{\"maxParticipants\":10001}",
        "{\"minGroupSize\":0}",
        "{\"retentionDays\":0}",
        "{\"retentionDays\":3651}",
        "{\"anonymity\":\"sometimes\"}",
        "{\"anonymity\":\"ALWAYS\"}",
        "{\"anonymity\":true}",
        "{\"confidential\":\"yes\"}",
        "{\"confidential\":1}",
        "{\"stakeholderGroups\":\"carers\"}",
        "{\"stakeholderGroups\":[\"carers\"]}",
        "{\"stakeholderGroups\":[{\"id\":\"a\"}]}",
        "{\"stakeholderGroups\":[{\"label\":\"A\"}]}",
        "{\"stakeholderGroups\":[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"a\",\"label\":\"B\"}]}"})
    @DisplayName("settings out of range or of the wrong type are INVALID")
    void badSettings(String settings) {
      assertInvalid("{\"title\":\"t\",\"settings\":" + settings + "}");
    }

    @Test
    @DisplayName("more than 20 stakeholder groups are INVALID")
    void tooManyGroups() {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < 21; i++) b.append(i == 0 ? "" : ",").append("{\"id\":\"g").append(i).append("\",\"label\":\"G\"}");
      assertInvalid("{\"title\":\"t\",\"settings\":{\"stakeholderGroups\":" + b + "]}}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"optional\"", "[]", "5"})
    @DisplayName("settings that are not an object are INVALID")
    void settingsNotObject(String settings) {
      assertInvalid("{\"title\":\"t\",\"settings\":" + settings + "}");
    }

    @Test
    @DisplayName("workshop.update-style merging keeps what the base had and changes only what is given")
    void mergeIntoBase() {
      Settings base = parse("{\"title\":\"t\",\"settings\":{\"anonymity\":\"never\",\"maxParticipants\":40}}")
          .settings();

      Settings merged = WorkshopSpecs.settings(base, new Args(Json.parseObject("{\"votesPerParticipant\":2}")));

      assertThat(merged.anonymity()).isEqualTo(Settings.Anonymity.NEVER);
      assertThat(merged.maxParticipants()).isEqualTo(40);
      assertThat(merged.votesPerParticipant()).isEqualTo(2);
      assertThat(WorkshopSpecs.settings(base, null)).isSameAs(base);
    }
  }
}
