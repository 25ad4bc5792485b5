package org.commonground.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonground.workshop.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Theme labels as a facilitator reads them on the console and a screen reader says them. */
class LabellerTest {

  private static String label(Lang lang, String... texts) {
    List<String> ts = List.of(texts);
    double[] centrality = new double[texts.length];
    for (int i = 0; i < texts.length; i++) centrality[i] = 1.0 - i * 0.1;
    return Labeller.label(ts, centrality, Labeller.idf(ts, lang), lang);
  }

  private static final List<String> NO_END = List.of("until", "the", "and", "of", "to", "a", "with", "because",
      "after", "for", "our", "is", "y", "yr", "o", "i", "ar", "gyda", "ac", "yn", "ei");

  private static void assertWholePhraseOf(String label, String... texts) {
    String bare = label.replaceAll("\\?$", "").toLowerCase(Locale.ROOT);
    assertThat(List.of(texts)).as("'%s' is words of one of the notes, as written", label)
        .anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(bare));
    String last = bare.replaceAll(".*[\\s]", "").replaceAll("[^\\p{L}']", "");
    assertThat(NO_END).as("'%s' ends on a word that leaves it hanging", label).doesNotContain(last);
  }

  @Test
  @DisplayName("a long sentence is never cut mid-clause: no \"Care agency did not start until\"")
  void longSentenceIsNotCut() {
    String[] notes = {
        "Care agency did not start until three days after Mum came home from hospital",
        "The carers from the agency did not turn up for the first week after discharge and nobody rang us",
        "We waited days for the care package to start after he was discharged"};
    String l = label(Lang.EN, notes);
    assertThat(l).doesNotEndWith("until").isNotEqualTo("Care agency did not start until");
    assertWholePhraseOf(l, notes);
  }

  @Test
  @DisplayName("the main clause of a long sentence is offered whole, without the clause that leans on it")
  void mainClause() {
    assertThat(label(Lang.EN, "Care agency did not start until three days after Mum came home from hospital"))
        .isEqualTo("Care agency did not start");
  }

  @Test
  @DisplayName("a short note is its own label, whole")
  void shortNoteWhole() {
    assertThat(label(Lang.EN, "Tea and toast", "tea please", "Toast!!")).isEqualTo("Tea and toast");
    assertThat(label(Lang.EN, "Who decides what happens to our ideas?", "who decides?"))
        .isEqualTo("Who decides what happens to our ideas?");
  }

  @Test
  @DisplayName("a note of several sentences gives one of them, not the whole list")
  void oneSentence() {
    assertThat(label(Lang.EN, "Tea and toast. Honestly that's half of it", "tea and toast please"))
        .isEqualTo("Tea and toast");
  }

  @Test
  @DisplayName("quotation marks opened in a label are closed")
  void quotes() {
    assertThat(label(Lang.EN, "Say 'people', not 'service users' or 'cases'", "stop saying 'cases'"))
        .isEqualTo("Say 'people', not 'service users' or 'cases'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Nobody told us about the discharge until the morning of it and we had no time to get the house ready for him",
      "I had to give up work because there was nobody to help with Mum's care at home after her fall",
      "The ward sent him home with the wrong tablets and the district nurse did not come for a week"})
  @DisplayName("labels from long notes are whole phrases of them that end on a word that can end a phrase")
  void longNotes(String note) {
    String l = label(Lang.EN, note, note + " too");
    assertWholePhraseOf(l, note);
    assertThat(l.split(" ")).hasSizeLessThanOrEqualTo(Labeller.LONG_WORDS);
  }

  @Test
  @DisplayName("a Welsh label is a whole Welsh phrase and never ends on a Welsh function word")
  void welsh() {
    String[] notes = {
        "Doedd neb wedi dweud wrthon ni pryd roedd Dad yn cael gadael yr ysbyty, felly doedd dim byd yn barod gartref",
        "Cawson ni wybod am y gadael o'r ysbyty ar yr un bore"};
    String l = label(Lang.CY, notes);
    assertWholePhraseOf(l, notes);
    assertThat(label(Lang.CY, "Gofal yn y cartref", "Mwy o ofal yn y cartref plis")).isEqualTo("Gofal yn y cartref");
  }

  @Test
  @DisplayName("Welsh dependent clauses (pan, achos, ar ôl) are not offered on their own")
  void welshClauses() {
    assertThat(label(Lang.CY, "Roedd y gofal yn hwyr yn dechrau ar ôl i Mam ddod adref o'r ysbyty yn y nos"))
        .isEqualTo("Roedd y gofal yn hwyr yn dechrau");
  }

  @Test
  @DisplayName("only when no note has a whole phrase short enough is a label shortened, and then it says so")
  void shortenedSaysSo() {
    String run = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen";
    String l = Labeller.label(List.of(run), new double[] {1}, Map.of(), Lang.EN);
    assertThat(l).endsWith("\u2026").startsWith("One two three");
  }

  @Test
  @DisplayName("a pasted link with no spaces still gives a label short enough to be a theme's")
  void noSpaces() {
    String link = "https://example.org/" + "a".repeat(300);
    String l = label(Lang.EN, link, link + "b");
    assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(Labeller.MAX_CHARS);
  }
}
