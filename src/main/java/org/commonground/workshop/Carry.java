package org.commonground.workshop;

import java.util.List;

/**
 * What one meeting hands on to the next of its series: open parking-lot items and actions still to do (open or
 * in progress). Items revisited or handed on, and actions done or found not possible, stay behind: the outcomes
 * page still shows them where they were settled.
 */
public final class Carry {
  private Carry() {}

  /** Who a carried item is by: nobody in the new meeting, so no one there may edit or withdraw it. */
  public static final String AUTHOR = Actor.SERVER.participantId();

  /**
   * The open parking-lot items as they go on, still under their ids here. Someone named stays named (as the
   * person it is for, with their group); an anonymous item stays anonymous, with no group.
   */
  public static List<Contribution> contributions(WorkshopState s) {
    return s.contributions().values().stream()
        .filter(c -> c.kind() == Kind.PARKING && !c.hidden() && c.parking() == ParkingStatus.OPEN)
        .map(c -> {
          String name = c.anonymous() ? null : c.scribedFor() != null ? c.scribedFor() : nameOf(s, c.author());
          return Contribution.posted(c.id(), 0, Kind.PARKING, c.text(), AUTHOR, c.anonymous() ? null : c.group(),
              c.anonymous() || name == null, name, c.createdAt()).withLang(c.lang());
        }).toList();
  }

  public static List<Action> actions(WorkshopState s) {
    return s.actions().values().stream().filter(a -> a.status().carries()).toList();
  }

  private static String nameOf(WorkshopState s, String participantId) {
    Participant p = s.participants().get(participantId);
    return p == null ? null : p.name();
  }

  /** The contributions here (still here) carried from items {@code originIds} of meeting {@code fromWorkshopId}. */
  public static List<String> copiesOf(WorkshopState s, String fromWorkshopId, java.util.Collection<String> originIds) {
    return s.carried().entrySet().stream()
        .filter(e -> e.getValue().workshopId().equals(fromWorkshopId) && originIds.contains(e.getValue().id()))
        .map(java.util.Map.Entry::getKey).filter(id -> s.contributions().get(id) != null).sorted().toList();
  }

  /**
   * For each meeting this one carried items from, the ids there of those items, to check they are still there
   * (a withdrawal there may not have reached this meeting, if a node died in between).
   */
  public static java.util.Map<String, java.util.Set<String>> origins(WorkshopState s) {
    java.util.Map<String, java.util.Set<String>> out = new java.util.TreeMap<>();
    s.carried().forEach((id, from) -> {
      if (s.contributions().get(id) != null) out.computeIfAbsent(from.workshopId(), k -> new java.util.TreeSet<>()).add(from.id());
    });
    return out;
  }
}
