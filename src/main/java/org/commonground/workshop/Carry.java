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
}
