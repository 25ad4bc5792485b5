package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.workshop.Code;
import org.commonground.workshop.Lang;
import org.commonground.workshop.PhaseDef;
import org.commonground.workshop.StakeholderGroup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/workshops} with a language and a facilitator name. */
class CreationLanguageTest {
  private static WorkshopSpecs.Spec parse(String body) { return WorkshopSpecs.parse(Json.parseObject(body)); }

  @Test
  @DisplayName("with no lang the workshop is in English and its creator is the Facilitator")
  void english() {
    WorkshopSpecs.Spec s = parse("{\"title\":\"Going home from hospital\"}");
    assertThat(s.settings().lang()).isEqualTo(Lang.EN);
    assertThat(s.facilitatorName()).isEqualTo("Facilitator");
    assertThat(s.phases().get(0).title()).isEqualTo("Getting started");
  }

  @Test
  @DisplayName("lang cy: the template's parts, prompts, stakeholder groups and the creator's name are in Welsh")
  void welsh() {
    WorkshopSpecs.Spec s = parse("{\"title\":\"Mynd adref o'r ysbyty\",\"lang\":\"cy\",\"template\":\"reflective-practice\"}");
    assertThat(s.settings().lang()).isEqualTo(Lang.CY);
    assertThat(s.facilitatorName()).isEqualTo("Hwylusydd");
    assertThat(s.phases()).extracting(PhaseDef::title).containsExactly("Dweud helo", "Rhannu sefyllfa anodd",
        "Meddwl amdano gyda'n gilydd", "Beth ddysgon ni, a hwyl fawr");
    assertThat(s.settings().stakeholderGroups()).extracting(StakeholderGroup::label).contains("Gofalwyr a theulu");
  }

  @Test
  @DisplayName("settings.lang says the same as lang; given both, they must agree")
  void settingsLang() {
    assertThat(parse("{\"title\":\"t\",\"settings\":{\"lang\":\"cy\"}}").phases().get(0).title()).isEqualTo("Dechrau arni");
    assertThat(parse("{\"title\":\"t\",\"lang\":\"CY\",\"settings\":{\"lang\":\"cy\"}}").settings().lang()).isEqualTo(Lang.CY);
    assertInvalid("{\"title\":\"t\",\"lang\":\"en\",\"settings\":{\"lang\":\"cy\"}}");
  }

  @Test
  @DisplayName("custom phases keep their own words in either language")
  void customPhases() {
    WorkshopSpecs.Spec s = parse("{\"title\":\"t\",\"lang\":\"cy\",\"phases\":[{\"title\":\"Croeso\",\"minutes\":5}]}");
    assertThat(s.phases()).extracting(PhaseDef::title).containsExactly("Croeso");
  }

  @Test
  @DisplayName("a facilitatorName given is used, trimmed; a blank one is the default")
  void facilitatorName() {
    assertThat(parse("{\"title\":\"t\",\"facilitatorName\":\"  Rhiannon  \"}").facilitatorName()).isEqualTo("Rhiannon");
    assertThat(parse("{\"title\":\"t\",\"lang\":\"cy\",\"facilitatorName\":\" \"}").facilitatorName()).isEqualTo("Hwylusydd");
    assertThat(parse("{\"title\":\"t\",\"facilitatorName\":\"" + "n".repeat(80) + "\"}").facilitatorName()).hasSize(80);
    assertInvalid("{\"title\":\"t\",\"facilitatorName\":\"" + "n".repeat(81) + "\"}");
    assertInvalid("{\"title\":\"t\",\"facilitatorName\":7}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"title\":\"t\",\"lang\":\"fr\"}", "{\"title\":\"t\",\"lang\":\"\"}", "{\"title\":\"t\",\"lang\":1}",
      "{\"title\":\"t\",\"settings\":{\"lang\":\"welsh\"}}"})
  @DisplayName("a language other than en or cy is INVALID")
  void badLang(String body) {
    assertInvalid(body);
  }

  private static void assertInvalid(String body) {
    assertThatThrownBy(() -> parse(body)).isInstanceOf(ProtocolException.class)
        .satisfies(e -> assertThat(((ProtocolException) e).code()).isEqualTo(Code.INVALID));
  }
}
