package org.commonground.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonground.protocol.Json;
import org.commonground.workshop.Action;
import org.commonground.workshop.CarriedFrom;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Kind;
import org.commonground.workshop.Series;
import org.commonground.workshop.Theme;
import org.commonground.workshop.WorkshopState;

/**
 * "You said, we did": for each meeting of a series still kept, oldest first, its themes, its take-home messages
 * and the actions first recorded there, each as it stands now wherever in the series it was last changed.
 *
 * <p>Made for everyone who took part, so it names no one: no authors (named or not), no groups, no action
 * owners (an owner may be a participant's name); only words the group agreed as outputs.
 */
public final class SeriesOutcomes {
  private SeriesOutcomes() {}

  /** {@code meetings}: the states of the series' meetings that still exist, oldest first. */
  public static ObjectNode of(Series series, List<WorkshopState> meetings) {
    Map<String, String> rootOf = new HashMap<>();
    Map<String, Action> latest = new LinkedHashMap<>();
    Map<String, List<String>> rootsBy = new LinkedHashMap<>();
    Map<String, String> updatedIn = new HashMap<>();
    for (WorkshopState s : meetings) {
      rootsBy.put(s.id(), new ArrayList<>());
      for (Action a : s.actions().values()) {
        String key = key(s.id(), a.id());
        CarriedFrom f = a.carriedFrom();
        String root = f == null ? key : rootOf.getOrDefault(key(f.workshopId(), f.id()), null);
        // Carried from a meeting no longer kept: it is shown as this meeting's own.
        if (root == null) root = key;
        rootOf.put(key, root);
        if (root.equals(key)) rootsBy.get(s.id()).add(root);
        Action before = latest.get(root);
        if (before == null || a.updatedAt() >= before.updatedAt()) {
          latest.put(root, a);
          updatedIn.put(root, s.id());
        }
      }
    }
    ObjectNode out = Json.object();
    out.putObject("series").put("id", series.id()).put("title", series.title());
    ArrayNode list = out.putArray("meetings");
    for (WorkshopState s : meetings) {
      Series.Meeting m = series.meeting(s.id());
      ObjectNode n = list.addObject();
      n.put("workshopId", s.id()).put("title", s.title()).put("status", s.status().wire())
          .put("date", m == null ? null : m.date()).put("createdAt", s.createdAt()).put("endedAt", s.endedAt());
      ArrayNode themes = n.putArray("themes");
      for (Theme t : s.themes().values()) themes.addObject().put("label", t.label()).put("votes", t.votes());
      ArrayNode takeaways = n.putArray("takeaways");
      for (Contribution c : s.contributions().values()) {
        if (c.kind() == Kind.TAKEAWAY && !c.hidden()) takeaways.add(c.text());
      }
      ArrayNode actions = n.putArray("actions");
      for (String root : rootsBy.get(s.id())) {
        Action a = latest.get(root);
        actions.addObject().put("id", root.substring(root.indexOf('/') + 1)).put("text", a.text())
            .put("due", a.due()).put("status", a.status().wire()).put("outcome", a.outcome())
            .put("updatedAt", a.updatedAt()).put("updatedIn", updatedIn.get(root));
      }
    }
    return out;
  }

  private static String key(String workshopId, String id) { return workshopId + "/" + id; }
}
