package org.commonground.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The embedding-backed engine on small sets where the right answer is not in doubt. */
class ThemeSuggesterTest {
  private static ThemeSuggester engine;

  /** Three topics, four notes each, worded so that they share few words. */
  private static final List<Note> CLEAR = List.of(
      new Note("f1", "tea and biscuits when people arrive"),
      new Note("t1", "bus fares paid upfront, not reimbursed weeks later"),
      new Note("j1", "no jargon pls"),
      new Note("f2", "a hot drink and some toast"),
      new Note("t2", "free parking next to the building"),
      new Note("j2", "explain the acronyms, nobody knows what ICB means"),
      new Note("f3", "sandwiches at lunchtime"),
      new Note("t3", "taxis for people who can't manage the train"),
      new Note("j3", "plain English in the meeting papers"),
      new Note("f4", "coffee!!"),
      new Note("t4", "help with travel costs"),
      new Note("j4", "use words everyone understands"));

  @BeforeAll
  static void loadModelOnce() {
    engine = ThemeEngines.load();
  }

  private static Set<Set<String>> groups(List<SuggestedTheme> themes) {
    return themes.stream().map(t -> Set.copyOf(t.contributionIds())).collect(Collectors.toSet());
  }

  @Test
  @DisplayName("three clear topics, worded differently, come out as exactly those three groups")
  void clearTopicsAreFound() {
    assertThat(groups(engine.suggest(CLEAR))).containsExactlyInAnyOrder(
        Set.of("f1", "f2", "f3", "f4"), Set.of("t1", "t2", "t3", "t4"), Set.of("j1", "j2", "j3", "j4"));
  }

  @Test
  @DisplayName("every label is a short non-empty phrase")
  void labelsAreShort() {
    for (SuggestedTheme t : engine.suggest(CLEAR)) {
      assertThat(t.label()).isNotBlank().hasSizeLessThanOrEqualTo(60);
      assertThat(t.label().split("\\s+")).hasSizeLessThanOrEqualTo(Labeller.MAX_WORDS);
    }
  }

  @Test
  @DisplayName("the same notes give the same suggestions, again or with every note embedded afresh")
  void deterministic() {
    List<SuggestedTheme> first = engine.suggest(CLEAR);
    assertThat(engine.suggest(CLEAR)).isEqualTo(first);
    assertThat(new EmbeddingThemeSuggester(ThemeEngines.embedder().withEmptyCache()).suggest(CLEAR))
        .isEqualTo(first);
  }

  @Test
  @DisplayName("calls from several threads at once, on a cold cache, agree with a call made alone")
  void threadSafe() throws Exception {
    List<SuggestedTheme> alone = engine.suggest(CLEAR);
    ThemeSuggester cold = new EmbeddingThemeSuggester(ThemeEngines.embedder().withEmptyCache());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<List<SuggestedTheme>>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> cold.suggest(CLEAR)));
      }
      for (var run : runs) {
        assertThat(run.get()).isEqualTo(alone);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("ids keep input order, no note is in two groups, and groups have at least two notes")
  void shapeOfTheAnswer() {
    List<String> order = CLEAR.stream().map(Note::id).toList();
    Set<String> seen = new HashSet<>();
    for (SuggestedTheme t : engine.suggest(CLEAR)) {
      assertThat(t.contributionIds()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(t.contributionIds()).isSortedAccordingTo((a, b) -> order.indexOf(a) - order.indexOf(b));
      for (String id : t.contributionIds()) {
        assertThat(seen.add(id)).as("%s in one group only", id).isTrue();
      }
    }
  }

  @Test
  @DisplayName("notes that say the same thing apart from case and punctuation are grouped together")
  void duplicatesTogether() {
    List<Note> notes = new ArrayList<>(CLEAR);
    notes.add(new Note("dup1", "Lose the lanyards!!"));
    notes.add(new Note("dup2", "lose the lanyards pls"));
    List<SuggestedTheme> themes = engine.suggest(notes);
    assertThat(themes).anySatisfy(t -> assertThat(t.contributionIds()).contains("dup1", "dup2"));
  }

  @Test
  @DisplayName("no notes, blank notes and a single note give no suggestions")
  void nothingToGroup() {
    assertThat(engine.suggest(List.of())).isEmpty();
    assertThat(engine.suggest(List.of(new Note("a", "  "), new Note("b", "!!")))).isEmpty();
    assertThat(engine.suggest(List.of(new Note("a", "tea")))).isEmpty();
  }

  private static PlacedTheme theme(String id, String label, Note... members) {
    return new PlacedTheme(id, label, List.of(members));
  }

  private static final PlacedTheme FOOD = theme("food", "Food", CLEAR.get(0), CLEAR.get(3));
  private static final PlacedTheme TRAVEL = theme("travel", "Travel", CLEAR.get(1), CLEAR.get(4));
  private static final PlacedTheme JARGON = theme("words", "Words", CLEAR.get(2), CLEAR.get(5));

  @Test
  @DisplayName("placement puts the obviously right theme first, and offers at most three")
  void placementRanksTheRightThemeFirst() {
    Map<String, List<String>> placed = engine.place(
        List.of(new Note("n1", "a cup of tea would be lovely"),
            new Note("n2", "who pays for my bus ticket?"),
            new Note("n3", "keep the language simple")),
        List.of(FOOD, TRAVEL, JARGON));
    assertThat(placed.get("n1")).first().isEqualTo("food");
    assertThat(placed.get("n2")).first().isEqualTo("travel");
    assertThat(placed.get("n3")).first().isEqualTo("words");
    assertThat(placed.values()).allSatisfy(s -> assertThat(s).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates());
  }

  @Test
  @DisplayName("placement follows the grouping: a theme that gains members like the note moves to first")
  void placementUpdatesAsPeopleGroup() {
    Note note = new Note("n", "somewhere quiet to sit when it all gets too much");
    PlacedTheme rooms = theme("rooms", "", new Note("r1", "free parking next to the building"));
    String before = engine.place(List.of(note), List.of(FOOD, rooms)).get("n").get(0);
    PlacedTheme grown = theme("rooms", "", new Note("r1", "free parking next to the building"),
        new Note("r2", "a calm room away from the noise"), new Note("r3", "a peaceful corner to be alone for a bit"));
    String after = engine.place(List.of(note), List.of(FOOD, grown)).get("n").get(0);
    assertThat(before).isEqualTo("food");
    assertThat(after).isEqualTo("rooms");
  }

  @Test
  @DisplayName("placement: members get nothing, every note gets an entry, an empty theme is matched by its label")
  void placementEdges() {
    PlacedTheme empty = theme("travel", "Getting here: travel and parking");
    Map<String, List<String>> placed = engine.place(
        List.of(CLEAR.get(0), new Note("n", "is there parking nearby?"), new Note("blank", " ")),
        List.of(FOOD, empty, theme("nothing", " ")));
    assertThat(placed).containsOnlyKeys("f1", "n", "blank");
    assertThat(placed.get("f1")).isEmpty();
    assertThat(placed.get("blank")).isEmpty();
    assertThat(placed.get("n")).containsExactly("travel", "food");
  }
}
