package org.commonground.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Welsh words as the theme engine compares them. The embedding model knows no Welsh, so Welsh notes are
 * grouped only by the words they share, and Welsh changes the first letter of a word by what comes
 * before it ("gofal", "ei ofal", "fy ngofal"; "cartref", "gartref", "nghartref"): a word is matched by
 * every plain form it could be a changed form of, cut to a stem so that "gofalwyr" meets "gofal".
 */
final class WelshWords {
  private WelshWords() {}

  /** Stems are this long at most: enough to keep "gofal" from "gofyn", short enough for "ysbyty"/"ysbytai". */
  static final int STEM = 5;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /**
   * Function words: articles, prepositions (and their joined forms), conjunctions, pronouns, the verb
   * "to be" and its common forms, negation, and words too general to tie two notes together.
   */
  static final Set<String> FUNCTION = Set.copyOf(Arrays.asList((
      "a ac ag â y yr r 'r o i yn n 'n ar am at gan gyda gydag efo heb dros drwy trwy wrth hyd tan nes "
      + "ond neu na nac nad fel pan os achos oherwydd felly hefyd er cyn ôl ol rhwng dan mewn "
      + "fy dy ei ein eich eu 'w 'i 'm 'th 'ch mi fi ti e fe fo hi ni chi nhw hwn hon hyn yma yna "
      + "mae oedd roedd doedd does dyw dydy yw ydy ydw ydyn ydych sy sydd bod fod oes fydd bydd "
      + "roeddwn rwy rwyf dw dwi wedi wedii ddim dim mwy iawn rhy pob pawb rhywun dim ond hynny "
      + "cael gael gallu gall allai gwneud wneud mynd fynd dod ddod plis diolch").split(" ")));

  /** The note's words, lower case, apostrophes splitting joined forms ("gyda'r" is "gyda" and "r"). */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) out.add(m.group());
    return out;
  }

  static boolean isFunction(String word) {
    return FUNCTION.contains(word.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
  }

  /**
   * The content words of a note, each as the set of stems of every plain form it could come from; a word
   * that turns up twice counts once.
   */
  static List<Set<String>> contentWords(String text) {
    List<Set<String>> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (String w : words(text)) {
      if (w.length() < 3 || isFunction(w) || !seen.add(w)) continue;
      Set<String> forms = new LinkedHashSet<>();
      for (String radical : radicals(w)) forms.add(stem(radical));
      if (out.stream().noneMatch(f -> f.equals(forms))) out.add(forms);
    }
    return out;
  }

  /** How many of {@code a}'s content words are also in {@code b}, in any of their forms. */
  static int shared(List<Set<String>> a, List<Set<String>> b) {
    int n = 0;
    for (Set<String> word : a) {
      for (Set<String> other : b) {
        if (!java.util.Collections.disjoint(word, other)) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  static String stem(String word) {
    return word.length() > STEM ? word.substring(0, STEM) : word;
  }

  /**
   * The word itself and every plain form it could be a mutated form of: soft (c→g, p→b, t→d, g→ lost,
   * b→f, d→dd, ll→l, m→f, rh→r), nasal (c→ngh, p→mh, t→nh, g→ng, b→m, d→n) and aspirate (c→ch, p→ph,
   * t→th) mutations, and the h added before a vowel ("ei hardal").
   */
  static Set<String> radicals(String w) {
    Set<String> out = new LinkedHashSet<>();
    out.add(w);
    if (w.startsWith("ngh")) out.add("c" + w.substring(3));
    else if (w.startsWith("ng")) out.add("g" + w.substring(2));
    if (w.startsWith("mh")) out.add("p" + w.substring(2));
    if (w.startsWith("nh")) out.add("t" + w.substring(2));
    if (w.startsWith("ch")) out.add("c" + w.substring(2));
    if (w.startsWith("ph")) out.add("p" + w.substring(2));
    if (w.startsWith("th")) out.add("t" + w.substring(2));
    if (w.startsWith("dd")) out.add("d" + w.substring(2));
    else if (w.startsWith("d")) out.add("t" + w.substring(1));
    if (w.startsWith("g") && !w.startsWith("ng")) out.add("c" + w.substring(1));
    if (w.startsWith("b")) out.add("p" + w.substring(1));
    if (w.startsWith("f") && !w.startsWith("ff")) {
      out.add("b" + w.substring(1));
      out.add("m" + w.substring(1));
    }
    if (w.startsWith("l") && !w.startsWith("ll")) out.add("ll" + w.substring(1));
    if (w.startsWith("r") && !w.startsWith("rh")) out.add("rh" + w.substring(1));
    if (w.startsWith("m") && !w.startsWith("mh")) out.add("b" + w.substring(1));
    if (w.startsWith("n") && !w.startsWith("ng") && !w.startsWith("nh")) out.add("d" + w.substring(1));
    char first = w.charAt(0);
    if ("aeiouwyâêîôûŵŷ".indexOf(first) >= 0 || first == 'l' || first == 'r') out.add("g" + w);
    if (first == 'h' && w.length() > 1 && "aeiouwyâêîôûŵŷ".indexOf(w.charAt(1)) >= 0) out.add(w.substring(1));
    return out;
  }
}
