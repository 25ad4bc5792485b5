package org.commonground.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens: {@code <workshopId>.<256 random bits>}. The workshop id in front lets the server find
 * the token's record in that workshop's hash slot; only the SHA-256 of the whole token is stored.
 */
public final class Tokens {
  private Tokens() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  public static String mint(String workshopId) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return workshopId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The workshop a token claims to belong to, or null if it is not shaped like one of ours. */
  public static String workshopOf(String token) {
    if (token == null || token.length() > 200) return null;
    int dot = token.indexOf('.');
    if (dot <= 0 || dot == token.length() - 1) return null;
    String id = token.substring(0, dot);
    return Ids.isWorkshopId(id) ? id : null;
  }

  public static String hash(String token) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
