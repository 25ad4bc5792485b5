package org.commonground.report;

import org.commonground.workshop.Lang;
import org.commonground.workshop.StakeholderGroup;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * A report's own words (headings, labels, dates) in English or Welsh, the same in every format, so the Word
 * file and the PDF say what the minutes say. People's contributions are never translated: they stay as written.
 * Welsh follows the web client's catalogue (web/i18n/cy.js), so the report uses the words people saw.
 */
public record Words(String lang, Map<String, String> text) {
  public Words {
    if (!"en".equals(lang) && !"cy".equals(lang)) throw new IllegalArgumentException("lang must be en or cy");
    text = Map.copyOf(text);
  }

  private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  // Written out, not from the JDK's locale data: its Welsh month names vary between JDK builds.
  private static final String[] MONTHS_CY = {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
      "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"};

  private static final Map<String, String> EN = Map.ofEntries(
      Map.entry("date", "Date"), Map.entry("running", "still running"), Map.entry("utc", "Times are UTC."),
      Map.entry("confidential", "This workshop is confidential: contributions are left out, but for the take-home messages and the parking lot."),
      Map.entry("themes", "Themes"), Map.entry("noThemes", "No themes were made."),
      Map.entry("unthemed", "Not in a theme"), Map.entry("takeaways", "Take-home messages"),
      Map.entry("noTakeaways", "None were posted."), Map.entry("questions", "Questions asked"),
      Map.entry("noQuestions", "No questions were asked."), Map.entry("parking", "Parking lot"),
      Map.entry("noParking", "Nothing was parked."), Map.entry("item", "Item"), Map.entry("status", "Status"),
      Map.entry("owner", "Owner"), Map.entry("polls", "Polls"), Map.entry("noPolls", "No polls were run."),
      Map.entry("open", "still open"), Map.entry("closed", "closed"), Map.entry("answer", "Answer"),
      Map.entry("count", "Count"), Map.entry("agenda", "Agenda as planned and as run"),
      Map.entry("phase", "Phase"), Map.entry("planned", "Planned"), Map.entry("ran", "Ran"),
      Map.entry("didNotRun", "did not run"), Map.entry("toNow", "to now"), Map.entry("to", "to"),
      Map.entry("min", "min"), Map.entry("participation", "Participation by stakeholder group"),
      Map.entry("group", "Group"), Map.entry("people", "People"), Map.entry("contributions", "Contributions"),
      Map.entry("groupRule", "Groups of fewer than {n} people are counted together as \"Other\". Contributions are those posted under a name."),
      Map.entry("anonymous", "Anonymous contributions: {n}. They are not counted under any group, so nothing here shows who wrote them."),
      Map.entry("vote", "1 vote"), Map.entry("votes", "{n} votes"),
      Map.entry("contributionCount", "1 contribution."), Map.entry("contributionsCount", "{n} contributions."),
      Map.entry("Other", "Other"), Map.entry("Not given", "Not given"),
      Map.entry("kind.idea", "Idea"), Map.entry("kind.question", "Question"), Map.entry("kind.takeaway", "Take-home message"),
      Map.entry("kind.parking", "Parking lot"), Map.entry("kind.story", "Story"), Map.entry("kind.action", "Action"),
      Map.entry("actions", "Actions"), Map.entry("noActions", "No actions were recorded."),
      Map.entry("action", "Action"), Map.entry("due", "By when"), Map.entry("outcome", "What happened"),
      Map.entry("carried", "from the meeting before"),
      Map.entry("action.open", "Not started"), Map.entry("action.in-progress", "Being done"),
      Map.entry("action.done", "Done"), Map.entry("action.not-possible", "Could not be done"),
      Map.entry("parking.open", "Open"), Map.entry("parking.revisited", "Revisited"), Map.entry("parking.handed-on", "Handed on"),
      Map.entry("csv.kind", "Kind"), Map.entry("csv.theme", "Theme"), Map.entry("csv.themeVotes", "Theme votes"),
      Map.entry("csv.text", "Text"), Map.entry("csv.votes", "Votes"), Map.entry("csv.reactions", "Reactions"),
      Map.entry("csv.parking", "Parking status"), Map.entry("csv.owner", "Owner"), Map.entry("csv.phase", "Phase"),
      Map.entry("csv.time", "Time (UTC)"), Map.entry("csv.by", "Author"), Map.entry("csv.group", "Group"),
      Map.entry("report", "Workshop report"));

