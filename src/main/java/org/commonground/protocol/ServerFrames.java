package org.commonground.protocol;

import java.util.List;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.commonground.workshop.Code;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Kind;
import org.commonground.workshop.Participant;
import org.commonground.workshop.Poll;
import org.commonground.workshop.Theme;
import org.commonground.workshop.Role;
import org.commonground.workshop.WorkshopState;

/** Frames the server sends besides {@code ev}. */
public final class ServerFrames {
  private ServerFrames() {}

  public static final int PROTOCOL_VERSION = 1;

  /** Who a connection is, as welcome's {@code you} says. */
  public record You(String participantId, Role role, String name) {}

  public static Buffer welcome(You you, long serverTime, String epoch, long seq, boolean resumed,
                               WorkshopState state, Set<String> online) {
    ObjectNode f = Json.object();
    f.put("t", "welcome").put("protocol", PROTOCOL_VERSION);
    f.putObject("you").put("participantId", you.participantId()).put("role", you.role().wire())
        .put("name", you.name());
    f.put("serverTime", serverTime).put("epoch", epoch).put("seq", seq).put("resumed", resumed);
    if (!resumed) f.set("state", state(state, you, online, serverTime));
    return Json.buffer(f);
  }

  /** The full workshop as one viewer may see it. */
  public static ObjectNode state(WorkshopState s, You you, Set<String> online, long now) {
    ObjectNode n = Json.object();
    n.set("workshop", Views.workshop(s));
    n.set("phases", Views.phases(s.phases()));
    n.set("phase", Views.phase(s.phase(), now));
    ArrayNode participants = n.putArray("participants");
    for (Participant p : s.participants().values()) {
      participants.add(Views.participant(p).put("online", online.contains(p.id())));
    }
    boolean facilitator = you.role() == Role.FACILITATOR;
    ArrayNode contributions = n.putArray("contributions");
    ArrayNode parking = Json.object().arrayNode();
    for (Contribution c : s.contributions().values()) {
      if (c.hidden() && !facilitator) continue;
      ObjectNode view = Views.contribution(c).put("mine", c.author().equals(you.participantId()));
      List<String> fits = s.fits().get(c.id());
      if (fits != null && c.themeId() == null) {
        ArrayNode f = view.putArray("fits");
        fits.forEach(f::add);
      }
      if (c.hidden()) view.put("hidden", true);
      if (s.carried().get(c.id()) != null) view.set("carriedFrom", Views.carriedFrom(s.carried().get(c.id())));
      contributions.add(view);
      if (c.kind() == Kind.PARKING && !c.hidden()) parking.add(c.id());
    }
    ArrayNode themes = n.putArray("themes");
    for (Theme t : s.themes().values()) themes.add(Views.theme(t));
    n.set("suggestions", Views.suggestions(s.suggestions()));
    ArrayNode polls = n.putArray("polls");
    for (Poll p : s.polls().values()) polls.add(Views.poll(p));
    ArrayNode hands = n.putArray("hands");
    s.hands().forEach(hands::add);
    n.set("spotlight", Views.spotlight(s.spotlight()));
    n.set("parking", parking);
    n.put("readyCount", s.ready().size());
    n.set("series", Views.series(s.series(), s));
    ArrayNode actions = n.putArray("actions");
    for (org.commonground.workshop.Action a : s.actions().values()) actions.add(Views.action(a));
    ObjectNode yourVotes = n.putObject("yourVotes");
    s.votesOf(you.participantId()).forEach(yourVotes::put);
    n.put("yourReady", s.ready().contains(you.participantId()));
    // Extensions: a person's own poll answers and reactions, so a reload shows what they chose.
    ObjectNode yourAnswers = n.putObject("yourAnswers");
    for (Poll p : s.polls().values()) {
      Integer mine = p.answers().get(you.participantId());
      if (mine != null) yourAnswers.put(p.id(), mine);
    }
    ObjectNode yourReactions = n.putObject("yourReactions");
    for (Contribution c : s.contributions().values()) {
      if (c.hidden()) continue;
      ArrayNode mine = null;
      for (String r : new java.util.TreeSet<>(c.reactedBy().keySet())) {
        if (!c.reactedBy().get(r).contains(you.participantId())) continue;
        if (mine == null) mine = yourReactions.putArray(c.id());
        mine.add(r);
      }
    }
    return n;
  }

  public static Buffer ack(String ref, Long seq, Map<String, Object> result) {
    ObjectNode f = Json.object();
    f.put("t", "ack").put("ref", ref).put("seq", seq);
    f.set("result", Json.tree(result));
    return Json.buffer(f);
  }

  /** An ack whose result was stored as JSON text (a repeated ref answered from the store). */
  public static Buffer ack(String ref, Long seq, String resultJson) {
    return Buffer.buffer("{\"t\":\"ack\",\"ref\":" + Json.literal(ref) + ",\"seq\":" + seq + ",\"result\":"
        + resultJson + "}");
  }

  public static Buffer err(String ref, Code code, String message) {
    return err(ref, code, message, Map.of());
  }

  public static Buffer err(String ref, Code code, String message, Map<String, Object> details) {
    ObjectNode f = Json.object();
    f.put("t", "err").put("ref", ref).put("code", code.name()).put("message", message);
    if (!details.isEmpty()) f.set("details", Json.tree(details));
    return Json.buffer(f);
  }

  public static Buffer pong(long serverTime) {
    return Buffer.buffer("{\"t\":\"pong\",\"serverTime\":" + serverTime + "}");
  }

  public static Buffer presence(int online, Collection<String> joined, Collection<String> left) {
    ObjectNode f = Json.object();
    f.put("t", "presence").put("online", online);
    ArrayNode j = f.putArray("joined");
    joined.forEach(j::add);
    ArrayNode l = f.putArray("left");
    left.forEach(l::add);
    return Json.buffer(f);
  }
}
