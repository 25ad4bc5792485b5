package org.commonground.protocol;

/**
 * How big a workshop a client may ask for, at creation and in {@code workshop.update}: every bound on
 * an agenda and its settings in one place. A workshop is created without a login, so without bounds one
 * request could store a 60 KB agenda that every participant's phone then downloads.
 *
 * <p>These are tighter than the checks in the domain's own records ({@code PhaseDef}, {@code Settings}),
 * on purpose: those also run when a stored log is read back, and must still accept workshops created
 * under the looser bounds of earlier versions.
 */
public final class WorkshopBounds {
  private WorkshopBounds() {}

  public static final int TITLE = 200;
  /**
   * Meetings in one series. Starting the next meeting tells every earlier one, and the outcomes page reads
   * them all, so the work per request grows with this; at the bound the next meeting is refused (400)
   * and nothing is created. Fifty is four years of monthly meetings.
   */
  public static final int SERIES_MEETINGS = 50;
  public static final int PHASES = 20;
  public static final int PHASE_TITLE = 120;
  public static final int PHASE_PROMPT = 500;
  public static final int STAKEHOLDER_GROUPS = 12;
  public static final int GROUP_ID = 40;
  public static final int GROUP_LABEL = 60;

  /** The workshop's title, trimmed: 1 to {@link #TITLE} characters. */
  public static String title(String title) {
    String t = title.strip();
    if (t.isEmpty()) throw ProtocolException.invalid("title: give the workshop a title");
    if (length(t) > TITLE) {
      throw ProtocolException.invalid("title: a title can be at most " + TITLE + " characters; please make it shorter");
    }
    return t;
  }

  public static void phaseCount(int phases) {
    if (phases > PHASES) {
      throw ProtocolException.invalid("phases: a workshop can have at most " + PHASES
          + " phases; please remove some and try again");
    }
  }

  /** Phase {@code index}'s title and prompt (either may be null: the domain says what is required). */
  public static void phase(int index, String title, String prompt) {
    String name = "phases[" + index + "]";
    if (title != null && length(title.strip()) > PHASE_TITLE) {
      throw ProtocolException.invalid(name + ".title: the title of phase " + (index + 1) + " can be at most "
          + PHASE_TITLE + " characters; please make it shorter");
    }
    if (prompt != null && length(prompt.strip()) > PHASE_PROMPT) {
      throw ProtocolException.invalid(name + ".prompt: the prompt of phase " + (index + 1) + " can be at most "
          + PHASE_PROMPT + " characters; please make it shorter");
    }
  }

  public static void groupCount(int groups) {
    if (groups > STAKEHOLDER_GROUPS) {
      throw ProtocolException.invalid("settings.stakeholderGroups: a workshop can have at most " + STAKEHOLDER_GROUPS
          + " stakeholder groups; please remove some and try again");
    }
  }

  /** Stakeholder group {@code index}'s id and label: 1 to {@link #GROUP_ID} and {@link #GROUP_LABEL} characters. */
  public static void group(int index, String id, String label) {
    String name = "settings.stakeholderGroups[" + index + "]";
    if (id.isBlank() || length(id) > GROUP_ID) {
      throw ProtocolException.invalid(name + ".id: the id of group " + (index + 1) + " must be 1 to " + GROUP_ID
          + " characters");
    }
    if (label.isBlank() || length(label.strip()) > GROUP_LABEL) {
      throw ProtocolException.invalid(name + ".label: the name of group " + (index + 1) + " must be 1 to "
          + GROUP_LABEL + " characters; please give it a shorter name");
    }
  }

  /** Characters as people count them: a code point, not a UTF-16 unit, so an emoji is one. */
  private static int length(String s) { return s.codePointCount(0, s.length()); }
}