  private static final Map<String, String> CY = Map.ofEntries(
      Map.entry("date", "Dyddiad"), Map.entry("running", "yn dal i fynd"), Map.entry("utc", "Mae’r amseroedd yn UTC."),
      Map.entry("confidential", "Mae’r gweithdy hwn yn gyfrinachol: mae’r cyfraniadau wedi’u gadael allan, ar wahân i’r negeseuon i fynd adref a’r maes parcio."),
      Map.entry("themes", "Themâu"), Map.entry("noThemes", "Ni chafodd unrhyw themâu eu creu."),
      Map.entry("unthemed", "Ddim mewn thema"), Map.entry("takeaways", "Negeseuon i fynd adref"),
      Map.entry("noTakeaways", "Ni chafodd unrhyw rai eu postio."), Map.entry("questions", "Cwestiynau a ofynnwyd"),
      Map.entry("noQuestions", "Ni ofynnwyd unrhyw gwestiynau."), Map.entry("parking", "Maes parcio"),
      Map.entry("noParking", "Ni pharciwyd dim."), Map.entry("item", "Eitem"), Map.entry("status", "Statws"),
      Map.entry("owner", "Perchennog"), Map.entry("polls", "Arolygon"), Map.entry("noPolls", "Ni chynhaliwyd unrhyw arolygon."),
      Map.entry("open", "ar agor o hyd"), Map.entry("closed", "ar gau"), Map.entry("answer", "Ateb"),
      Map.entry("count", "Nifer"), Map.entry("agenda", "Yr agenda fel y’i cynlluniwyd ac fel y bu"),
      Map.entry("phase", "Cam"), Map.entry("planned", "Wedi’i gynllunio"), Map.entry("ran", "Cynhaliwyd"),
      Map.entry("didNotRun", "heb ei gynnal"), Map.entry("toNow", "hyd nawr"), Map.entry("to", "i"),
      Map.entry("min", "munud"), Map.entry("participation", "Cyfranogiad fesul grŵp"),
      Map.entry("group", "Grŵp"), Map.entry("people", "Pobl"), Map.entry("contributions", "Cyfraniadau"),
      Map.entry("groupRule", "Mae grwpiau â llai na {n} o bobl yn cael eu cyfrif gyda’i gilydd fel \"Arall\". Y cyfraniadau yw’r rhai a bostiwyd dan enw."),
      Map.entry("anonymous", "Cyfraniadau dienw: {n}. Nid ydynt yn cael eu cyfrif dan unrhyw grŵp, felly does dim byd yma’n dangos pwy a’u hysgrifennodd."),
      Map.entry("vote", "1 bleidlais"), Map.entry("votes", "{n} pleidlais"),
      Map.entry("contributionCount", "1 cyfraniad."), Map.entry("contributionsCount", "{n} cyfraniad."),
      Map.entry("Other", "Arall"), Map.entry("Not given", "Heb ddweud"),
      Map.entry("kind.idea", "Syniad"), Map.entry("kind.question", "Cwestiwn"), Map.entry("kind.takeaway", "Neges i fynd adref"),
      Map.entry("kind.parking", "Maes parcio"), Map.entry("kind.story", "Stori"), Map.entry("kind.action", "Cam gweithredu"),
      Map.entry("actions", "Camau gweithredu"), Map.entry("noActions", "Ni chofnodwyd unrhyw gamau."),
      Map.entry("action", "Cam"), Map.entry("due", "Erbyn pryd"), Map.entry("outcome", "Beth ddigwyddodd"),
      Map.entry("carried", "o’r cyfarfod cynt"),
      Map.entry("action.open", "Heb ddechrau"), Map.entry("action.in-progress", "Yn cael ei wneud"),
      Map.entry("action.done", "Wedi’i wneud"), Map.entry("action.not-possible", "Methu ei wneud"),
      Map.entry("parking.open", "Ar agor"), Map.entry("parking.revisited", "Wedi ailymweld"),
      Map.entry("parking.handed-on", "Wedi’i drosglwyddo"),
      Map.entry("csv.kind", "Math"), Map.entry("csv.theme", "Thema"), Map.entry("csv.themeVotes", "Pleidleisiau’r thema"),
      Map.entry("csv.text", "Testun"), Map.entry("csv.votes", "Pleidleisiau"), Map.entry("csv.reactions", "Ymatebion"),
      Map.entry("csv.parking", "Statws parcio"), Map.entry("csv.owner", "Perchennog"), Map.entry("csv.phase", "Cam"),
      Map.entry("csv.time", "Amser (UTC)"), Map.entry("csv.by", "Awdur"), Map.entry("csv.group", "Grŵp"),
      Map.entry("report", "Adroddiad y gweithdy"));

