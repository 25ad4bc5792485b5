package org.commonground.themes;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sentence embeddings with a bounded cache by exact text. Placement is asked again every time
 * someone moves a note, with mostly the same texts, so only new texts should reach the model.
 */
public final class Embedder {
  private final EmbeddingModel model;
  private final int cacheSize;
  private final Map<String, float[]> cache;

  public Embedder(EmbeddingModel model, int cacheSize) {
    this.model = Objects.requireNonNull(model, "model");
    if (cacheSize < 1) {
      throw new IllegalArgumentException("cacheSize must be positive");
    }
    this.cacheSize = cacheSize;
    this.cache = new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > cacheSize;
      }
    };
  }

  /**
   * A unit vector per text, in order. Texts are embedded as given (no normalising here). The
   * arrays are shared with the cache: read them, never write them.
   */
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<String> missing = new ArrayList<>();
    List<Integer> missingAt = new ArrayList<>();
    Map<String, Integer> firstMissing = new LinkedHashMap<>();
    synchronized (cache) {
      for (int i = 0; i < texts.size(); i++) {
        float[] hit = cache.get(texts.get(i));
        if (hit != null) {
          out[i] = hit;
        } else if (firstMissing.putIfAbsent(texts.get(i), missing.size()) == null) {
          missing.add(texts.get(i));
          missingAt.add(i);
        } else {
          missingAt.add(i);
        }
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    // Outside the lock: two callers may embed the same new text at once, which is cheaper than
    // making every caller wait for the model.
    List<TextSegment> segments = missing.stream().map(TextSegment::from).toList();
    List<Embedding> embedded = model.embedAll(segments).content();
    float[][] fresh = new float[missing.size()][];
    for (int k = 0; k < fresh.length; k++) {
      fresh[k] = Vectors.unit(embedded.get(k).vector());
    }
    synchronized (cache) {
      for (int k = 0; k < fresh.length; k++) {
        cache.put(missing.get(k), fresh[k]);
      }
    }
    for (int i : missingAt) {
      out[i] = fresh[firstMissing.get(texts.get(i))];
    }
    return out;
  }

  /** An embedder on the same model with an empty cache of the same size (for timing cold calls). */
  public Embedder withEmptyCache() {
    return new Embedder(model, cacheSize);
  }

  public int cached() {
    synchronized (cache) {
      return cache.size();
    }
  }
}
