package org.commonground.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Value rules checked when a command is built")
class CommandValidationTest {

  private static Command.AddContribution add(String text) {
    return new Command.AddContribution(text, null, null, null, null);
  }

  @ParameterizedTest(name = "[{0}]")
  @NullSource
  @ValueSource(strings = {"", " ", "   \n\t  ", "\u2003"})
  @DisplayName("a contribution with no text, or only spaces, is refused")
  void emptyText(String text) {
    assertThatThrownBy(() -> add(text)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.EditContribution("c1", text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a contribution of 1001 characters is refused with a message naming the limit")
  void tooLong() {
    String text = "a".repeat(1001);

    assertThatThrownBy(() -> add(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000");
    assertThatThrownBy(() -> new Command.EditContribution("c1", text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a contribution of exactly 1000 characters is accepted, also with spaces around it")
  void exactlyTheLimit() {
    String text = "a".repeat(1000);

    assertThat(add(text).text()).hasSize(1000);
    assertThat(add("  " + text + "\n").text()).isEqualTo(text);
    assertThat(new Command.EditContribution("c1", " " + text).text()).isEqualTo(text);
  }

  @Test
  @DisplayName("the 1000-character limit counts characters as people see them, so emoji count once")
  void limitCountsCodePoints() {
    String thousandEmoji = "\uD83D\uDE00".repeat(1000);

    assertThatCode(() -> add(thousandEmoji)).doesNotThrowAnyException();
    assertThatThrownBy(() -> add(thousandEmoji + "!")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("contribution.add defaults to an idea")
  void defaultKind() {
    assertThat(add("x").kind()).isEqualTo(Kind.IDEA);
  }

  @Test
  @DisplayName("a scribe entry needs the person's name, 1 to 80 characters")
  void scribeName() {
    assertThatThrownBy(() -> new Command.AddContribution("x", null, null, "  ", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.AddContribution("x", null, null, "n".repeat(81), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Command.AddContribution("x", null, null, " Mrs Khan ", null).scribedFor()).isEqualTo("Mrs Khan");
  }

  @Test
  @DisplayName("a joiner's name must not be empty and at most 80 characters")
  void joinName() {
    assertThatThrownBy(() -> new Command.Join(" ", null, Role.PARTICIPANT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.Join(null, null, Role.PARTICIPANT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.Join("n".repeat(81), null, Role.PARTICIPANT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> new Command.Join("n".repeat(80), null, Role.PARTICIPANT)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("commands about a contribution need its id")
  void idsRequired() {
    assertThatThrownBy(() -> new Command.EditContribution(null, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.WithdrawContribution(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.HideContribution(null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.UnhideContribution(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.ToggleReaction(null, "agree")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a hide reason is optional: blank means none, over 500 characters is refused")
  void hideReason() {
    assertThat(new Command.HideContribution("c1", "   ").reason()).isNull();
    assertThat(new Command.HideContribution("c1", " off topic ").reason()).isEqualTo("off topic");
    assertThatThrownBy(() -> new Command.HideContribution("c1", "r".repeat(501)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"agree", "heart", "insight", "question"})
  @DisplayName("the four reactions are agree, heart, insight and question")
  void knownReactions(String reaction) {
    assertThat(new Command.ToggleReaction("c1", reaction).reaction()).isEqualTo(reaction);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"like", "Agree", "", "thumbsdown"})
  @DisplayName("any other reaction is refused")
  void unknownReactions(String reaction) {
    assertThatThrownBy(() -> new Command.ToggleReaction("c1", reaction)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("each command reports its wire name")
  void wireNames() {
    assertThat(add("x").commandName()).isEqualTo("contribution.add");
    assertThat(new Command.EditContribution("c1", "x").commandName()).isEqualTo("contribution.edit");
    assertThat(new Command.WithdrawContribution("c1").commandName()).isEqualTo("contribution.withdraw");
    assertThat(new Command.HideContribution("c1", null).commandName()).isEqualTo("contribution.hide");
    assertThat(new Command.UnhideContribution("c1").commandName()).isEqualTo("contribution.unhide");
    assertThat(new Command.ToggleReaction("c1", "agree").commandName()).isEqualTo("reaction.toggle");
  }
}
