package org.commonground.protocol;

import java.io.IOException;
import java.util.List;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.commonground.workshop.Allow;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Participant;
import org.commonground.workshop.PhaseDef;
import org.commonground.workshop.PhaseState;
import org.commonground.workshop.Poll;
import org.commonground.workshop.Spotlight;
import org.commonground.workshop.SuggestedGroup;
import org.commonground.workshop.Theme;
import org.commonground.workshop.Settings;
import org.commonground.workshop.StakeholderGroup;
import org.commonground.workshop.WorkshopState;

/**
 * What clients may see of domain objects. The one place that hides an anonymous author: every
 * frame that carries a contribution is built here.
 */
public final class Views {
  private Views() {}

  public static ObjectNode participant(Participant p) {
    ObjectNode n = Json.object();
    n.put("id", p.id()).put("name", p.name()).put("role", p.role().wire()).put("group", p.group());
    return n;
  }

  /**
   * Who a contribution is by, as every view shows it: no one for an anonymous post, and no one for an
   * item carried from an earlier meeting (who it was by rides in onBehalfOf).
   */
  static String shownAuthor(Contribution c) {
    return c.anonymous() || org.commonground.workshop.Carry.AUTHOR.equals(c.author()) ? null : c.author();
  }

  public static ObjectNode contribution(Contribution c) {
    ObjectNode n = Json.object();
    n.put("id", c.id()).put("phase", c.phase()).put("kind", c.kind().wire()).put("text", c.text());
    n.put("author", shownAuthor(c));
    n.put("group", c.anonymous() ? null : c.group());
    n.put("anonymous", c.anonymous());
    if (c.scribedFor() != null) {
      n.putObject("onBehalfOf").put("name", c.scribedFor()).put("group", c.group());
    } else {
      n.putNull("onBehalfOf");
    }
    n.put("themeId", c.themeId());
    n.put("createdAt", c.createdAt());
    n.put("editedAt", c.editedAt());
    n.set("reactions", reactions(c.reactionCounts()));
    n.put("votes", c.votes());
    n.put("status", c.parking() == null ? null : c.parking().wire());
    n.put("owner", c.owner());
    n.put("lang", c.lang() == null ? null : c.lang().wire());
    return n;
  }

  /**
   * {@link #contribution} written straight to a generator, field for field the same (the hot path of a
   * live workshop: every post and edit); EventFramesTest keeps the two the same.
   */
  static void writeContribution(JsonGenerator g, Contribution c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeNumberField("phase", c.phase());
    g.writeStringField("kind", c.kind().wire());
    g.writeStringField("text", c.text());
    g.writeStringField("author", shownAuthor(c));
    g.writeStringField("group", c.anonymous() ? null : c.group());
    g.writeBooleanField("anonymous", c.anonymous());
    if (c.scribedFor() != null) {
      g.writeObjectFieldStart("onBehalfOf");
      g.writeStringField("name", c.scribedFor());
      g.writeStringField("group", c.group());
      g.writeEndObject();
    } else {
      g.writeNullField("onBehalfOf");
    }
    g.writeStringField("themeId", c.themeId());
    g.writeNumberField("createdAt", c.createdAt());
    if (c.editedAt() == null) g.writeNullField("editedAt");
    else g.writeNumberField("editedAt", c.editedAt().longValue());
    g.writeObjectFieldStart("reactions");
    for (Map.Entry<String, Integer> r : c.reactionCounts().entrySet()) g.writeNumberField(r.getKey(), r.getValue());
    g.writeEndObject();
    g.writeNumberField("votes", c.votes());
    g.writeStringField("status", c.parking() == null ? null : c.parking().wire());
    g.writeStringField("owner", c.owner());
    g.writeStringField("lang", c.lang() == null ? null : c.lang().wire());
    g.writeEndObject();
  }

  public static ObjectNode theme(Theme t) {
    ObjectNode n = Json.object();
    n.put("id", t.id()).put("label", t.label());
    ArrayNode ids = n.putArray("contributionIds");
    t.contributionIds().forEach(ids::add);
    n.put("votes", t.votes()).put("suggested", t.suggested());
    return n;
  }

  public static ArrayNode suggestions(List<SuggestedGroup> suggestions) {
    ArrayNode a = Json.object().arrayNode();
    for (SuggestedGroup g : suggestions) {
      ObjectNode n = a.addObject().put("id", g.id()).put("label", g.label());
      ArrayNode ids = n.putArray("contributionIds");
      g.contributionIds().forEach(ids::add);
    }
    return a;
  }

