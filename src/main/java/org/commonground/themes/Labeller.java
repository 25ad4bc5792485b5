package org.commonground.themes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.commonground.workshop.Lang;

/**
 * A short label for a group of notes: a whole phrase from one of its most central notes, chosen for the
 * words the group's notes share. Drawing the words from a note keeps them the participants' own; weighing
 * shared words keeps one note's detail out of the label. A label is never a window cut out of a sentence
 * ("Care agency did not start until" reads as broken, and a screen reader says it as it is): it is the
 * whole note when that is short, else one of its sentences, else a clause of it, and it never ends on a
 * word like "until", "the" or "and". Words are English or Welsh, as the group is.
 */
final class Labeller {
  /** A label has at most this many words... */
  static final int MAX_WORDS = 8;
  /** ...unless no note of the group has a whole phrase that short: then a whole one up to this long. */
  static final int LONG_WORDS = 14;
  /** Past this many characters a phrase is too long to read as a label, whatever its words. */
  static final int MAX_CHARS = 100;
  /** Last resort, when no note has a short enough phrase: the start of a clause, marked as shortened. */
  private static final int FALLBACK_WORDS = 6;
  private static final int CANDIDATE_NOTES = 3;
  private static final Pattern SENTENCE = Pattern.compile("[.!?\\n]+");
  private static final Pattern CLAUSE = Pattern.compile("[,;:()\\[\\]\"\\u201c\\u201d\\u2013\\u2014]+|\\s-\\s");

  private Labeller() {}

