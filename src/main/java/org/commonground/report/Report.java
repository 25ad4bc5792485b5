package org.commonground.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a workshop produced, as a facilitator takes it away: built from the state by {@link Reports}, and
 * the only source of every figure in every format (Markdown, JSON, CSV, Word, PDF), so no two formats can
 * disagree. Sections are in the order a reader wants them: themes by votes (most first) with their
 * contributions, take-home messages, questions asked, parking lot, actions, polls, the agenda, participation.
 *
 * <p>It never names the author of an anonymous contribution, nor their group; {@code minGroupSize} is the
 * size in force (never under 3 once anyone has posted). In a confidential workshop it has no contribution
 * texts but the take-home messages and parking-lot items. {@code lang} is the workshop's language ("en",
 * "cy"): a renderer may be asked for the other one.
 */
public record Report(
    String title,
    long createdAt,
    Long endedAt,
    String status,
    boolean confidential,
    String lang,
    List<AgendaItem> agenda,
    List<ThemeItem> themes,
    List<Item> unthemed,
    List<Item> takeaways,
    List<Item> questions,
    List<ParkingItem> parking,
    List<PollResult> polls,
    List<GroupShare> participation,
    int anonymousContributions,
    int minGroupSize,
    List<ActionItem> actions) {

  public Report {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lang, "lang");
    agenda = List.copyOf(agenda);
    themes = List.copyOf(themes);
    unthemed = List.copyOf(unthemed);
    takeaways = List.copyOf(takeaways);
    questions = List.copyOf(questions);
    parking = List.copyOf(parking);
    polls = List.copyOf(polls);
    participation = List.copyOf(participation);
    actions = actions == null ? List.of() : List.copyOf(actions);
    if (anonymousContributions < 0) throw new IllegalArgumentException("anonymousContributions < 0");
    if (minGroupSize < 1) throw new IllegalArgumentException("minGroupSize < 1");
  }

  /** A phase as planned, and when it actually ran (null: it did not run; {@code endedAt} null: still running). */
  public record AgendaItem(int index, String title, int plannedMinutes, Long startedAt, Long endedAt) {
    public AgendaItem {
      Objects.requireNonNull(title, "title");
      if (index < 0 || plannedMinutes < 0) throw new IllegalArgumentException("negative phase index or minutes");
    }
  }

  /**
   * One contribution as every format shows it. {@code text} null in a confidential report (but take-home
   * messages and parking-lot items). {@code by}: a name, or null (anonymous, or confidential); {@code group}
   * null when anonymous. {@code theme}/{@code themeVotes}: the theme it is in (null/0: none). {@code parking}
   * and {@code owner} for parking-lot items. {@code at}: when it was posted (epoch ms).
   */
  public record Item(String id, int phase, String kind, String text, String by, String group, int votes,
                     int reactions, String theme, int themeVotes, String parking, String owner, long at) {
    public Item {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
      if (votes < 0 || reactions < 0 || themeVotes < 0) throw new IllegalArgumentException("negative count");
    }
  }

  public record ThemeItem(String label, int votes, boolean suggested, List<Item> contributions) {
    public ThemeItem {
      Objects.requireNonNull(label, "label");
      contributions = List.copyOf(contributions);
    }
  }

  public record ParkingItem(Item item, String status, String owner) {
    public ParkingItem {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(status, "status");
    }

    public String text() { return item.text(); }
  }

  /**
   * An action recorded by a facilitator: {@code status} its wire word, {@code due} yyyy-mm-dd or null;
   * {@code carried} when it came from the meeting before.
   */
  public record ActionItem(String text, String owner, String due, String status, String outcome, boolean carried) {
    public ActionItem {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(status, "status");
    }
  }

  /** {@code status} "closed" once the workshop has ended, whatever the poll was left at. */
  public record PollResult(String question, String status, List<Option> options) {
    public PollResult {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(status, "status");
      options = List.copyOf(options);
    }

    public record Option(String label, int count) {}
  }

  /**
   * A stakeholder group's share: its people, and the contributions they posted under their name. Anonymous
   * contributions are never counted under a group (only in {@code anonymousContributions}), so no report,
   * nor two reports compared, tells whose they are. Groups smaller than the minimum are merged into "Other".
   */
  public record GroupShare(String group, int participants, int contributions) {}

  /** Every contribution once, in report order: by theme, then unthemed, take-home messages, questions, parking. */
  public List<Item> allItems() {
    Set<String> seen = new LinkedHashSet<>();
    List<Item> out = new ArrayList<>();
    for (ThemeItem t : themes) for (Item i : t.contributions()) if (seen.add(i.id())) out.add(i);
    for (Item i : unthemed) if (seen.add(i.id())) out.add(i);
    for (Item i : takeaways) if (seen.add(i.id())) out.add(i);
    for (Item i : questions) if (seen.add(i.id())) out.add(i);
    for (ParkingItem p : parking) if (seen.add(p.item().id())) out.add(p.item());
    return out;
  }

  /** The phase's title as planned, or its number when the agenda no longer has it. */
  public String phaseTitle(int index) {
    for (AgendaItem a : agenda) if (a.index() == index) return a.title();
    return Integer.toString(index + 1);
  }
}
