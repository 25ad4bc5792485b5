package org.commonground.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Spots text that looks like it carries someone's contact details or NHS number, so its author is asked
 * before it is shared with the room. It only warns: the author may still post it.
 */
public final class PersonalData {
  private PersonalData() {}

  private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
  /** UK numbers: 07…, 01…/02…, or +44, with the usual spaces, dashes or brackets. */
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\d])(\\+44\\s?\\(?0?\\)?\\s?|0)\\d{2,4}[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}(?![\\d])");
  /** Ten digits, run together or spaced 3-3-4. */
  private static final Pattern NHS_NUMBER = Pattern.compile("(?<![\\d])\\d{3}[\\s-]?\\d{3}[\\s-]?\\d{4}(?![\\d])");

  /** What kinds of personal data the text seems to hold: "email", "phone", "nhs-number"; empty if none. */
  public static List<String> detect(String text) {
    // Most notes have neither an @ nor nine digits, and then nothing below can match: skip the patterns.
    int digits = 0;
    boolean at = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') digits++;
      else if (c == '@') at = true;
    }
    if (!at && digits < 9) return List.of();
    List<String> kinds = new ArrayList<>();
    if (EMAIL.matcher(text).find()) kinds.add("email");
    if (NHS_NUMBER.matcher(text).find()) kinds.add("nhs-number");
    else if (PHONE.matcher(text).find()) kinds.add("phone");
    return kinds;
  }

  static String describe(List<String> kinds) {
    List<String> words = new ArrayList<>();
    for (String k : kinds) {
      words.add(switch (k) {
        case "email" -> "an email address";
        case "nhs-number" -> "an NHS number";
        default -> "a phone number";
      });
    }
    return String.join(" and ", words);
  }
}
