package org.commonground.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.commonground.workshop.Lang;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Welsh and English posts in one workshop (hospital discharge, care at home). The embedding model is
 * English: it must not be what puts Welsh posts together.
 */
class WelshThemesTest {
  private static ThemeSuggester engine;

  /** Two pairs that share their words, and three that share no more than one word with anything. */
  private static final List<Note> WELSH = List.of(
      cy("w1", "Roedd y gofal yn y cartref yn hwyr yn dechrau ar ôl i Mam ddod adref o'r ysbyty."),
      cy("w2", "Dim gofal yn y cartref am wythnos gyfan ar ôl gadael yr ysbyty."),
      cy("w3", "Hoffwn i siarad Cymraeg gyda'r nyrsys ar y ward."),
      cy("w4", "Does neb ar y ward yn gallu siarad Cymraeg gyda Dad."),
      cy("w5", "Mae'r maes parcio yn llawer rhy ddrud i ymwelwyr."),
      cy("w6", "Roedd y bwyd yn oer bob dydd."),
      cy("w7", "Roedd y nyrsys yn garedig iawn wrth Mam."));

  /** Three topics, four notes each, in English (as in ThemeSuggesterTest). */
  private static final List<Note> ENGLISH = List.of(
      en("f1", "tea and biscuits when people arrive"),
      en("t1", "bus fares paid upfront, not reimbursed weeks later"),
      en("j1", "no jargon pls"),
      en("f2", "a hot drink and some toast"),
      en("t2", "free parking next to the building"),
      en("j2", "explain the acronyms, nobody knows what ICB means"),
      en("f3", "sandwiches at lunchtime"),
      en("t3", "taxis for people who can't manage the train"),
      en("j3", "plain English in the meeting papers"),
      en("f4", "coffee!!"),
      en("t4", "help with travel costs"),
      en("j4", "use words everyone understands"));

  private static Note cy(String id, String text) { return new Note(id, text, Lang.CY); }

  private static Note en(String id, String text) { return new Note(id, text, Lang.EN); }

  @BeforeAll
  static void loadModelOnce() {
    engine = ThemeEngines.load();
  }

  private static List<Note> mixed() {
    List<Note> all = new ArrayList<>();
    for (int i = 0; i < Math.max(WELSH.size(), ENGLISH.size()); i++) {
      if (i < ENGLISH.size()) all.add(ENGLISH.get(i));
      if (i < WELSH.size()) all.add(WELSH.get(i));
    }
    return all;
  }

  private static Set<Set<String>> groups(List<SuggestedTheme> themes) {
    return themes.stream().map(t -> Set.copyOf(t.contributionIds())).collect(Collectors.toSet());
  }

  @Test
  @DisplayName("posts in Welsh and in English are never in one suggestion")
  void languagesNeverMix() {
    for (SuggestedTheme t : engine.suggest(mixed())) {
      Set<Character> kinds = t.contributionIds().stream().map(id -> id.charAt(0) == 'w' ? 'w' : 'e')
          .collect(Collectors.toSet());
      assertThat(kinds).as(t.toString()).hasSize(1);
    }
  }

  @Test
  @DisplayName("Welsh posts are grouped only where they share words; the rest are left for the facilitator")
  void welshGroupedBySharedWords() {
    Set<Set<String>> welsh = groups(engine.suggest(mixed())).stream()
        .filter(g -> g.iterator().next().startsWith("w")).collect(Collectors.toSet());
    assertThat(welsh).containsExactlyInAnyOrder(Set.of("w1", "w2"), Set.of("w3", "w4"));
  }

  @Test
  @DisplayName("Welsh posts on different subjects are not one group for being Welsh")
  void welshAloneIsNotATheme() {
    List<SuggestedTheme> themes = engine.suggest(WELSH);
    assertThat(themes).allSatisfy(t -> assertThat(t.contributionIds()).hasSizeLessThan(WELSH.size() / 2));
    assertThat(groups(engine.suggest(List.of(WELSH.get(4), WELSH.get(5), WELSH.get(6))))).isEmpty();
  }

  @Test
  @DisplayName("the English posts are grouped by meaning as they would be without any Welsh beside them")
  void englishUnchanged() {
    Set<Set<String>> english = groups(engine.suggest(mixed())).stream()
        .filter(g -> !g.iterator().next().startsWith("w")).collect(Collectors.toSet());
    assertThat(english).isEqualTo(groups(engine.suggest(ENGLISH)));
    assertThat(english).containsExactlyInAnyOrder(
        Set.of("f1", "f2", "f3", "f4"), Set.of("t1", "t2", "t3", "t4"), Set.of("j1", "j2", "j3", "j4"));
  }

  @Test
  @DisplayName("a Welsh group's label is a whole Welsh phrase from one of its posts")
  void welshLabel() {
    SuggestedTheme care = engine.suggest(mixed()).stream().filter(t -> t.contributionIds().contains("w1"))
        .findFirst().orElseThrow();
    assertThat(care.label()).isEqualTo("Dim gofal yn y cartref am wythnos gyfan");
  }

  @Test
  @DisplayName("the same Welsh words posted twice are one group, as in English")
  void sameWordsTwice() {
    List<SuggestedTheme> themes = engine.suggest(List.of(cy("a", "Paned o de!"), cy("b", "paned o de"),
        cy("c", "Cinio poeth")));
    assertThat(groups(themes)).containsExactly(Set.of("a", "b"));
  }

  @Test
  @DisplayName("placement help offers a Welsh post only themes that share its words, and English posts are placed by meaning")
  void placement() {
    List<PlacedTheme> themes = List.of(
        new PlacedTheme("care", "Gofal yn y cartref", List.of(WELSH.get(0))),
        new PlacedTheme("welsh", "Siarad Cymraeg", List.of(WELSH.get(2))),
        new PlacedTheme("food", "Food and drink", List.of(ENGLISH.get(0), ENGLISH.get(3))));
    Map<String, List<String>> fits = engine.place(List.of(WELSH.get(1), WELSH.get(3), WELSH.get(5),
        ENGLISH.get(6)), themes);
    assertThat(fits.get("w2")).containsExactly("care");
    assertThat(fits.get("w4")).containsExactly("welsh");
    assertThat(fits.get("w6")).as("shares no words with any theme").isEmpty();
    assertThat(fits.get("f3")).first().isEqualTo("food");
  }
}