  /**
   * @param texts the group's notes as posted
   * @param centrality how close each note is to the group's centre (higher is closer)
   * @param idf inverse document frequency of each word over all the notes of the call (see {@link #idf})
   */
  static String label(List<String> texts, double[] centrality, Map<String, Double> idf, Lang lang) {
    LabelWords words = LabelWords.of(lang);
    Map<String, Double> shared = sharedWordWeights(texts, idf, words);
    Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -centrality[i]).thenComparingInt(i -> i));
    String best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    // A short phrase of the most central notes first; if none of them has one, of any note of the group;
    // then, the same with longer whole phrases. Only if there is still none, a shortened one.
    for (int tier = 0; tier < 4 && best == null; tier++) {
      int maxWords = tier < 2 ? MAX_WORDS : LONG_WORDS;
      int limit = tier % 2 == 0 ? Math.min(CANDIDATE_NOTES, order.length) : order.length;
      for (int r = 0; r < limit; r++) {
        int i = order[r];
        for (Phrase phrase : phrases(texts.get(i), words, maxWords)) {
          double weight = 0;
          int content = 0;
          for (String w : phrase.words()) {
            weight += shared.getOrDefault(words.key(w), 0.0);
            content += words.isStop(w) ? 0 : 1;
          }
          // A word the group shares is worth more than a slightly more central note. A lone word says
          // little, so fuller phrases win among equals; a whole note or sentence reads best of all.
          double score = weight + 2.0 * centrality[i] + 0.3 * Math.min(content, 4) + phrase.wholeness();
          if (score > bestScore) {
            bestScore = score;
            best = phrase.text();
          }
        }
      }
    }
    if (best == null) best = fallback(texts.get(order[0]), words);
    // A theme label has a length limit (120); a run of letters with no spaces (a pasted link) must not
    // make the whole suggestion fail.
    if (best.length() > MAX_CHARS) best = best.substring(0, best.offsetByCodePoints(0, MAX_CHARS - 1)) + "\u2026";
    return tidy(best);
  }

  /** Inverse document frequency over a set of notes, smoothed as in common TF-IDF practice. */
  static Map<String, Double> idf(List<String> texts, Lang lang) {
    LabelWords words = LabelWords.of(lang);
    Map<String, Integer> df = new HashMap<>();
    for (String t : texts) {
      for (String k : contentKeys(t, words)) df.merge(k, 1, Integer::sum);
    }
    Map<String, Double> idf = new HashMap<>();
    int n = texts.size();
    df.forEach((k, c) -> idf.put(k, Math.log((1.0 + n) / (1.0 + c)) + 1));
    return idf;
  }

  /** Words in two or more of the group's notes, each worth its idf per extra note it is in. */
  private static Map<String, Double> sharedWordWeights(List<String> texts, Map<String, Double> idf, LabelWords words) {
    Map<String, Integer> notesWith = new HashMap<>();
    for (String t : texts) {
      for (String k : contentKeys(t, words)) notesWith.merge(k, 1, Integer::sum);
    }
    Map<String, Double> weights = new HashMap<>();
    notesWith.forEach((k, c) -> {
      if (c >= 2) weights.put(k, (c - 1) * idf.getOrDefault(k, 1.0));
    });
    return weights;
  }

  /**
   * A whole phrase of a note. {@code wholeness}: how much of the note it is (the whole note reads best,
   * then a sentence, then a clause), a bonus on its score.
   */
  record Phrase(String text, List<String> words, double wholeness) {}

  /**
   * The note's whole phrases: the note itself, its sentences and its clauses, each of at most MAX_WORDS
   * words. A clause too long is split where a new clause starts ("until", "because", "and"...): a piece
   * that starts with a word like "until" depends on the rest and is no label; one that starts with "and"
   * stands without it. No phrase ends on a function word.
   */
  static List<Phrase> phrases(String text, LabelWords words, int maxWords) {
    List<Phrase> out = new ArrayList<>();
    String[] sentences = SENTENCE.split(text.strip());
    // A note of one sentence is the best label there is; a note of several reads as a list, so each of
    // its sentences comes before the whole.
    add(out, text, sentences.length == 1 ? 1.0 : -0.5, words, maxWords);
    for (String sentence : sentences) {
      if (sentences.length > 1) add(out, sentence, 0.8, words, maxWords);
      String[] clauses = CLAUSE.split(sentence);
      for (String clause : clauses) {
        if (clauses.length > 1) add(out, clause, 0.2, words, maxWords);
        if (LabelWords.words(clause).size() > maxWords) {
          for (String piece : words.splitAtClauseWords(clause)) add(out, piece, 0.0, words, maxWords);
        }
      }
    }
    return out;
  }

  private static void add(List<Phrase> out, String raw, double wholeness, LabelWords words, int maxWords) {
    String text = words.withoutLeadingJoiner(trimPunctuation(raw));
    List<String> ws = LabelWords.words(text);
    if (ws.isEmpty() || ws.size() > maxWords || text.length() > MAX_CHARS) return;
    if (words.cannotEnd(ws.get(ws.size() - 1))) return;
    if (out.stream().noneMatch(p -> p.text().equalsIgnoreCase(text))) out.add(new Phrase(text, ws, wholeness));
  }

  /**
   * Spaces and punctuation at either end go; a question keeps its question mark, and a quotation opened
   * inside keeps its closing mark ("Say 'people', not 'cases'").
   */
  static String trimPunctuation(String s) {
    String t = s.strip();
    int from = 0;
    while (from < t.length() && !Character.isLetterOrDigit(t.charAt(from))) from++;
    int to = t.length();
    while (to > from && !Character.isLetterOrDigit(t.charAt(to - 1))) to--;
    String core = t.substring(from, to);
    String tail = t.substring(to);
    for (char[] q : new char[][] {{'\'', '\''}, {'\u2018', '\u2019'}, {'"', '"'}, {'\u201c', '\u201d'}}) {
      if (tail.indexOf(q[1]) >= 0 && opens(core, q[0], q[1])) {
        core = core + q[1];
        break;
      }
    }
    boolean question = tail.contains("?");
    return question && !core.isEmpty() ? core + "?" : core;
  }

  /** Whether a quotation opened with {@code open} is still open at the end of {@code s}. */
  private static boolean opens(String s, char open, char close) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean atWordStart = i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
      if (c == open && atWordStart) depth++;
      else if (c == close && depth > 0 && (i + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(i + 1)))) depth--;
    }
    return depth > 0;
  }

  private static Set<String> contentKeys(String text, LabelWords words) {
    Set<String> keys = new HashSet<>();
    for (String w : LabelWords.words(text)) {
      if (!words.isStop(w)) keys.add(words.key(w));
    }
    return keys;
  }

  /**
   * Only when no note of the group has a whole phrase of at most MAX_WORDS: the first words of the most
   * central note's first clause, up to a word that can end a phrase, and an ellipsis that says so.
   */
  private static String fallback(String text, LabelWords words) {
    String clause = trimPunctuation(CLAUSE.split(SENTENCE.split(text.strip())[0])[0]);
    List<String> ws = LabelWords.words(clause.isEmpty() ? text : clause);
    if (ws.isEmpty()) return text.strip();
    int end = Math.min(FALLBACK_WORDS, ws.size());
    while (end > 1 && words.cannotEnd(ws.get(end - 1))) end--;
    String start = String.join(" ", ws.subList(0, end));
    return end < ws.size() ? start + "\u2026" : start;
  }

  private static String tidy(String phrase) {
    String p = phrase.strip();
    if (p.isEmpty()) return "Untitled";
    int first = p.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
        .append(p.substring(Character.charCount(first))).toString();
  }
}
