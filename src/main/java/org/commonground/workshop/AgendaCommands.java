package org.commonground.workshop;

/**
 * The agenda: phases, the timer, who is ready.
 *
 * <p>The commands of one area, as members of {@link Command}: read and written as {@code Command.X}
 * (this interface only holds them, so that no file grows too long). Value rules in the compact constructors.
 */
interface AgendaCommands {
  record PhaseStart() implements Command {
    public String commandName() { return "phase.start"; }
  }

  /**
   * {@code from}: the phase the sender was looking at. When the agenda has already moved on from it
   * (another facilitator pressed first), the command changes nothing, so two presses move once.
   */
  record PhaseNext(Integer from) implements Command {
    public String commandName() { return "phase.next"; }
  }

  record PhasePrev(Integer from) implements Command {
    public String commandName() { return "phase.prev"; }
  }

  record PhaseGoto(int index) implements Command {
    public String commandName() { return "phase.goto"; }
  }

  record TimerPause() implements Command {
    public String commandName() { return "timer.pause"; }
  }

  record TimerResume() implements Command {
    public String commandName() { return "timer.resume"; }
  }

  record TimerExtend(int seconds) implements Command {
    public TimerExtend {
      Checks.range("seconds", seconds, -600, 3600);
    }
    public String commandName() { return "timer.extend"; }
  }

  record ReadySet(boolean ready) implements Command {
    public String commandName() { return "ready.set"; }
  }
}
