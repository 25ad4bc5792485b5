package org.commonground.hub;

import java.util.Map;
import org.commonground.protocol.Json;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Event;
import org.commonground.workshop.WorkshopState;
import org.pcollections.OrderedPMap;

/** The replica's side of keeping words apart from the log: what it must restore, and what it must forget. */
final class HiddenTexts {
  private HiddenTexts() {}

  /**
   * The state with its hidden contributions' words put back, read from the facilitators' place in the
   * store ({@code literals}: id → JSON string): the log read on loading holds "(removed)" for them.
   */
  static WorkshopState restore(WorkshopState state, Map<String, String> literals) {
    OrderedPMap<String, Contribution> contributions = state.contributions();
    for (Map.Entry<String, String> e : literals.entrySet()) {
      Contribution c = contributions.get(e.getKey());
      if (c == null || !c.hidden()) continue;
      contributions = contributions.plus(c.id(), c.withWords(Json.read(e.getValue(), String.class)));
    }
    return contributions == state.contributions() ? state : state.toBuilder().contributions(contributions).build();
  }

  /** Whether an event takes back words that earlier events carried: a withdrawal, a hide or an edit. */
  static boolean takesWordsBack(WorkshopState before, Event event) {
    if (event instanceof Event.ContributionRemoved r) return before.contributions().containsKey(r.id());
    if (event instanceof Event.ContributionUpdated u) {
      Contribution was = before.contributions().get(u.contribution().id());
      return was != null && !was.text().equals(u.contribution().text());
    }
    return false;
  }
}
