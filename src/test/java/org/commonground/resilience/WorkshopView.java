package org.commonground.resilience;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workshop as a client would keep it: a welcome {@code state}, then every {@code ev} applied the way
 * docs/protocol.md tells clients to apply them. {@link #summary()} is what everyone must agree on
 * (no timestamps, no presence, nothing that is only the viewer's, no hidden contributions, no
 * placement help), so a client's fold can be compared with a fresh welcome, and two clients' folds
 * with each other.
 */
final class WorkshopView {
  private final Map<String, JsonObject> contributions = new LinkedHashMap<>();
  private final Map<String, JsonObject> themes = new LinkedHashMap<>();
  private final Map<String, JsonObject> polls = new LinkedHashMap<>();
  private final Set<String> participants = new LinkedHashSet<>();
  private JsonObject workshop;
  private JsonObject phase;
  private JsonArray hands;
  private JsonObject spotlight;
  private JsonArray suggestions;
  private int readyCount;
  private long seq;

  private WorkshopView() {}

  /** The view of a {@code welcome} that carries a full state. */
  static WorkshopView of(JsonObject welcome) {
    JsonObject s = welcome.getJsonObject("state");
    if (s == null) throw new IllegalArgumentException("welcome without state: " + welcome);
    WorkshopView v = new WorkshopView();
    v.seq = welcome.getLong("seq");
    v.workshop = s.getJsonObject("workshop").copy();
    v.phase = s.getJsonObject("phase").copy();
    for (Object o : s.getJsonArray("participants")) v.participants.add(((JsonObject) o).getString("id"));
    for (Object o : s.getJsonArray("contributions")) {
      JsonObject c = ((JsonObject) o).copy();
      v.contributions.put(c.getString("id"), c);
    }
    for (Object o : s.getJsonArray("themes")) {
      JsonObject t = ((JsonObject) o).copy();
      v.themes.put(t.getString("id"), t);
    }
    for (Object o : s.getJsonArray("polls")) {
      JsonObject p = ((JsonObject) o).copy();
      v.polls.put(p.getString("id"), p);
    }
    v.hands = s.getJsonArray("hands").copy();
    v.spotlight = s.getJsonObject("spotlight");
    v.suggestions = s.getJsonArray("suggestions").copy();
    v.readyCount = s.getInteger("readyCount");
    return v;
  }

  long seq() { return seq; }

  /** Applies events in order; each must be the next seq. */
  WorkshopView applyAll(List<JsonObject> events, long upTo) {
    for (JsonObject ev : events) {
      long s = ev.getLong("seq");
      if (s <= seq) continue;
      if (s > upTo) break;
      apply(ev);
    }
    return this;
  }

  void apply(JsonObject ev) {
    long s = ev.getLong("seq");
    if (s != seq + 1) throw new AssertionError("event " + s + " applied after " + seq);
    seq = s;
    JsonObject d = ev.getJsonObject("data");
    switch (ev.getString("name")) {
      case "participant.joined" -> participants.add(d.getJsonObject("participant").getString("id"));
      case "participant.removed" -> participants.remove(d.getString("id"));
      case "contribution.added", "contribution.updated" -> {
        JsonObject c = d.getJsonObject("contribution").copy();
        JsonObject old = contributions.get(c.getString("id"));
        if (old != null && old.containsKey("mine")) c.put("mine", old.getValue("mine"));
        contributions.put(c.getString("id"), c);
      }
      case "contribution.removed" -> {
        String id = d.getString("id");
        if (d.getBoolean("hidden", false)) {
          JsonObject c = contributions.get(id);
          if (c != null) c.put("hidden", true);
        } else {
          contributions.remove(id);
          for (JsonObject t : themes.values()) idsOf(t).remove(id);
        }
        if (spotlight != null && id.equals(spotlight.getString("id"))) spotlight = null;
      }
      case "contribution.reacted" -> {
        JsonObject c = contributions.get(d.getString("id"));
        if (c != null) c.put("reactions", d.getJsonObject("reactions").copy());
      }
      case "contribution.moved" -> {
        String id = d.getString("id");
        String to = d.getString("themeId");
        for (JsonObject t : themes.values()) idsOf(t).remove(id);
        if (to != null && themes.containsKey(to)) idsOf(themes.get(to)).add(id);
        JsonObject c = contributions.get(id);
        if (c != null) c.put("themeId", to);
      }
      case "theme.created" -> {
        JsonObject theme = d.getJsonObject("theme").copy();
        String tid = theme.getString("id");
        for (Object o : theme.getJsonArray("contributionIds")) {
          String id = (String) o;
          for (JsonObject t : themes.values()) if (!t.getString("id").equals(tid)) idsOf(t).remove(id);
          JsonObject c = contributions.get(id);
          if (c != null) c.put("themeId", tid);
        }
        themes.put(tid, theme);
      }
      case "theme.updated" -> themes.put(d.getJsonObject("theme").getString("id"), d.getJsonObject("theme").copy());
      case "theme.removed" -> {
        String tid = d.getString("id");
        JsonObject t = themes.remove(tid);
        if (t != null) {
          for (Object o : t.getJsonArray("contributionIds")) {
            JsonObject c = contributions.get((String) o);
            if (c != null && tid.equals(c.getString("themeId"))) c.put("themeId", null);
          }
        }
        if (spotlight != null && tid.equals(spotlight.getString("id"))) spotlight = null;
      }
      case "votes.changed" -> {
        String target = d.getString("targetId");
        if (contributions.containsKey(target)) contributions.get(target).put("votes", d.getInteger("votes"));
        if (themes.containsKey(target)) themes.get(target).put("votes", d.getInteger("votes"));
      }
      case "phase.changed" -> phase = d.getJsonObject("phase").copy();
      case "workshop.updated" -> {
        JsonObject w = d.getJsonObject("workshop");
        workshop = w.copy();
      }
      case "workshop.ended" -> {
        workshop.put("status", "ended");
        phase.put("status", "done");
      }
      case "ready.changed" -> readyCount = d.getInteger("count");
      case "hands.changed" -> hands = d.getJsonArray("queue").copy();
      case "spotlight.changed" -> spotlight = d.getJsonObject("spotlight");
      case "poll.opened", "poll.closed" -> polls.put(d.getJsonObject("poll").getString("id"), d.getJsonObject("poll").copy());
      case "poll.tallied" -> {
        JsonObject p = polls.get(d.getString("pollId"));
        if (p != null) p.put("counts", d.getJsonArray("counts").copy());
      }
      case "themes.suggested" -> suggestions = d.getJsonArray("suggestions").copy();
      case "placement.updated", "floor.given", "workshop.created" -> { }
      default -> throw new AssertionError("no fold rule for " + ev.getString("name"));
    }
  }

  private static List<Object> idsOf(JsonObject theme) {
    return theme.getJsonArray("contributionIds").getList();
  }

  /** What every viewer must agree on. */
  JsonObject summary() {
    JsonArray cs = new JsonArray();
    for (JsonObject c : contributions.values()) {
      if (c.getBoolean("hidden", false)) continue;
      cs.add(new JsonObject().put("id", c.getString("id")).put("text", c.getString("text"))
          .put("kind", c.getString("kind")).put("phase", c.getValue("phase")).put("author", c.getValue("author"))
          .put("anonymous", c.getValue("anonymous")).put("themeId", c.getValue("themeId"))
          .put("votes", c.getValue("votes")).put("reactions", c.getValue("reactions"))
          .put("status", c.getValue("status")).put("owner", c.getValue("owner")));
    }
    JsonArray ts = new JsonArray();
    for (JsonObject t : themes.values()) {
      ts.add(new JsonObject().put("id", t.getString("id")).put("label", t.getString("label"))
          .put("contributionIds", t.getJsonArray("contributionIds").copy()).put("votes", t.getValue("votes"))
          .put("suggested", t.getValue("suggested")));
    }
    JsonArray ps = new JsonArray();
    for (JsonObject p : polls.values()) {
      ps.add(new JsonObject().put("id", p.getString("id")).put("question", p.getString("question"))
          .put("options", p.getValue("options")).put("status", p.getString("status")).put("counts", p.getValue("counts")));
    }
    return new JsonObject()
        .put("workshop", new JsonObject().put("title", workshop.getString("title"))
            .put("status", workshop.getString("status")).put("settings", workshop.getValue("settings")))
        .put("phase", new JsonObject().put("index", phase.getInteger("index")).put("status", phase.getString("status")))
        .put("participants", new JsonArray(new ArrayList<>(participants)))
        .put("contributions", cs)
        .put("themes", ts)
        .put("polls", ps)
        .put("hands", hands)
        .put("spotlight", spotlight)
        .put("suggestions", suggestions)
        .put("readyCount", readyCount);
  }
}
