package org.commonground.workshop;

/**
 * What a client asks for, already shaped and type-checked by the protocol layer. Value rules
 * (lengths, ranges) are checked in the compact constructors; permission and state rules in
 * {@link Workshop#decide}.
 */
public sealed interface Command {
  /** The wire name of the command (PROTOCOL.md), for logs and errors. */
  String commandName();

  record Join(String name, String group, Role role) implements Command {
    public Join {
      name = Checks.text("name", name, 80);
      if (group != null && group.isBlank()) group = null;
    }
    public String commandName() { return role == Role.FACILITATOR ? "facilitator.add" : "join"; }
  }

  /** {@code scribedFor} (facilitators only): the person a facilitator types this for, with their group. */
  record AddContribution(String text, Kind kind, Boolean anonymous, String scribedFor, String scribedGroup)
      implements Command {
    public AddContribution {
      text = Checks.text("text", text, Contribution.MAX_TEXT);
      if (kind == null) kind = Kind.IDEA;
      if (scribedFor != null) scribedFor = Checks.text("onBehalfOf.name", scribedFor, 80);
      if (scribedGroup != null && scribedGroup.isBlank()) scribedGroup = null;
    }
    public String commandName() { return "contribution.add"; }
  }

  record EditContribution(String id, String text) implements Command {
    public EditContribution {
      Checks.required("id", id);
      text = Checks.text("text", text, Contribution.MAX_TEXT);
    }
    public String commandName() { return "contribution.edit"; }
  }

  record WithdrawContribution(String id) implements Command {
    public WithdrawContribution {
      Checks.required("id", id);
    }
    public String commandName() { return "contribution.withdraw"; }
  }

  record HideContribution(String id, String reason) implements Command {
    public HideContribution {
      Checks.required("id", id);
      if (reason != null) reason = reason.isBlank() ? null : Checks.text("reason", reason, 500);
    }
    public String commandName() { return "contribution.hide"; }
  }

  record UnhideContribution(String id) implements Command {
    public UnhideContribution {
      Checks.required("id", id);
    }
    public String commandName() { return "contribution.unhide"; }
  }

  record ToggleReaction(String contributionId, String reaction) implements Command {
    public ToggleReaction {
      Checks.required("contributionId", contributionId);
      if (reaction == null || !Contribution.REACTIONS.contains(reaction)) {
        throw new IllegalArgumentException("reaction must be one of agree, heart, insight, question");
      }
    }
    public String commandName() { return "reaction.toggle"; }
  }
}
