package org.commonground.themes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NoteTextTest {

  @Test
  @DisplayName("normalising drops case, punctuation, emphasis and 'pls', and keeps apostrophes")
  void normalise() {
    assertThat(NoteText.normalise("Tea!!")).isEqualTo("tea");
    assertThat(NoteText.normalise("no jargon pls")).isEqualTo("no jargon");
    assertThat(NoteText.normalise("Please   don\u2019t make me fill in a form...")).isEqualTo("don't make me fill in a form");
    assertThat(NoteText.normalise("A&E")).isEqualTo("a e");
    assertThat(NoteText.forEmbedding("cosy")).isEqualTo(NoteText.PREFIX + "cosy");
  }
}
