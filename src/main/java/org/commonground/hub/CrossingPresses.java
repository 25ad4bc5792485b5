package org.commonground.hub;

import org.commonground.protocol.SequencedEvent;
import org.commonground.workshop.Command;
import org.commonground.workshop.Event;

/**
 * Pins "next" and "previous" to the phase their sender was looking at, so that two facilitators who
 * press "next" at the same moment move the agenda once. A press that names no {@code from} is taken to
 * be from the phase before the last move if the sender had not been sent that move, or if another
 * facilitator made it moments ago (the sender was sent it, but most likely had not read it yet).
 */
final class CrossingPresses {
  /** How recent another facilitator's move must be for a press to count as crossing it. */
  static final long CROSSING_MS = 2_000;

  private long lastMoveSeq;
  private long lastMoveAt;
  private String lastMoveBy;
  private int phaseBeforeLastMove;

  /**
   * Notes a move to another place in the agenda, as applied: positions are {@code WorkshopState.agendaPosition},
   * so the start from the lobby (-1) into part 1 (0) is a move too.
   */
  void applied(SequencedEvent e, int phaseBefore, int phaseAfter) {
    if (e.event() instanceof Event.PhaseChanged && phaseAfter != phaseBefore) {
      lastMoveSeq = e.seq();
      lastMoveAt = e.ts();
      lastMoveBy = e.by();
      phaseBeforeLastMove = phaseBefore;
    }
  }

  Command pin(Command c, Member sender, int currentPhase, long now) {
    if (!(c instanceof Command.PhaseNext || c instanceof Command.PhasePrev)) return c;
    boolean crossed = sender.cursor.position() < lastMoveSeq
        || (now - lastMoveAt < CROSSING_MS && !sender.you.participantId().equals(lastMoveBy));
    int seen = crossed ? phaseBeforeLastMove : currentPhase;
    if (c instanceof Command.PhaseNext n && n.from() == null) return new Command.PhaseNext(seen);
    if (c instanceof Command.PhasePrev p && p.from() == null) return new Command.PhasePrev(seen);
    return c;
  }
}
