package org.commonground.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.commonground.workshop.ActionStatus;
import org.commonground.workshop.Code;
import org.commonground.workshop.Command;
import org.commonground.workshop.Kind;
import org.commonground.workshop.ParkingStatus;
import org.commonground.workshop.Spotlight;

/** Turns a {@code cmd} frame's name and args into a domain command. */
public final class CommandDecoder {
  private CommandDecoder() {}

  private static final Map<String, Function<Args, Command>> DECODERS = new HashMap<>();

  static {
    DECODERS.put("contribution.add", CommandDecoder::add);
    DECODERS.put("contribution.edit", a -> new Command.EditContribution(a.string("id"), checkedText(a)));
    DECODERS.put("contribution.withdraw", a -> new Command.WithdrawContribution(a.string("id")));
    DECODERS.put("contribution.hide", a -> new Command.HideContribution(a.string("id"), a.optString("reason")));
    DECODERS.put("contribution.unhide", a -> new Command.UnhideContribution(a.string("id")));
    DECODERS.put("contribution.park", a -> new Command.ParkContribution(a.string("id")));
    DECODERS.put("reaction.toggle", a -> new Command.ToggleReaction(a.string("contributionId"), a.string("reaction")));
    DECODERS.put("phase.start", a -> new Command.PhaseStart());
    DECODERS.put("phase.next", a -> new Command.PhaseNext(a.optInt("from")));
    DECODERS.put("phase.prev", a -> new Command.PhasePrev(a.optInt("from")));
    DECODERS.put("phase.goto", a -> new Command.PhaseGoto(a.integer("index")));
    DECODERS.put("timer.pause", a -> new Command.TimerPause());
    DECODERS.put("timer.resume", a -> new Command.TimerResume());
    DECODERS.put("timer.extend", a -> new Command.TimerExtend(a.integer("seconds")));
    DECODERS.put("ready.set", a -> new Command.ReadySet(a.bool("ready")));
    DECODERS.put("vote.cast", a -> new Command.VoteCast(a.string("targetId")));
    DECODERS.put("vote.retract", a -> new Command.VoteRetract(a.string("targetId")));
    DECODERS.put("poll.open", CommandDecoder::pollOpen);
    DECODERS.put("poll.answer", a -> new Command.PollAnswer(a.string("pollId"), a.integer("option")));
    DECODERS.put("poll.close", a -> new Command.PollClose(a.string("id")));
    DECODERS.put("hand.raise", a -> new Command.HandRaise());
    DECODERS.put("hand.lower", a -> new Command.HandLower(a.optString("participantId")));
    DECODERS.put("hand.next", a -> new Command.HandNext());
    DECODERS.put("floor.give", a -> new Command.FloorGive(a.string("participantId")));
    DECODERS.put("parking.update", CommandDecoder::parking);
    DECODERS.put("spotlight.set", CommandDecoder::spotlight);
    DECODERS.put("participant.remove", a -> new Command.ParticipantRemove(a.string("id")));
    DECODERS.put("workshop.update", a -> new Command.WorkshopUpdate(
        a.optString("title") == null ? null : WorkshopBounds.title(a.optString("title")),
        WorkshopSpecs.patch(a.optObject("settings"))));
    DECODERS.put("workshop.end", a -> new Command.WorkshopEnd());
    DECODERS.put("theme.create", a -> new Command.ThemeCreate(a.string("label"), a.optStrings("contributionIds")));
    DECODERS.put("theme.rename", a -> new Command.ThemeRename(a.string("id"), a.string("label")));
    DECODERS.put("theme.delete", a -> new Command.ThemeDelete(a.string("id")));
    DECODERS.put("theme.merge", a -> new Command.ThemeMerge(a.strings("ids"), a.string("label")));
    DECODERS.put("contribution.move", a -> new Command.ContributionMove(a.string("id"), a.optString("themeId")));
    DECODERS.put("themes.suggest", a -> new Command.ThemesSuggest(a.optInt("phase")));
    DECODERS.put("action.add", a -> new Command.ActionAdd(a.string("text"), a.optString("owner"), a.optString("due"),
        a.optString("contributionId")));
    DECODERS.put("action.update", CommandDecoder::actionUpdate);
    DECODERS.put("themes.accept", a -> new Command.ThemesAccept(a.optInts("indexes"), a.optStrings("ids")));
  }

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
    if (kind == null) throw ProtocolException.invalid("kind must be one of idea, story, question, takeaway, parking");
    Args behalf = a.optObject("onBehalfOf");
    return new Command.AddContribution(checkedText(a), kind, a.optBoolean("anonymous"),
        behalf == null ? null : behalf.string("name"), behalf == null ? null : behalf.optString("group"));
  }

  /**
   * A contribution's text, once its author has seen that it seems to hold personal data: the first try
   * is refused with the kinds found; the same text sent again with {@code personalDataOk: true} goes.
   */
  private static String checkedText(Args a) {
    String text = a.string("text");
    if (Boolean.TRUE.equals(a.optBoolean("personalDataOk"))) return text;
    List<String> kinds = PersonalData.detect(text);
    if (kinds.isEmpty()) return text;
    throw new ProtocolException(Code.INVALID, "This looks like it includes " + PersonalData.describe(kinds)
        + ". Everyone in the workshop would see it. Send it again if you are sure.",
        Map.of("personalData", kinds));
  }

  private static Command pollOpen(Args a) {
    String template = a.optString("template");
    if (template != null) {
      if (!"ladder".equals(template)) throw ProtocolException.invalid("the only poll template is ladder");
      return new Command.PollLadder(WorkshopSpecs.lang(a.optString("lang")));
    }
    JsonNode options = a.raw("options");
    if (options == null || !options.isArray()) throw ProtocolException.invalid("options must be a list of 2 to 10 texts");
    List<String> texts = new ArrayList<>();
    for (JsonNode o : options) {
      if (!o.isTextual() || !ClientFrame.wellFormed(o.textValue())) throw ProtocolException.invalid("each option must be a text");
      texts.add(o.textValue());
    }
    return new Command.PollOpen(a.string("question"), texts);
  }

  private static Command parking(Args a) {
    ParkingStatus status = ParkingStatus.fromWire(a.string("status"));
    if (status == null) throw ProtocolException.invalid("status must be open, revisited or handed-on");
    return new Command.ParkingUpdate(a.string("id"), status, a.optString("owner"));
  }

  private static Command actionUpdate(Args a) {
    String wire = a.optString("status");
    ActionStatus status = wire == null ? null : ActionStatus.fromWire(wire);
    if (wire != null && status == null) {
      throw ProtocolException.invalid("status must be open, in-progress, done or not-possible");
    }
    return new Command.ActionUpdate(a.string("id"), status, a.optString("outcome"), a.optString("owner"),
        a.optString("due"), a.optString("text"));
  }

  /** {@code spotlight.set} takes {type, id}, or nothing / nulls to clear. */
  private static Command spotlight(Args a) {
    String type = a.optString("type");
    String id = a.optString("id");
    if (type == null && id == null) return new Command.SpotlightSet(null);
    Spotlight.Type t = type == null ? null : Spotlight.Type.fromWire(type);
    if (t == null) throw ProtocolException.invalid("type must be contribution, theme or poll");
    if (id == null) throw ProtocolException.invalid("id is required");
    return new Command.SpotlightSet(new Spotlight(t, id));
  }
}
