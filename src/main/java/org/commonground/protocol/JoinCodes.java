package org.commonground.protocol;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as ABC-234,
 * accepted with or without the dash in any case.
 */
public final class JoinCodes {
  private JoinCodes() {}

  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  public static String generate() {
    StringBuilder b = new StringBuilder(6);
    for (int i = 0; i < 6; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return b.toString();
  }

  /** The canonical stored form (ABC234), or null when the input cannot be a join code. */
  public static String normalise(String input) {
    if (input == null) return null;
    String c = input.strip().replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (c.length() != 6) return null;
    for (int i = 0; i < 6; i++) if (ALPHABET.indexOf(c.charAt(i)) < 0) return null;
    return c;
  }

  public static String display(String code) {
    return code == null || code.length() != 6 ? code : code.substring(0, 3) + "-" + code.substring(3);
  }
}
