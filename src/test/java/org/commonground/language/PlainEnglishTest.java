package org.commonground.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.workshop.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The short cut past the language models: it may only ever answer what the models would have. */
class PlainEnglishTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Care agency did not start until three days after Mum came home from hospital.",
      "Nobody told us when Dad was being discharged",
      "Nobody told us when Dad was being sent home from the ward.",
      "No care at home for a week after Mum left hospital.",
      "Meet people where they already are, at the GP surgery or the community cafe ~LTbdf. Peer support after "
          + "discharge made the difference for us.",
      "Can the paperwork wait till the morning?",
      "We never hear what happened to our ideas",
      "They wheel us out when the CQC visit"})
  @DisplayName("plainly English posts are answered English without the models, as the models answer them")
  void english(String text) {
    assertThat(PlainEnglish.is(text)).isTrue();
    assertThat(WelshOrEnglish.needsModel(text)).isFalse();
    assertThat(WelshOrEnglish.detect(text)).isEqualTo(Lang.EN);
    assertThat(WelshOrEnglish.askModels(text)).as("what the models say").isEqualTo(Lang.EN);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Roedd y gofal yn y cartref yn hwyr yn dechrau ar ôl i Mam ddod adref o'r ysbyty.",
      "Doedd neb wedi dweud wrthon ni pryd roedd Dad yn cael gadael y ward.",
      "Doedd dim gofal yn y cartref am wythnos ar ol i Mam adael yr ysbyty.",
      "Mae angen mwy o gefnogaeth ar ofalwyr",
      "Hoffwn i siarad Cymraeg gyda'r nyrsys",
      "Diolch yn fawr",
      "Diolch for the tea and for all the cake",
      "We went to the cwm with them and it was lovely",
      "Gofal cartref",
      "no jargon pls",
      "Staff in slippers",
      "I agree",
      "cosy",
      "The café was where we all met"})
  @DisplayName("Welsh, mixed, short or accented text still goes to the models")
  void notPlainlyEnglish(String text) {
    assertThat(PlainEnglish.is(text)).isFalse();
    assertThat(WelshOrEnglish.needsModel(text)).isTrue();
  }
}
