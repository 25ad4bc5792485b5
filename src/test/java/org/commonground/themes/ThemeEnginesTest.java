package org.commonground.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThemeEnginesTest {

  @Test
  @DisplayName("a model that cannot load gives a clear ThemeModelUnavailableException, errors included")
  void modelFailureIsClear() {
    assertThatThrownBy(() -> ThemeEngines.load(pool -> {
      throw new java.io.IOException("all-minilm-l6-v2-q.onnx is not on the class path");
    })).isInstanceOf(ThemeModelUnavailableException.class)
        .hasMessageContaining("Theme suggestions are unavailable")
        .hasMessageContaining("all-minilm-l6-v2-q.onnx");
    assertThatThrownBy(() -> ThemeEngines.load(pool -> {
      throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
    })).isInstanceOf(ThemeModelUnavailableException.class).hasMessageContaining("onnxruntime");
  }

  @Test
  @DisplayName("the shared model is loaded once: every engine uses the same embedder")
  void loadedOnce() {
    assertThat(ThemeEngines.embedder()).isSameAs(ThemeEngines.embedder());
  }
}