  public static final Words ENGLISH = new Words("en", EN);
  public static final Words WELSH = new Words("cy", CY);

  /** The words for {@code lang} ("cy" Welsh, anything else English). */
  public static Words of(String lang) { return "cy".equals(lang) ? WELSH : ENGLISH; }

  public String get(String key) {
    String s = text.get(key);
    if (s == null) throw new IllegalArgumentException("no report word " + key);
    return s;
  }

  public String get(String key, int n) { return get(key).replace("{n}", Integer.toString(n)); }

  public String votes(int n) { return n == 1 ? get("vote") : get("votes", n); }

  public String contributions(int n) { return n == 1 ? get("contributionCount") : get("contributionsCount", n); }

  /** A group name as shown: the merged groups' names are the report's own words, the rest as the workshop set them. */
  public String group(String g) {
    if (g == null) return "";
    if (g.equals(Reports.OTHER) || g.equals(Reports.NOT_GIVEN)) return get(g);
    return StakeholderGroup.labelIn(g, "cy".equals(lang) ? Lang.CY : Lang.EN);
  }

  /** An action's status in words ("Being done"), never the wire word. */
  public String action(String wire) { return wire == null ? "" : text.getOrDefault("action." + wire, wire); }

  /** An action's row in a table: what, status, owner, by when, what happened (words, never wire values). */
  public java.util.List<String> actionRow(Report.ActionItem a) {
    String what = a.carried() ? a.text() + " (" + get("carried") + ")" : a.text();
    return java.util.List.of(what, action(a.status()), a.owner() == null ? "" : a.owner(), a.due() == null ? "" : a.due(),
        a.outcome() == null ? "" : a.outcome());
  }

  /** The headings of an action table. */
  public java.util.List<String> actionHeadings() {
    return java.util.List.of(get("action"), get("status"), get("owner"), get("due"), get("outcome"));
  }

  public String kind(String wire) { return text.getOrDefault("kind." + wire, wire); }

  /** A parking-lot status in words ("Handed on"), never the wire word. */
  public String parking(String wire) { return wire == null ? "" : text.getOrDefault("parking." + wire, wire); }

  public String date(long epochMs) {
    ZonedDateTime d = Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC);
    String[] months = "cy".equals(lang) ? MONTHS_CY : MONTHS_EN;
    return d.getDayOfMonth() + " " + months[d.getMonthValue() - 1] + " " + d.getYear();
  }

  public static String time(long epochMs) {
    ZonedDateTime d = Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC);
    return String.format("%02d:%02d", d.getHour(), d.getMinute());
  }

  /** "2026-12-01 10:15": a form every spreadsheet reads as a date and time. */
  public static String dateTime(long epochMs) {
    ZonedDateTime d = Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC);
    return String.format("%04d-%02d-%02d %s", d.getYear(), d.getMonthValue(), d.getDayOfMonth(), time(epochMs));
  }

  /** When a phase ran, in words: "10:00 to 10:20", "10:00 to now", or "did not run". */
  public String ran(Report.AgendaItem a) {
    if (a.startedAt() == null) return get("didNotRun");
    String from = time(a.startedAt());
    return a.endedAt() == null ? from + " " + get("toNow") : from + " " + get("to") + " " + time(a.endedAt());
  }
}
