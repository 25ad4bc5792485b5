package org.commonground.protocol;

import java.util.Map;
import java.util.function.Function;
import org.commonground.workshop.Code;
import org.commonground.workshop.Command;
import org.commonground.workshop.Kind;

/** Turns a {@code cmd} frame's name and args into a domain command. */
public final class CommandDecoder {
  private CommandDecoder() {}

  private static final Map<String, Function<Args, Command>> DECODERS = Map.of(
      "contribution.add", CommandDecoder::add,
      "contribution.edit", a -> new Command.EditContribution(a.string("id"), a.string("text")),
      "contribution.withdraw", a -> new Command.WithdrawContribution(a.string("id")),
      "contribution.hide", a -> new Command.HideContribution(a.string("id"), a.optString("reason")),
      "contribution.unhide", a -> new Command.UnhideContribution(a.string("id")),
      "reaction.toggle", a -> new Command.ToggleReaction(a.string("contributionId"), a.string("reaction")));

  public static Command decode(String name, Args args) {
    Function<Args, Command> decoder = DECODERS.get(name);
    if (decoder == null) throw new ProtocolException(Code.UNKNOWN_COMMAND, "unknown command: " + name);
    try {
      return decoder.apply(args);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProtocolException.invalid(e.getMessage());
    }
  }

  private static Command add(Args a) {
    String kindName = a.optString("kind");
    Kind kind = kindName == null ? Kind.IDEA : Kind.fromWire(kindName);
    if (kind == null) throw ProtocolException.invalid("kind must be one of idea, question, takeaway, parking");
    Args behalf = a.optObject("onBehalfOf");
    return new Command.AddContribution(a.string("text"), kind, a.optBoolean("anonymous"),
        behalf == null ? null : behalf.string("name"), behalf == null ? null : behalf.optString("group"));
  }
}
