package org.commonground.workshop;

import java.util.List;

/**
 * Votes, polls and raised hands.
 *
 * <p>The commands of one area, as members of {@link Command}: read and written as {@code Command.X}
 * (this interface only holds them, so that no file grows too long). Value rules in the compact constructors.
 */
interface ParticipationCommands {
  record VoteCast(String targetId) implements Command {
    public VoteCast {
      Checks.required("targetId", targetId);
    }
    public String commandName() { return "vote.cast"; }
  }

  record VoteRetract(String targetId) implements Command {
    public VoteRetract {
      Checks.required("targetId", targetId);
    }
    public String commandName() { return "vote.retract"; }
  }

  record PollOpen(String question, List<String> options) implements Command {
    public PollOpen {
      question = Checks.text("question", question, 300);
      Checks.required("options", options);
      if (options.size() < 2 || options.size() > 10) throw new IllegalArgumentException("a poll needs 2 to 10 options");
      options = options.stream().map(o -> Checks.text("option", o, 200)).toList();
    }

    public static PollOpen ladder() { return new PollOpen(Poll.LADDER_QUESTION, Poll.LADDER); }

    public String commandName() { return "poll.open"; }
  }

  /** The ladder of co-production poll, in {@code lang}; null: in the workshop's language. */
  record PollLadder(Lang lang) implements Command {
    public String commandName() { return "poll.open"; }
  }

  record PollAnswer(String pollId, int option) implements Command {
    public PollAnswer {
      Checks.required("pollId", pollId);
    }
    public String commandName() { return "poll.answer"; }
  }

  record PollClose(String id) implements Command {
    public PollClose {
      Checks.required("id", id);
    }
    public String commandName() { return "poll.close"; }
  }

  record HandRaise() implements Command {
    public String commandName() { return "hand.raise"; }
  }

  /** {@code participantId} null: your own hand; naming someone else is for facilitators. */
  record HandLower(String participantId) implements Command {
    public HandLower {
      if (participantId != null && participantId.isBlank()) participantId = null;
    }

    /** Your own hand. */
    public HandLower() { this(null); }

    public String commandName() { return "hand.lower"; }
  }

  record HandNext() implements Command {
    public String commandName() { return "hand.next"; }
  }

  /** The floor to someone in the queue, whoever is first. */
  record FloorGive(String participantId) implements Command {
    public FloorGive {
      Checks.required("participantId", participantId);
    }
    public String commandName() { return "floor.give"; }
  }
}
