package org.commonground.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.workshop.Lang;

/**
 * What the labeller knows of a language's words: which carry little meaning (not counted as shared),
 * which cannot end a phrase (a label ending "until" or "the" is broken), and which start a new clause
 * (where a long sentence may be split into whole pieces).
 */
final class LabelWords {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\\u2019&-]*");

  private static final Set<String> EN_STOP = set(
      "a an the and or but of to in on at for with is it be are was were been i me my we us our you "
      + "your they them their he she his her this that these those not no so as if by from do does did "
      + "have has had can could would should will shall may might must just like about there here what "
      + "when where who whom how why which all any some more most very too than then also into out up "
      + "down over only own same other such its it's i'm i'd i've i'll we'd we're don't dont can't cant "
      + "won't isn't aren't get got make made let lets let's really actually maybe bit lot lots thing "
      + "things pls plz please one even still much many every each being am yes ok okay while "
      + "because though although said say says anyone anybody nobody somebody someone everyone "
      + "something anything everything");
  /** Articles, prepositions, conjunctions, determiners and helping verbs: a phrase ending on one is cut short. */
  private static final Set<String> EN_NO_END = set(
      "a an the and or but nor so yet of to in on at for with from by about into onto over under until till "
      + "unless because since although though while whereas if when whenever where after before as than that "
      + "which who whom whose my our your their his her its every each some any no is are was were be been "
      + "being am have has had do does did will would can could should shall may might must very not just also "
      + "i we they he she you it's i'm we're they're don't didn't can't won't isn't wasn't");
  /** Words that start a clause which leans on the one before ("until three days later"). */
  private static final Set<String> EN_DEPENDENT = set(
      "because until till unless although though while whereas when whenever where after before since if "
      + "which who whose");
  /** Words that join two clauses that each stand alone. */
  private static final Set<String> EN_JOINERS = set("and but or so also then plus");

  private static final Set<String> CY_NO_END = set(
      "y yr r 'r a ac ag â o i yn ar am at gan gyda gydag efo heb dros drwy trwy wrth hyd tan nes ond neu na "
      + "nac nad pan os achos oherwydd felly fel er cyn mewn fy dy ei ein eich eu bod fod mae oedd roedd sy "
      + "sydd yw ydy wedi ddim rhy");
  private static final Set<String> CY_DEPENDENT = set("pan achos oherwydd tan nes os er cyn gan");
  private static final Set<String> CY_JOINERS = set("a ac ond neu felly hefyd");
  /** Two-word clause starters: "ar ôl" (after), "er mwyn" (so that), "so that", "even though". */
  private static final Set<String> PAIRS = set("ar_ôl er_mwyn yn_lle so_that even_though as_soon");

  private final Lang lang;

  private LabelWords(Lang lang) { this.lang = lang; }

  private static final LabelWords EN = new LabelWords(Lang.EN);
  private static final LabelWords CY = new LabelWords(Lang.CY);

  static LabelWords of(Lang lang) { return lang == Lang.CY ? CY : EN; }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      // Quotes and dashes at a word's ends are punctuation, not part of the word.
      String w = m.group().replaceAll("['\u2019&-]+$", "");
      if (!w.isEmpty()) out.add(w);
    }
    return out;
  }

  boolean isStop(String word) {
    String w = norm(word);
    return lang == Lang.CY ? WelshWords.isFunction(w) : EN_STOP.contains(w);
  }

  boolean cannotEnd(String word) {
    String w = norm(word);
    return lang == Lang.CY ? CY_NO_END.contains(w) : EN_NO_END.contains(w);
  }

  /** Matching key: English drops a plural "s" ("sofa", "sofas"); Welsh words meet by their stem. */
  String key(String word) {
    String w = norm(word);
    if (lang == Lang.CY) return WelshWords.stem(w);
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.substring(0, w.length() - 1);
    return w;
  }

  /** The phrase without an "and" or "but" at its start: the piece stands without it. */
  String withoutLeadingJoiner(String phrase) {
    Set<String> joiners = lang == Lang.CY ? CY_JOINERS : EN_JOINERS;
    Matcher m = WORD.matcher(phrase);
    if (m.find() && m.start() == 0 && joiners.contains(norm(m.group()))) {
      return Labeller.trimPunctuation(phrase.substring(m.end()));
    }
    return phrase;
  }

  /**
   * A long clause split before each word that starts a new clause. Pieces that start with a dependent
   * word are left out: "until three days later" says nothing alone. The rest keep their words in order.
   */
  List<String> splitAtClauseWords(String clause) {
    Set<String> dependent = lang == Lang.CY ? CY_DEPENDENT : EN_DEPENDENT;
    Set<String> joiners = lang == Lang.CY ? CY_JOINERS : EN_JOINERS;
    List<int[]> spans = new ArrayList<>();
    List<String> ws = new ArrayList<>();
    Matcher m = WORD.matcher(clause);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
      ws.add(norm(m.group()));
    }
    List<String> pieces = new ArrayList<>();
    int start = 0;
    boolean startsDependent = !ws.isEmpty() && startsClause(ws, 0, dependent);
    for (int i = 1; i < ws.size(); i++) {
      boolean dep = startsClause(ws, i, dependent);
      if (dep || joiners.contains(ws.get(i))) {
        if (!startsDependent) pieces.add(clause.substring(start, spans.get(i)[0]));
        start = spans.get(i)[0];
        startsDependent = dep;
      }
    }
    if (!startsDependent) pieces.add(clause.substring(start));
    return pieces;
  }

  private static boolean startsClause(List<String> ws, int i, Set<String> dependent) {
    if (dependent.contains(ws.get(i))) return true;
    return i + 1 < ws.size() && PAIRS.contains(ws.get(i) + "_" + ws.get(i + 1));
  }

  private static String norm(String word) {
    return word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }

  private static Set<String> set(String words) { return Set.copyOf(Arrays.asList(words.split(" "))); }
}
