package org.commonground.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.commonground.workshop.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What people post, and the language a screen reader should read it in. */
class WelshOrEnglishTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Roedd y gofal yn y cartref yn hwyr yn dechrau ar ôl i Mam ddod adref o'r ysbyty.",
      "Doedd neb wedi dweud wrthon ni pryd roedd Dad yn cael gadael y ward.",
      "Mae angen mwy o gefnogaeth ar ofalwyr",
      "Hoffwn i siarad Cymraeg gyda'r nyrsys",
      "Diolch yn fawr",
      "Gofal cartref",
      "Diolch"})
  @DisplayName("Welsh is found in Welsh posts, long and short")
  void welsh(String text) {
    assertThat(WelshOrEnglish.detect(text)).isEqualTo(Lang.CY);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Care agency did not start until three days after Mum came home from hospital.",
      "Nobody told us when Dad was being discharged",
      "Staff in slippers",
      "I agree",
      "tea!!"})
  @DisplayName("English is found in English posts, long and short")
  void english(String text) {
    assertThat(WelshOrEnglish.detect(text)).isEqualTo(Lang.EN);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"ok", "te", "+1", "!!!", "", "  ", "Diolch for the tea", "no jargon pls", "cosy"})
  @DisplayName("too short, no letters, or half and half: not known, so nobody is read in the wrong voice")
  void unsure(String text) {
    assertThat(WelshOrEnglish.detect(text)).isNull();
  }

  @Test
  @DisplayName("a single word needs a clearer lead than a sentence")
  void oneWordNeedsAClearLead() {
    Map<Lang, Double> close = Map.of(Lang.CY, 1.0, Lang.EN, 0.85);
    assertThat(WelshOrEnglish.decide(close, true)).isNull();
    assertThat(WelshOrEnglish.decide(close, false)).isEqualTo(Lang.CY);
    assertThat(WelshOrEnglish.decide(Map.of(Lang.CY, 0.0, Lang.EN, 0.0), false)).isNull();
    assertThat(WelshOrEnglish.decide(Map.of(Lang.CY, 0.5, Lang.EN, 1.0), true)).isEqualTo(Lang.EN);
  }

  @Test
  @DisplayName("words are counted with Welsh apostrophes and hyphens inside them")
  void counting() {
    assertThat(WelshOrEnglish.words("Rwy'n cytuno")).isEqualTo(2);
    assertThat(WelshOrEnglish.words("cyd-gynhyrchu")).isEqualTo(1);
    assertThat(WelshOrEnglish.enoughLetters("te!!")).isFalse();
    assertThat(WelshOrEnglish.enoughLetters("  tea")).isTrue();
    assertThat(WelshOrEnglish.enoughLetters(null)).isFalse();
  }
}
