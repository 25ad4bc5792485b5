package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Join codes")
class JoinCodesTest {

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"ABC234", "ABC-234", "abc-234", "abc234", "AbC-2 34", " abc 234 ", "ABC 234", "a-b-c-2-3-4",
      "\tabc234\n"})
  @DisplayName("a code is accepted with or without the dash, in any case, with stray spaces")
  void accepted(String typed) {
    assertThat(JoinCodes.normalise(typed)).isEqualTo("ABC234");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"ABO234", "AB0234", "ABI234", "AB1234", "ABL234", "abl234", "abo-234", "abi-234"})
  @DisplayName("codes with look-alike characters (O/0, I/1, L) cannot exist and are rejected")
  void lookAlikesRejected(String typed) {
    assertThat(JoinCodes.normalise(typed)).isNull();
  }

  @ParameterizedTest(name = "[{0}]")
  @NullSource
  @ValueSource(strings = {"", "ABC23", "ABC2345", "ABC-2345", "ABC_234", "ABC.234", "ABC\u2013234", "ÀBC234", "------"})
  @DisplayName("anything that is not six code characters is not a join code")
  void malformed(String typed) {
    assertThat(JoinCodes.normalise(typed)).isNull();
  }

  @Test
  @DisplayName("a code is shown as ABC-234")
  void display() {
    assertThat(JoinCodes.display("ABC234")).isEqualTo("ABC-234");
    assertThat(JoinCodes.display(null)).isNull();
  }

  @Test
  @DisplayName("a shown code reads back as the same code")
  void displayRoundTrip() {
    for (int i = 0; i < 100; i++) {
      String code = JoinCodes.generate();
      assertThat(JoinCodes.normalise(JoinCodes.display(code))).isEqualTo(code);
      assertThat(JoinCodes.normalise(JoinCodes.display(code).toLowerCase())).isEqualTo(code);
    }
  }

  @Test
  @DisplayName("generated codes are six characters without look-alikes, and vary")
  void generated() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      String code = JoinCodes.generate();
      assertThat(code).hasSize(6).matches("[A-Z2-9]{6}").doesNotContain("O", "0", "I", "1", "L");
      seen.add(code);
    }
    assertThat(seen).as("500 random codes out of 31^6 are practically all different").hasSizeGreaterThan(495);
  }

  @Test
  @DisplayName("the alphabet has no look-alikes and every other letter and digit 2-9")
  void alphabet() {
    assertThat(JoinCodes.ALPHABET).isEqualTo("ABCDEFGHJKMNPQRSTUVWXYZ23456789");
  }
}
