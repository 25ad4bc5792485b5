package org.commonground.store;

import java.security.SecureRandom;

/** Workshop ids: 12 characters of lower-case base32, unguessable enough to appear in URLs. */
public final class Ids {
  private Ids() {}

  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  public static String workshopId() { return random(12); }

  public static String random(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return b.toString();
  }

  /**
   * A workshop id drawn from {@code seed} (60 bits of its SHA-256): the same seed, the same id. For a request
   * retried with the same key; the seed must hold something the requester cannot choose freely alone.
   */
  public static String workshopIdFrom(String seed) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder(12);
      for (int i = 0; i < 12; i++) b.append(ALPHABET.charAt((h[i] & 0xff) % ALPHABET.length()));
      return b.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean isWorkshopId(String s) {
    if (s == null || s.length() != 12) return false;
    for (int i = 0; i < s.length(); i++) if (ALPHABET.indexOf(s.charAt(i)) < 0) return false;
    return true;
  }
}
