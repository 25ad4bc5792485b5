package org.commonground.themes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmbedderTest {

  /** Records what reaches the model; vectors are made from the text's hash. */
  static final class CountingModel implements EmbeddingModel {
    final List<String> seen = new ArrayList<>();

    @Override
    public synchronized Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      List<Embedding> out = new ArrayList<>();
      for (TextSegment s : segments) {
        seen.add(s.text());
        int h = s.text().hashCode();
        out.add(Embedding.from(new float[] {h & 0xff, (h >> 8) & 0xff, 1}));
      }
      return Response.from(out);
    }
  }

  @Test
  @DisplayName("only texts not seen before reach the model, each once, and vectors come back unit length in order")
  void cachesByText() {
    CountingModel model = new CountingModel();
    Embedder embedder = new Embedder(model, 100);
    float[][] first = embedder.embed(List.of("a", "b", "a"));
    float[][] second = embedder.embed(List.of("b", "c"));
    assertThat(model.seen).containsExactly("a", "b", "c");
    assertThat(first[0]).isEqualTo(first[2]);
    assertThat(second[0]).isEqualTo(first[1]);
    assertThat(Vectors.dot(second[1], second[1])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  @DisplayName("the cache is bounded and forgets the least recently used text")
  void boundedLru() {
    CountingModel model = new CountingModel();
    Embedder embedder = new Embedder(model, 2);
    embedder.embed(List.of("a", "b"));
    embedder.embed(List.of("a"));
    embedder.embed(List.of("c"));
    assertThat(embedder.cached()).isEqualTo(2);
    embedder.embed(List.of("a", "b"));
    assertThat(model.seen).containsExactly("a", "b", "c", "b");
  }
}
