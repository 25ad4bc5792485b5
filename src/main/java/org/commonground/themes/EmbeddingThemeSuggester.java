package org.commonground.themes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Theme suggestions from sentence embeddings: notes are embedded (normalised, in a sentence
 * frame), centred on the call's own mean, and grouped by average-linkage clustering at a fixed
 * cosine distance. Thread-safe: the only shared state is the embedder's cache.
 */
public final class EmbeddingThemeSuggester implements ThemeSuggester {

  /**
   * Cosine distance between centred embeddings under which groups are joined. Tuned on the dev
   * set (flat between 0.93 and 0.98); after centring 1.0 means "no more alike than two notes
   * picked at random from the same workshop", so 0.95 asks for a little more than chance.
   */
  public static final double DEFAULT_THRESHOLD = 0.95;

  private final Embedder embedder;
  private final double threshold;

  public EmbeddingThemeSuggester(Embedder embedder) {
    this(embedder, DEFAULT_THRESHOLD);
  }

  public EmbeddingThemeSuggester(Embedder embedder, double threshold) {
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.threshold = threshold;
  }

  @Override
  public List<SuggestedTheme> suggest(List<Note> notes) {
    Objects.requireNonNull(notes, "notes");
    // Notes that say the same thing once normalised ("Tea!!", "tea") are one point: they are
    // always grouped together and do not weigh twice on the mean.
    Map<String, List<Integer>> byText = new LinkedHashMap<>();
    for (int i = 0; i < notes.size(); i++) {
      String key = NoteText.normalise(notes.get(i).text());
      if (!key.isEmpty()) {
        byText.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    List<String> keys = new ArrayList<>(byText.keySet());
    List<List<Integer>> members = new ArrayList<>(byText.values());
    if (keys.isEmpty()) {
      return List.of();
    }
    float[][] raw = embedder.embed(keys.stream().map(k -> NoteText.PREFIX + k).toList());
    int[] labels;
    float[][] centred;
    if (keys.size() < 3) {
      // Centring two points makes them exact opposites; with so little to compare, only
      // identical notes are grouped.
      centred = raw;
      labels = new int[keys.size()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = i;
      }
    } else {
      centred = Vectors.centred(raw);
      labels = AgglomerativeClustering.cluster(
          AgglomerativeClustering.cosineDistances(centred), threshold);
    }
    List<String> firstTexts = new ArrayList<>();
    for (List<Integer> m : members) {
      firstTexts.add(notes.get(m.get(0)).text());
    }
    Map<String, Double> idf = Labeller.idf(firstTexts);
    List<SuggestedTheme> out = new ArrayList<>();
    List<Integer> firstIndex = new ArrayList<>();
    for (List<Integer> group : AgglomerativeClustering.groups(labels)) {
      List<Integer> noteIdx = new ArrayList<>();
      for (int u : group) {
        noteIdx.addAll(members.get(u));
      }
      if (noteIdx.size() < 2) {
        continue;
      }
      noteIdx.sort(Integer::compare);
      out.add(new SuggestedTheme(label(group, centred, firstTexts, idf),
          noteIdx.stream().map(i -> notes.get(i).id()).toList()));
      firstIndex.add(noteIdx.get(0));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt((Integer i) -> -out.get(i).contributionIds().size())
        .thenComparingInt(firstIndex::get));
    return order.stream().map(out::get).toList();
  }

  private static String label(List<Integer> group, float[][] vectors, List<String> texts,
      Map<String, Double> idf) {
    float[][] vs = new float[group.size()][];
    List<String> ts = new ArrayList<>();
    for (int k = 0; k < group.size(); k++) {
      vs[k] = vectors[group.get(k)];
      ts.add(texts.get(group.get(k)));
    }
    float[] centre = Vectors.unit(Vectors.mean(vs));
    double[] centrality = new double[vs.length];
    for (int k = 0; k < vs.length; k++) {
      centrality[k] = Vectors.dot(vs[k], centre);
    }
    return Labeller.label(ts, centrality, idf);
  }

  @Override
  public Map<String, List<String>> place(List<Note> notes, List<PlacedTheme> themes) {
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(themes, "themes");
    Set<String> themed = new HashSet<>();
    List<String> texts = new ArrayList<>();
    for (Note n : notes) {
      texts.add(NoteText.forEmbedding(n.text()));
    }
    List<PlacedTheme> usable = new ArrayList<>();
    for (PlacedTheme t : themes) {
      t.members().forEach(m -> themed.add(m.id()));
      // A theme nobody has filled yet is known only by its name.
      List<Note> basis = t.members().isEmpty() && !t.label().isBlank()
          ? List.of(new Note(t.themeId(), t.label()))
          : t.members();
      if (!basis.isEmpty()) {
        usable.add(new PlacedTheme(t.themeId(), t.label(), basis));
        basis.forEach(m -> texts.add(NoteText.forEmbedding(m.text())));
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (notes.isEmpty()) {
      return out;
    }
    float[][] vectors = embedder.embed(texts);
    float[][] centroids = new float[usable.size()][];
    int at = notes.size();
    for (int t = 0; t < usable.size(); t++) {
      int size = usable.get(t).members().size();
      float[][] vs = new float[size][];
      for (int k = 0; k < size; k++) {
        vs[k] = vectors[at++];
      }
      centroids[t] = Vectors.unit(Vectors.mean(vs));
    }
    for (int i = 0; i < notes.size(); i++) {
      Note n = notes.get(i);
      if (themed.contains(n.id()) || NoteText.normalise(n.text()).isEmpty()) {
        out.put(n.id(), List.of());
        continue;
      }
      out.put(n.id(), Placement.rank(vectors[i], centroids).stream()
          .map(t -> usable.get(t).themeId()).toList());
    }
    return out;
  }
}
