package org.commonground.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A short label for a group of notes: a phrase of at most eight words taken from one of its most
 * central notes, chosen for the words the group's notes share. Drawing the words from a note keeps
 * them the participants' own; weighing shared words keeps one note's detail out of the label.
 */
final class Labeller {
  /** A whole clause up to this long is a candidate as it stands... */
  static final int MAX_WORDS = 8;
  /** ...and a longer one offers its windows of this many words. */
  private static final int WINDOW = 6;
  private static final int CANDIDATE_NOTES = 3;
  private static final Pattern CLAUSE = Pattern.compile("[.,;:!?()\\[\\]\"\\n\\u2013\\u2014]+|\\s-\\s");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\\u2019&-]*");
  private static final Set<String> STOP = Set.copyOf(Arrays.asList((
      "a an the and or but of to in on at for with is it be are was were been i me my we us our you "
      + "your they them their he she his her this that these those not no so as if by from do does did "
      + "have has had can could would should will shall may might must just like about there here what "
      + "when where who whom how why which all any some more most very too than then also into out up "
      + "down over only own same other such its it's i'm i'd i've i'll we'd we're don't dont can't cant "
      + "won't isn't aren't get got make made let lets let's really actually maybe bit lot lots thing "
      + "things pls plz please one even still much many every each being am yes ok okay while "
      + "because though although said say says anyone anybody nobody somebody someone everyone "
      + "something anything everything")
      .split(" ")));

  private Labeller() {}

  /**
   * @param texts the group's notes as posted
   * @param centrality how close each note is to the group's centre (higher is closer)
   * @param idf inverse document frequency of each word over all the notes of the call
   */
  static String label(List<String> texts, double[] centrality, Map<String, Double> idf) {
    Map<String, Double> shared = sharedWordWeights(texts, idf);
    Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -centrality[i])
        .thenComparingInt(i -> i));
    String best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < Math.min(CANDIDATE_NOTES, order.length); r++) {
      int i = order[r];
      for (Phrase phrase : phrases(texts.get(i))) {
        double weight = 0;
        int content = 0;
        for (String w : phrase.words()) {
          weight += shared.getOrDefault(key(w), 0.0);
          content += isStop(w) ? 0 : 1;
        }
        // A word the group shares is worth more than a slightly more central note. A lone word
        // says little and a window cut from a long clause reads as a fragment, so fuller whole
        // clauses win among equals.
        double score = weight + 2.0 * centrality[i] + 0.3 * Math.min(content, 4)
            - (phrase.cut() ? 1.0 : 0.0);
        if (score > bestScore) {
          bestScore = score;
          best = String.join(" ", phrase.words());
        }
      }
    }
    if (best == null) {
      best = fallback(texts.get(order[0]));
    }
    return tidy(best);
  }

  /** Inverse document frequency over a set of notes, smoothed as in common TF-IDF practice. */
  static Map<String, Double> idf(List<String> texts) {
    Map<String, Integer> df = new HashMap<>();
    for (String t : texts) {
      for (String k : contentKeys(t)) {
        df.merge(k, 1, Integer::sum);
      }
    }
    Map<String, Double> idf = new HashMap<>();
    int n = texts.size();
    df.forEach((k, c) -> idf.put(k, Math.log((1.0 + n) / (1.0 + c)) + 1));
    return idf;
  }

  /** Words in two or more of the group's notes, each worth its idf per extra note it is in. */
  private static Map<String, Double> sharedWordWeights(List<String> texts, Map<String, Double> idf) {
    Map<String, Integer> notesWith = new HashMap<>();
    for (String t : texts) {
      for (String k : contentKeys(t)) {
        notesWith.merge(k, 1, Integer::sum);
      }
    }
    Map<String, Double> weights = new HashMap<>();
    notesWith.forEach((k, c) -> {
      if (c >= 2) {
        weights.put(k, (c - 1) * idf.getOrDefault(k, 1.0));
      }
    });
    return weights;
  }

  /**
   * Candidate phrases of a note: its clauses, and for a clause longer than MAX_WORDS every window
   * of WINDOW words; each without stop words at either end, so no label ends in "of the".
   */
  private static List<Phrase> phrases(String text) {
    List<Phrase> out = new ArrayList<>();
    for (String clause : CLAUSE.split(text)) {
      List<String> words = words(clause);
      if (words.size() <= MAX_WORDS) {
        addTrimmed(out, words, false);
      } else {
        for (int s = 0; s + WINDOW <= words.size(); s++) {
          addTrimmed(out, words.subList(s, s + WINDOW), true);
        }
      }
    }
    return out;
  }

  private record Phrase(List<String> words, boolean cut) {}

  private static void addTrimmed(List<Phrase> out, List<String> words, boolean cut) {
    int from = 0;
    int to = words.size();
    while (from < to && isStop(words.get(from))) {
      from++;
    }
    while (to > from && isStop(words.get(to - 1))) {
      to--;
    }
    if (from < to) {
      out.add(new Phrase(List.copyOf(words.subList(from, to)), cut));
    }
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    var m = WORD.matcher(text);
    while (m.find()) {
      // Quotes and dashes at a word's ends are punctuation, not part of the word.
      String w = m.group().replaceAll("['\u2019&-]+$", "");
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static Set<String> contentKeys(String text) {
    Set<String> keys = new HashSet<>();
    for (String w : words(text)) {
      if (!isStop(w)) {
        keys.add(key(w));
      }
    }
    return keys;
  }

  private static boolean isStop(String word) {
    return STOP.contains(word.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
  }

  /** Matching key of a word: lower case, a plural "s" dropped, so "sofa" and "sofas" count together. */
  static String key(String word) {
    String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static String fallback(String text) {
    List<String> words = words(text);
    return words.isEmpty() ? text.strip() : String.join(" ", words.subList(0, Math.min(WINDOW, words.size())));
  }

  private static String tidy(String phrase) {
    String p = phrase.strip();
    if (p.isEmpty()) {
      return "Untitled";
    }
    int first = p.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
        .append(p.substring(Character.charCount(first))).toString();
  }
}
