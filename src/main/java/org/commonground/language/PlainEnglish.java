package org.commonground.language;

import java.util.Locale;
import java.util.Set;

/**
 * Recognises, without the language models, text that is plainly English: most posts are, and asking the
 * models costs 0.1 to 0.7 ms of CPU a post plus a hop to their worker pool. Text is plainly English when it
 * has at least {@link #MIN_WORDS} words, at least {@link #MIN_ENGLISH} of them English function words no
 * Welsh sentence uses, and nothing that might be Welsh: any letter beyond ASCII (â, ŵ, ŷ, ï, but also é),
 * a Welsh function word ("yn", "mae", "gyda'r", "diolch"), a word whose only vowels are w and y ("cwm", "nhw"), or a spelling English hardly has ("dd" before a vowel, "ll" or "ngh" at the start, a
 * plural in "-au"). Everything else goes to the models as before, so a miss here costs time, never a
 * wrong answer: the models found these texts English too (see WelshOrEnglishTest).
 */
final class PlainEnglish {
  static final int MIN_WORDS = 4;
  static final int MIN_ENGLISH = 2;

  /** Common English words that are not Welsh words too ("a", "i", "am", "at", "hi", "dim" are left out). */
  private static final Set<String> ENGLISH = Set.of(("the and to of for in on is are was were we they it be been "
      + "being with that this these those have has had not but or our us you your my he she his her them their there "
      + "where when what who how why would could should will can do does did from by as if so about after before "
      + "more just very than then into out up down over its it's i'm don't can't didn't isn't we're they're "
      + "some any all many much because while which also only other every").split(" "));

  /** Welsh words that are not English words (so English text never has them). */
  private static final Set<String> WELSH = Set.of(("y yr 'r ac ag yn 'n ar gan gyda gydag efo heb dros drwy trwy "
      + "wrth hyd tan nes ond neu na nac nad fel pan os achos oherwydd felly hefyd er cyn ôl ol rhwng mewn fy dy "
      + "ei ein eich eu 'w 'i 'm 'th 'ch mi fi ti fe fo ni chi nhw hwn hon hyn yma yna mae oedd roedd doedd does "
      + "dyw dydy yw ydy ydw ydyn ydych sy sydd bod fod oes fydd bydd roeddwn rwy rwyf dw dwi wedi ddim dim mwy "
      + "iawn rhy pob pawb rhywun hynny cael gael gallu gall gwneud wneud mynd fynd dod ddod plis diolch da bore "
      + "nos croeso shwmae sut beth pwy pam ble lle").split(" "));

  private PlainEnglish() {}

  /** Whether {@code text} can be called English without asking the models. */
  static boolean is(String text) {
    int words = 0;
    int english = 0;
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (c > 0x7f && Character.isLetter(c)) return false;
      boolean inWord = Character.isLetter(c) || (start >= 0 && (c == '\'' || c == '\u2019'));
      if (inWord && start < 0) start = i;
      if (!inWord && start >= 0) {
        String w = text.substring(start, i).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        start = -1;
        if (w.endsWith("'")) w = w.substring(0, w.length() - 1);
        if (mightBeWelsh(w)) return false;
        words++;
        if (ENGLISH.contains(w)) english++;
      }
    }
    return words >= MIN_WORDS && english >= MIN_ENGLISH;
  }

  static boolean mightBeWelsh(String w) {
    int apostrophe = w.indexOf('\'');
    if (apostrophe > 0 && apostrophe < w.length() - 1) {
      // "gyda'r", "o'r", "i'r", "mae'n": a Welsh joined form is a reason to ask; English ones ("don't") are not.
      String tail = w.substring(apostrophe);
      if (WELSH.contains(tail) || WELSH.contains(w.substring(0, apostrophe))) return true;
    }
    if (WELSH.contains(w)) return true;
    boolean aeiou = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') aeiou = true;
    }
    if (!aeiou && w.indexOf('w') >= 0) return true;
    if (w.startsWith("ll") || w.startsWith("ngh") || w.startsWith("mh") || w.startsWith("nh") || w.startsWith("dd")
        || w.startsWith("rhy") || w.startsWith("rhw")) {
      return true;
    }
    if (w.length() > 3 && (w.endsWith("au") || w.endsWith("ydd") || w.endsWith("wch"))) {
      return true;
    }
    int dd = w.indexOf("dd");
    if (dd >= 0 && dd + 2 < w.length() && "aeiouwy".indexOf(w.charAt(dd + 2)) >= 0) return true;
    return w.contains("wy") || w.contains("yw");
  }
}
