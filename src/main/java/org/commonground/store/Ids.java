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

  public static boolean isWorkshopId(String s) {
    if (s == null || s.length() != 12) return false;
    for (int i = 0; i < s.length(); i++) if (ALPHABET.indexOf(s.charAt(i)) < 0) return false;
    return true;
  }
}
