package org.commonground.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Kind;
import org.commonground.workshop.Participant;
import org.commonground.workshop.PhaseDef;
import org.commonground.workshop.PhaseRun;
import org.commonground.workshop.Poll;
import org.commonground.workshop.Role;
import org.commonground.workshop.StakeholderGroup;
import org.commonground.workshop.Theme;
import org.commonground.workshop.WorkshopState;

/** Builds a {@link Report} from a workshop's state. Pure: the same state gives the same report. */
public final class Reports {
  private Reports() {}

  public static final String OTHER = "Other";
  public static final String NOT_GIVEN = "Not given";

  public static Report of(WorkshopState s) {
    boolean confidential = s.settings().confidential();
    List<Report.AgendaItem> agenda = new ArrayList<>();
    for (PhaseDef p : s.phases()) {
      Long started = null;
      Long ended = null;
      for (PhaseRun r : s.agenda()) {
        if (r.index() != p.index()) continue;
        if (started == null) started = r.startedAt();
        ended = r.endedAt();
      }
      agenda.add(new Report.AgendaItem(p.index(), p.title(), p.minutes(), started, ended));
    }
    List<Report.ThemeItem> themes = new ArrayList<>();
    for (Theme t : s.themes().values()) {
      List<Report.Item> items = new ArrayList<>();
      for (String id : t.contributionIds()) {
        Contribution c = s.visible(id);
        if (c != null) items.add(item(s, c, confidential));
      }
      themes.add(new Report.ThemeItem(t.label(), t.votes(), t.suggested(), items));
    }
    // Most votes first: the room's priorities lead. The sort is stable, so ties keep the order they were made in.
    themes.sort(Comparator.comparingInt(Report.ThemeItem::votes).reversed());
    List<Report.Item> unthemed = new ArrayList<>();
    List<Report.Item> takeaways = new ArrayList<>();
    List<Report.Item> questions = new ArrayList<>();
    List<Report.ParkingItem> parking = new ArrayList<>();
    for (Contribution c : s.contributions().values()) {
      if (c.hidden()) continue;
      Report.Item i = item(s, c, confidential);
      if (c.kind() == Kind.TAKEAWAY) takeaways.add(i);
      if (c.kind() == Kind.QUESTION) questions.add(i);
      if (c.kind() == Kind.PARKING) parking.add(new Report.ParkingItem(i, i.parking(), c.owner()));
      if (c.themeId() == null && c.kind() != Kind.TAKEAWAY && c.kind() != Kind.PARKING) unthemed.add(i);
    }
    List<Report.PollResult> polls = new ArrayList<>();
    for (Poll p : s.polls().values()) {
      List<Report.PollResult.Option> options = new ArrayList<>();
      int[] counts = p.counts();
      for (int i = 0; i < p.options().size(); i++) options.add(new Report.PollResult.Option(p.options().get(i), counts[i]));
      // Nobody can answer once the workshop has ended, so a poll left open is as closed as any other.
      String status = s.endedAt() != null ? Poll.Status.CLOSED.wire() : p.status().wire();
      polls.add(new Report.PollResult(p.question(), status, options));
    }
    return new Report(s.title(), s.createdAt(), s.endedAt(), s.status().wire(), confidential,
        s.settings().lang().wire(), agenda, themes, unthemed, takeaways, questions, parking, polls, participation(s),
        anonymousCount(s), s.smallestGroupShown(), s.actions().values().stream()
            .map(a -> new Report.ActionItem(a.text(), a.owner(), a.due(), a.status().wire(), a.outcome(),
                a.carriedFrom() != null)).toList());
  }

  /**
   * One contribution as a report shows it. In a confidential report it has no author's name, and no text
   * unless it is a take-home message or a parking-lot item (the group's agreed outputs).
   */
  private static Report.Item item(WorkshopState s, Contribution c, boolean confidential) {
    String text = confidential && c.kind() != Kind.TAKEAWAY && c.kind() != Kind.PARKING ? null : c.text();
    String by = null;
    if (!c.anonymous() && !confidential) {
      if (c.scribedFor() != null) {
        by = c.scribedFor();
      } else {
        Participant p = s.participants().get(c.author());
        by = p == null ? null : p.name();
      }
    }
    String group = c.anonymous() ? null : shownGroup(s, c.group());
    int reactions = c.reactionCounts().values().stream().mapToInt(Integer::intValue).sum();
    Theme theme = c.themeId() == null ? null : s.themes().get(c.themeId());
    return new Report.Item(c.id(), c.phase(), c.kind().wire(), text, by, group, c.votes(), reactions,
        theme == null ? null : theme.label(), theme == null ? 0 : theme.votes(),
        c.parking() == null ? null : c.parking().wire(), c.owner(), c.createdAt());
  }

  /** A group's label, or "Other" when it has fewer participants than the workshop's minimum. */
  static String shownGroup(WorkshopState s, String groupId) {
    if (groupId == null) return null;
    long members = s.participants().values().stream()
        .filter(p -> p.role() == Role.PARTICIPANT && groupId.equals(p.group())).count();
    if (members < s.smallestGroupShown()) return OTHER;
    return label(s, groupId);
  }

  private static String label(WorkshopState s, String groupId) {
    for (StakeholderGroup g : s.settings().stakeholderGroups()) if (g.id().equals(groupId)) return g.label();
    return groupId;
  }

  /**
   * Every visible anonymous contribution, facilitators' too: leaving any out would tell the gap between
   * this count and the anonymous items listed.
   */
  static int anonymousCount(WorkshopState s) {
    return (int) s.contributions().values().stream().filter(c -> !c.hidden() && c.anonymous()).count();
  }

  /**
   * Participants, and contributions posted under a name, per stakeholder group; groups under the minimum
   * size are merged into "Other". An anonymous contribution counted in its author's group would name the
   * group outright when it is small, and in any group once two reports, before and after it, are compared.
   */
  static List<Report.GroupShare> participation(WorkshopState s) {
    Map<String, int[]> byGroup = new LinkedHashMap<>();
    for (StakeholderGroup g : s.settings().stakeholderGroups()) byGroup.put(g.id(), new int[2]);
    for (Participant p : s.participants().values()) {
      if (p.role() != Role.PARTICIPANT) continue;
      byGroup.computeIfAbsent(p.group() == null ? "" : p.group(), k -> new int[2])[0]++;
    }
    for (Contribution c : s.contributions().values()) {
      if (c.hidden() || c.anonymous()) continue;
      Participant author = s.participants().get(c.author());
      if (author != null && author.role() != Role.PARTICIPANT && c.scribedFor() == null) continue;
      String g = c.scribedFor() != null ? c.group() : author == null ? c.group() : author.group();
      byGroup.computeIfAbsent(g == null ? "" : g, k -> new int[2])[1]++;
    }
    List<Report.GroupShare> out = new ArrayList<>();
    int[] other = new int[2];
    for (Map.Entry<String, int[]> e : byGroup.entrySet()) {
      int[] n = e.getValue();
      if (n[0] == 0 && n[1] == 0) continue;
      if (n[0] < s.smallestGroupShown()) {
        other[0] += n[0];
        other[1] += n[1];
      } else {
        out.add(new Report.GroupShare(e.getKey().isEmpty() ? NOT_GIVEN : label(s, e.getKey()), n[0], n[1]));
      }
    }
    if (other[0] > 0 || other[1] > 0) out.add(new Report.GroupShare(OTHER, other[0], other[1]));
    return out;
  }
}
