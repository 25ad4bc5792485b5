package org.commonground.workshop;

/**
 * Posts and reactions.
 *
 * <p>The commands of one area, as members of {@link Command}: read and written as {@code Command.X}
 * (this interface only holds them, so that no file grows too long). Value rules in the compact constructors.
 */
interface ContributionCommands {
  /**
   * {@code scribedFor} (facilitators only): the person a facilitator types this for, with their group.
   * {@code lang}: the language of the text, found by the server before deciding (never taken from a client).
   */
  record AddContribution(String text, Kind kind, Boolean anonymous, String scribedFor, String scribedGroup, Lang lang)
      implements Command {
    public AddContribution {
      text = Checks.text("text", text, Contribution.MAX_TEXT);
      if (kind == null) kind = Kind.IDEA;
      if (scribedFor != null) scribedFor = Checks.text("onBehalfOf.name", scribedFor, 80);
      if (scribedGroup != null && scribedGroup.isBlank()) scribedGroup = null;
    }
    public AddContribution(String text, Kind kind, Boolean anonymous, String scribedFor, String scribedGroup) {
      this(text, kind, anonymous, scribedFor, scribedGroup, null);
    }
    public AddContribution withLang(Lang l) {
      return new AddContribution(text, kind, anonymous, scribedFor, scribedGroup, l);
    }
    public String commandName() { return "contribution.add"; }
  }

  /** {@code lang}: as for {@link AddContribution}, found for the new text. */
  record EditContribution(String id, String text, Lang lang) implements Command {
    public EditContribution {
      Checks.required("id", id);
      text = Checks.text("text", text, Contribution.MAX_TEXT);
    }
    public EditContribution(String id, String text) { this(id, text, null); }
    public EditContribution withLang(Lang l) { return new EditContribution(id, text, l); }
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

  /** A facilitator moves a post to the parking lot, as it is: its author, anonymity and words are kept. */
  record ParkContribution(String id) implements Command {
    public ParkContribution {
      Checks.required("id", id);
    }
    public String commandName() { return "contribution.park"; }
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
