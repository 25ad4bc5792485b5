package org.commonground.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The organiser key check. {@code String.equals} stops at the first differing character, so how long a
 * wrong guess takes tells an attacker how much of it was right; this compares in time that depends on
 * neither the guess nor the key. Both are hashed first so that their lengths leak nothing either
 * ({@link MessageDigest#isEqual} is constant-time only for inputs of equal length).
 */
final class OrganiserKey {
  private final byte[] keyHash;

  /** {@code key} null: creation is open, and every request passes. */
  OrganiserKey(String key) {
    this.keyHash = key == null ? null : sha256(key);
  }

  boolean open() { return keyHash == null; }

  /** Whether {@code given} (the bearer token, or null) is the key; always true when creation is open. */
  boolean admits(String given) {
    if (keyHash == null) return true;
    // A missing token is hashed too, so that it takes as long as a wrong one.
    return MessageDigest.isEqual(keyHash, sha256(given == null ? "" : given)) && given != null;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
