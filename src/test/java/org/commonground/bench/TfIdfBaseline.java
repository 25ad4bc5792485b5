package org.commonground.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keyword baseline: TF-IDF vectors the way scikit-learn's TfidfVectorizer makes them (lower
 * case, tokens of two or more word characters, English stop words dropped, smoothed idf, l2 norm),
 * with the vocabulary and idf fitted on every contribution of the dev set and the vectors of one
 * workshop clustered at a time. The stop list is our own; scikit-learn's longer list gives about
 * 0.07 here, the reference figure, and ours a little less.
 */
final class TfIdfBaseline {
  private static final Pattern TOKEN = Pattern.compile("\\b\\w\\w+\\b", Pattern.UNICODE_CHARACTER_CLASS);

  private static final Set<String> STOP = Set.of((
      "a about above after again against all also am an and any are as at be because been before "
      + "being below between both but by can cannot could did do does doing down during each few "
      + "for from further get got had has have having he her here hers herself him himself his how "
      + "if in into is it its itself just let like me more most my myself no nor not of off on once "
      + "one only or other our ours ourselves out over own same she should so some such than that "
      + "the their theirs them themselves then there these they this those through to too under "
      + "until up very was we well were what when where which while who whom why will with would "
      + "you your yours yourself yourselves")
      .split(" "));

  private TfIdfBaseline() {}

  /** Unit TF-IDF vectors of {@code texts}, with the vocabulary and idf of {@code corpus}. */
  static float[][] vectors(List<String> corpus, List<String> texts) {
    Map<String, Integer> df = new HashMap<>();
    Map<String, Integer> index = new HashMap<>();
    for (String t : corpus) {
      counts(t).keySet().forEach(w -> {
        df.merge(w, 1, Integer::sum);
        index.putIfAbsent(w, index.size());
      });
    }
    List<Map<String, Integer>> counts = new ArrayList<>();
    for (String t : texts) {
      Map<String, Integer> c = counts(t);
      c.keySet().retainAll(index.keySet());
      counts.add(c);
    }
    int n = corpus.size();
    float[][] out = new float[texts.size()][index.size()];
    for (int i = 0; i < texts.size(); i++) {
      double norm = 0;
      for (var e : counts.get(i).entrySet()) {
        double v = e.getValue() * (Math.log((1.0 + n) / (1.0 + df.get(e.getKey()))) + 1);
        out[i][index.get(e.getKey())] = (float) v;
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      if (norm > 0) {
        for (int j = 0; j < out[i].length; j++) {
          out[i][j] /= norm;
        }
      }
    }
    return out;
  }

  private static Map<String, Integer> counts(String text) {
    Map<String, Integer> c = new HashMap<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      if (!STOP.contains(m.group())) {
        c.merge(m.group(), 1, Integer::sum);
      }
    }
    return c;
  }
}