  /** A poll as everyone sees it: counts, never who answered what. */
  public static ObjectNode poll(Poll p) {
    ObjectNode n = Json.object();
    n.put("id", p.id()).put("question", p.question());
    ArrayNode options = n.putArray("options");
    p.options().forEach(options::add);
    n.put("status", p.status().wire());
    ArrayNode counts = n.putArray("counts");
    for (int c : p.counts()) counts.add(c);
    return n;
  }

  public static JsonNode spotlight(Spotlight s) {
    if (s == null) return Json.object().nullNode();
    ObjectNode n = Json.object();
    n.put("type", s.type().wire()).put("id", s.id());
    return n;
  }

  public static ObjectNode workshop(String id, String title, String joinCode, WorkshopState.Status status,
                                    Settings settings) {
    ObjectNode n = Json.object();
    n.put("id", id).put("title", title).put("joinCode", JoinCodes.display(joinCode));
    n.put("status", status.wire());
    n.set("settings", settings(settings));
    return n;
  }

  public static ObjectNode reactions(Map<String, Integer> counts) {
    ObjectNode n = Json.object();
    counts.forEach(n::put);
    return n;
  }

  public static ObjectNode settings(Settings s) {
    ObjectNode n = Json.object();
    n.put("anonymity", s.anonymity().wire());
    n.put("votesPerParticipant", s.votesPerParticipant());
    n.put("maxParticipants", s.maxParticipants());
    ArrayNode groups = n.putArray("stakeholderGroups");
    for (StakeholderGroup g : s.stakeholderGroups()) groups.addObject().put("id", g.id()).put("label", g.label());
    n.put("minGroupSize", s.minGroupSize());
    n.put("confidential", s.confidential());
    n.put("retentionDays", s.retentionDays());
    n.put("joiningLocked", s.joiningLocked());
    n.put("themeEditing", s.themeEditing().wire());
    n.put("lang", s.lang().wire());
    return n;
  }

  public static ObjectNode workshop(WorkshopState s) {
    return workshop(s.id(), s.title(), s.joinCode(), s.status(), s.settings());
  }

  public static ObjectNode phaseDef(PhaseDef p) {
    ObjectNode n = Json.object();
    n.put("index", p.index()).put("title", p.title()).put("minutes", p.minutes()).put("prompt", p.prompt());
    ArrayNode allow = n.putArray("allow");
    for (Allow a : Allow.values()) if (p.allow().contains(a)) allow.add(a.wire());
    return n;
  }

  public static ArrayNode phases(Iterable<PhaseDef> phases) {
    ArrayNode a = Json.object().arrayNode();
    for (PhaseDef p : phases) a.add(phaseDef(p));
    return a;
  }

  /** {@code remainingMs} of a running phase is as of {@code now}; clients count down from {@code endsAt}. */
  public static ObjectNode phase(PhaseState p, long now) {
    ObjectNode n = Json.object();
    n.put("index", p.index()).put("status", p.status().wire());
    n.put("startedAt", p.startedAt()).put("endsAt", p.endsAt());
    n.put("remainingMs", p.status() == PhaseState.Status.RUNNING && p.endsAt() != null
        ? Long.valueOf(Math.max(0, p.endsAt() - now)) : p.remainingMs());
    return n;
  }

  public static ObjectNode action(org.commonground.workshop.Action a) {
    ObjectNode n = Json.object();
    n.put("id", a.id()).put("text", a.text()).put("owner", a.owner()).put("due", a.due())
        .put("status", a.status().wire()).put("outcome", a.outcome()).put("contributionId", a.contributionId());
    n.set("carriedFrom", carriedFrom(a.carriedFrom()));
    n.put("createdAt", a.createdAt()).put("updatedAt", a.updatedAt());
    return n;
  }

  public static JsonNode carriedFrom(org.commonground.workshop.CarriedFrom f) {
    if (f == null) return Json.object().nullNode();
    return Json.object().put("workshopId", f.workshopId()).put("id", f.id());
  }

  /** {@code here}: the meeting this copy is shown in, whose own entry takes its live title and status. */
  public static JsonNode series(org.commonground.workshop.Series series, WorkshopState here) {
    if (series == null) return Json.object().nullNode();
    ObjectNode n = Json.object();
    n.put("id", series.id()).put("title", series.title());
    ArrayNode meetings = n.putArray("meetings");
    for (org.commonground.workshop.Series.Meeting m : series.meetings()) {
      boolean self = here != null && m.workshopId().equals(here.id());
      meetings.addObject().put("workshopId", m.workshopId()).put("title", self ? here.title() : m.title())
          .put("status", (self ? here.status() : m.status()).wire()).put("date", m.date())
          .put("createdAt", m.createdAt());
    }
    return n;
  }
}
