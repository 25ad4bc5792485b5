package org.commonground.themes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.commonground.workshop.Lang;

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
    // Each language is grouped on its own, so no group is made of notes whose only likeness is their
    // language. The model is English, and to it every Welsh note looks like every other: Welsh notes are
    // grouped by the words they share instead (LexicalGroups), or not at all.
    List<Integer> welsh = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      (notes.get(i).welsh() ? welsh : others).add(i);
    }
    List<Found> found = new ArrayList<>(byMeaning(notes, others));
    found.addAll(byWords(notes, welsh));
    // Largest first; ties: the group whose first note came first.
    found.sort(Comparator.comparingInt((Found f) -> -f.noteIdx().size()).thenComparingInt(f -> f.noteIdx().get(0)));
    return found.stream().map(f -> new SuggestedTheme(f.label(),
        f.noteIdx().stream().map(i -> notes.get(i).id()).toList())).toList();
  }

  /** A group found: its label and its notes (indexes into the call's notes, in order). */
  private record Found(String label, List<Integer> noteIdx) {}

  /** The notes at {@code which}, grouped by the meaning of their embeddings. */
  private List<Found> byMeaning(List<Note> all, List<Integer> which) {
    // Notes that say the same thing once normalised ("Tea!!", "tea") are one point: they are
    // always grouped together and do not weigh twice on the mean.
    Map<String, List<Integer>> byText = new LinkedHashMap<>();
    for (int i : which) {
      String key = NoteText.normalise(all.get(i).text());
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
      firstTexts.add(all.get(m.get(0)).text());
    }
    Map<String, Double> idf = Labeller.idf(firstTexts, Lang.EN);
    List<Found> out = new ArrayList<>();
    for (List<Integer> group : AgglomerativeClustering.groups(labels)) {
      List<Integer> noteIdx = new ArrayList<>();
      for (int u : group) {
        noteIdx.addAll(members.get(u));
      }
      if (noteIdx.size() < 2) {
        continue;
      }
      noteIdx.sort(Integer::compare);
      out.add(new Found(label(group, centred, firstTexts, idf), noteIdx));
    }
    return out;
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
    return Labeller.label(ts, centrality, idf, Lang.EN);
  }

  /** The Welsh notes at {@code which}, grouped only where they share words (see {@link LexicalGroups}). */
  private static List<Found> byWords(List<Note> all, List<Integer> which) {
    Map<String, List<Integer>> byText = new LinkedHashMap<>();
    for (int i : which) {
      String key = NoteText.normalise(all.get(i).text());
      if (!key.isEmpty()) {
        byText.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    List<List<Integer>> members = new ArrayList<>(byText.values());
    List<String> firstTexts = members.stream().map(m -> all.get(m.get(0)).text()).toList();
    Map<String, Double> idf = Labeller.idf(firstTexts, Lang.CY);
    List<Found> out = new ArrayList<>();
    Set<Integer> grouped = new HashSet<>();
    for (LexicalGroups.Group g : LexicalGroups.group(firstTexts)) {
      List<Integer> noteIdx = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int u : g.members()) {
        noteIdx.addAll(members.get(u));
        texts.add(firstTexts.get(u));
        grouped.add(u);
      }
      noteIdx.sort(Integer::compare);
      out.add(new Found(Labeller.label(texts, g.centrality(), idf, Lang.CY), noteIdx));
    }
    // The same words posted twice are one thing said twice: a group, as in English.
    for (int u = 0; u < members.size(); u++) {
      if (!grouped.contains(u) && members.get(u).size() >= 2) {
        out.add(new Found(Labeller.label(List.of(firstTexts.get(u)), new double[] {1}, idf, Lang.CY),
            members.get(u)));
      }
    }
    return out;
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
      // A theme is placed by its members the model understands (not Welsh ones, which would pull in
      // every Welsh note); one with none of those is known only by its name.
      List<Note> understood = t.members().stream().filter(m -> !m.welsh()).toList();
      List<Note> basis = understood.isEmpty() && !t.label().isBlank()
          ? List.of(new Note(t.themeId(), t.label()))
          : understood;
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
      if (n.welsh()) {
        out.put(n.id(), Placement.byWords(n, themes));
        continue;
      }
      out.put(n.id(), Placement.rank(vectors[i], centroids).stream()
          .map(t -> usable.get(t).themeId()).toList());
    }
    return out;
  }
}
