package org.commonground.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.commonground.workshop.Lang;

/**
 * Says whether a contribution is in Welsh or English, or that it cannot tell. Lingua, asked about these
 * two languages only (fewer models, fewer wrong guesses), with its n-gram models read from its own jar.
 *
 * <p>Most posts are plainly English and are answered at once, without the models ({@link PlainEnglish};
 * {@link #needsModel} says which). Asking the models blocks and is not cheap: the first time loads them (a
 * second or more, and about 40 MB of heap that stays), and each detection waits on Lingua's tasks in the
 * common fork-join pool. Callers run those on a worker thread, never on an event loop. Nothing is loaded
 * until asked for, so a server nobody posts to never pays for it. Thread-safe.
 */
public final class WelshOrEnglish {
  /** Fewer letters than this say too little to tell ("ok", "te"). */
  static final int MIN_LETTERS = 3;
  /**
   * How close (relative to the likelier language's 1.0) the other language may come before the answer is
   * "unsure". A single word needs a clear lead: "cosy" looks a little Welsh to the model. Several words
   * may be closer: "Staff in slippers" is English at 0.88, while mixed text ("Diolch for the tea", 0.92)
   * and borrowed greetings ("Bore da" at 0.98 either way) stay unsure.
   */
  static final double ONE_WORD_MAX_OTHER = 0.80;
  static final double MAX_OTHER = 0.90;

  private static volatile LanguageDetector detector;

  /**
   * The models' answers for texts asked about lately (the same greeting or reply is often posted again):
   * at most {@link #REMEMBERED}, the longest unused dropped first (empty: the models were unsure).
   */
  static final int REMEMBERED = 512;
  private static final Answers ANSWERS = new Answers();

  private WelshOrEnglish() {}

  /** {@link Lang#CY}, {@link Lang#EN}, or null when the text is too short or the model is unsure. */
  public static Lang detect(String text) {
    if (!needsModel(text)) return enoughLetters(text) ? Lang.EN : null;
    Optional<Lang> known = ANSWERS.get(text);
    if (known != null) return known.orElse(null);
    Lang found = askModels(text);
    ANSWERS.put(text, Optional.ofNullable(found));
    return found;
  }

  /** The models' answer, whatever the text (no short cut, nothing remembered; for tests and the benchmark). Blocks. */
  public static Lang askModels(String text) {
    if (!enoughLetters(text)) return null;
    SortedMap<Language, Double> values = detector().computeLanguageConfidenceValues(text);
    return decide(Map.of(Lang.CY, values.getOrDefault(Language.WELSH, 0.0),
        Lang.EN, values.getOrDefault(Language.ENGLISH, 0.0)), words(text) == 1);
  }

  /**
   * Whether {@link #detect} must ask the models about {@code text}; when it need not, it answers at once
   * (too short, or {@link PlainEnglish plainly English}) and a caller may call it on any thread.
   */
  public static boolean needsModel(String text) {
    return enoughLetters(text) && !PlainEnglish.is(text);
  }

  /** Whether the models are loaded: until then a caller that must not wait leaves the language unknown. */
  public static boolean ready() { return detector != null; }

  /** Loads the models now (they load on first use otherwise). */
  public static void warm() { detector(); }

  /**
   * The language from Lingua's relative confidence values (the likelier one is 1.0, the other a fraction
   * of it; both 0 when Lingua cannot tell), or null when the lead is too small.
   */
  static Lang decide(Map<Lang, Double> values, boolean oneWord) {
    double cy = values.getOrDefault(Lang.CY, 0.0);
    double en = values.getOrDefault(Lang.EN, 0.0);
    double top = Math.max(cy, en);
    if (top <= 0) return null;
    double other = Math.min(cy, en) / top;
    if (other > (oneWord ? ONE_WORD_MAX_OTHER : MAX_OTHER)) return null;
    return cy > en ? Lang.CY : Lang.EN;
  }

  private static LanguageDetector detector() {
    LanguageDetector d = detector;
    if (d == null) {
      synchronized (WelshOrEnglish.class) {
        d = detector;
        if (d == null) {
          d = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.WELSH).withPreloadedLanguageModels()
              .build();
          detector = d;
        }
      }
    }
    return d;
  }

  /** At least {@link #MIN_LETTERS} letters: stops counting there, as a long post is asked this on every post. */
  static boolean enoughLetters(String text) {
    if (text == null) return false;
    int n = 0;
    for (int i = 0; i < text.length() && n < MIN_LETTERS; i++) if (Character.isLetter(text.charAt(i))) n++;
    return n >= MIN_LETTERS;
  }

  static int words(String text) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetter(text.charAt(i));
      if (letter && !in) n++;
      in = letter || (in && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019' || text.charAt(i) == '-'));
    }
    return n;
  }

  /** A small LRU map, locked as a whole: it is touched once per detection, by at most a few workers. */
  private static final class Answers {
    private final LinkedHashMap<String, Optional<Lang>> map = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Optional<Lang>> eldest) { return size() > REMEMBERED; }
    };

    /** The answer, or null when the text was not asked about lately. */
    synchronized Optional<Lang> get(String text) { return map.get(text); }

    synchronized void put(String text, Optional<Lang> lang) { map.put(text, lang); }
  }
}
