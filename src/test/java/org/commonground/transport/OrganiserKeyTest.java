package org.commonground.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The organiser key check compares digests with {@code MessageDigest.isEqual}, so its time does not depend
 * on how much of a guess is right (not measurable reliably in a test; see the class). What a test can hold
 * it to is the answer: only the exact key passes, whatever its length or alphabet.
 */
class OrganiserKeyTest {
  @Test
  @DisplayName("with no key, creation is open to every request")
  void open() {
    OrganiserKey none = new OrganiserKey(null);
    assertThat(none.open()).isTrue();
    assertThat(none.admits(null)).isTrue();
    assertThat(none.admits("anything")).isTrue();
  }

  @Test
  @DisplayName("with a key, only that exact key passes: not a prefix, an extension, another case or nothing")
  void exact() {
    String key = "s3cret-Ключ-" + "x".repeat(200);
    OrganiserKey k = new OrganiserKey(key);
    assertThat(k.open()).isFalse();
    assertThat(k.admits(key)).isTrue();
    assertThat(k.admits(null)).isFalse();
    assertThat(k.admits("")).isFalse();
    assertThat(k.admits(key.substring(0, key.length() - 1))).isFalse();
    assertThat(k.admits(key + "x")).isFalse();
    assertThat(k.admits(key.toUpperCase())).isFalse();
    assertThat(k.admits(key.replace("Ключ", "Ключи"))).as("one character differs, far along").isFalse();
  }
}
