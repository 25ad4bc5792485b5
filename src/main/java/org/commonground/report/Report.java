package org.commonground.report;

import java.util.List;

/**
 * What a workshop produced, as a facilitator takes it away: built from the state by {@link Reports},
 * rendered as Markdown, JSON or CSV. It never names the author of an anonymous contribution, nor their
 * group; {@code minGroupSize} is the size in force (never under 3 once anyone has posted). In a
 * confidential workshop it has no contribution texts but the take-home messages and parking-lot items.
 */
public record Report(
    String title,
    long createdAt,
    Long endedAt,
    String status,
    boolean confidential,
    List<AgendaItem> agenda,
    List<ThemeItem> themes,
    List<Item> unthemed,
    List<Item> takeaways,
    List<ParkingItem> parking,
    List<PollResult> polls,
    List<GroupShare> participation,
    int anonymousContributions,
    int minGroupSize) {

  /** A phase as planned, and when it actually ran (null: it did not run). */
  public record AgendaItem(int index, String title, int plannedMinutes, Long startedAt, Long endedAt) {}

  /** {@code text} null in a confidential report. {@code by}: a name, or null (anonymous, or confidential). */
  public record Item(String id, int phase, String kind, String text, String by, String group, int votes,
                     int reactions) {}

  public record ThemeItem(String label, int votes, boolean suggested, List<Item> contributions) {}

  public record ParkingItem(Item item, String status, String owner) {
    public String text() { return item.text(); }
  }

  public record PollResult(String question, String status, List<Option> options) {
    public record Option(String label, int count) {}
  }

  /**
   * A stakeholder group's share: its people, and the contributions they posted under their name. Anonymous
   * contributions are never counted under a group (only in {@code anonymousContributions}), so no report,
   * nor two reports compared, tells whose they are. Groups smaller than the minimum are merged into "Other".
   */
  public record GroupShare(String group, int participants, int contributions) {}
}
