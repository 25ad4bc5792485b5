package org.commonground.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Event;
import org.commonground.workshop.Kind;
import org.commonground.workshop.Lang;
import org.commonground.workshop.ParkingStatus;

/**
 * Reads the stored events {@link EventWriter} writes with Jackson's streaming API: every other node reads
 * each post once from pub/sub, and a catch-up or a resume reads it from the log. Anything not in exactly
 * that form (another event type, the type not first, a number written as text) is left to databind,
 * which reads it as it always has, or fails with its own error: both read every input the same way.
 */
final class EventReader {
  private EventReader() {}

  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

  /** Not in the form EventWriter writes: the caller reads it with databind, which also gives any error. */
  private static final class NotStreamed extends Exception {
    NotStreamed() { super(null, null, false, false); }
  }

  private static final NotStreamed NOT_STREAMED = new NotStreamed();

  /** The event, or null when databind must read it (another event type, or another shape). */
  static SequencedEvent parse(String stored) {
    try (JsonParser p = FACTORY.createParser(stored)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      long seq = 0;
      long ts = 0;
      String by = null;
      Event event = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "seq" -> seq = longValue(p, t);
          case "ts" -> ts = longValue(p, t);
          case "by" -> by = text(p, t);
          case "e" -> event = event(p, t);
          default -> p.skipChildren();
        }
      }
      expect(p.currentToken(), JsonToken.END_OBJECT);
      // One JSON object, as databind insists (FAIL_ON_TRAILING_TOKENS).
      if (p.nextToken() != null || event == null) return null;
      return new SequencedEvent(seq, ts, by, event);
    } catch (NotStreamed | IOException | RuntimeException e) {
      // Databind reads it again, and answers with the same event or its own error.
      return null;
    }
  }

  private static Event event(JsonParser p, JsonToken t) throws IOException, NotStreamed {
    expect(t, JsonToken.START_OBJECT);
    if (p.nextToken() != JsonToken.FIELD_NAME || !"type".equals(p.currentName())) throw NOT_STREAMED;
    String type = text(p, p.nextToken());
    if (type == null) throw NOT_STREAMED;
    return switch (type) {
      case "ContributionAdded" -> new Event.ContributionAdded(contributionField(p));
      case "ContributionUpdated" -> new Event.ContributionUpdated(contributionField(p));
      case "ContributionReacted" -> reacted(p);
      case "VotesChanged" -> votes(p);
      case "ContributionRemoved" -> removed(p);
      case "ContributionMoved" -> moved(p);
      default -> throw NOT_STREAMED;
    };
  }

  private static Contribution contributionField(JsonParser p) throws IOException, NotStreamed {
    Contribution c = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("contribution")) c = contribution(p, t);
      else p.skipChildren();
    }
    if (c == null) throw NOT_STREAMED;
    return c;
  }

  private static Contribution contribution(JsonParser p, JsonToken start) throws IOException, NotStreamed {
    expect(start, JsonToken.START_OBJECT);
    String id = null, text = null, author = null, group = null, scribedFor = null, themeId = null, owner = null;
    int phase = 0, votes = 0;
    long createdAt = 0;
    Long editedAt = null;
    boolean anonymous = false, hidden = false;
    Kind kind = null;
    ParkingStatus parking = null;
    Lang lang = null;
    Map<String, Set<String>> reactedBy = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "id" -> id = text(p, t);
        case "phase" -> phase = intValue(p, t);
        case "kind" -> kind = t == JsonToken.VALUE_NULL ? null : Kind.valueOf(text(p, t));
        case "text" -> text = text(p, t);
        case "author" -> author = text(p, t);
        case "group" -> group = text(p, t);
        case "anonymous" -> anonymous = bool(t);
        case "scribedFor" -> scribedFor = text(p, t);
        case "themeId" -> themeId = text(p, t);
        case "createdAt" -> createdAt = longValue(p, t);
        case "editedAt" -> editedAt = t == JsonToken.VALUE_NULL ? null : longValue(p, t);
        case "hidden" -> hidden = bool(t);
        case "reactedBy" -> reactedBy = reactedBy(p, t);
        case "votes" -> votes = intValue(p, t);
        case "parking" -> parking = t == JsonToken.VALUE_NULL ? null : ParkingStatus.valueOf(text(p, t));
        case "owner" -> owner = text(p, t);
        case "lang" -> lang = t == JsonToken.VALUE_NULL ? null : Lang.valueOf(text(p, t));
        default -> p.skipChildren();
      }
    }
    return new Contribution(id, phase, kind, text, author, group, anonymous, scribedFor, themeId, createdAt,
        editedAt, hidden, reactedBy, votes, parking, owner, lang);
  }

  private static Event reacted(JsonParser p) throws IOException, NotStreamed {
    String id = null, reaction = null, participantId = null;
    boolean on = false;
    Map<String, Set<String>> reactedBy = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "id" -> id = text(p, t);
        case "reaction" -> reaction = text(p, t);
        case "participantId" -> participantId = text(p, t);
        case "on" -> on = bool(t);
        case "reactedBy" -> reactedBy = reactedBy(p, t);
        default -> p.skipChildren();
      }
    }
    return new Event.ContributionReacted(id, reaction, participantId, on, reactedBy);
  }

  private static Event votes(JsonParser p) throws IOException, NotStreamed {
    String targetId = null, participantId = null;
    int delta = 0, votes = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "targetId" -> targetId = text(p, t);
        case "participantId" -> participantId = text(p, t);
        case "delta" -> delta = intValue(p, t);
        case "votes" -> votes = intValue(p, t);
        default -> p.skipChildren();
      }
    }
    return new Event.VotesChanged(targetId, participantId, delta, votes);
  }

  private static Event removed(JsonParser p) throws IOException, NotStreamed {
    String id = null, reason = null;
    boolean hidden = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "id" -> id = text(p, t);
        case "hidden" -> hidden = bool(t);
        case "reason" -> reason = text(p, t);
        default -> p.skipChildren();
      }
    }
    return new Event.ContributionRemoved(id, hidden, reason);
  }

  private static Event moved(JsonParser p) throws IOException, NotStreamed {
    String id = null, themeId = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "id" -> id = text(p, t);
        case "themeId" -> themeId = text(p, t);
        default -> p.skipChildren();
      }
    }
    return new Event.ContributionMoved(id, themeId);
  }

  /** Databind's null for a missing map stays null: the records make it empty. */
  private static Map<String, Set<String>> reactedBy(JsonParser p, JsonToken start) throws IOException, NotStreamed {
    if (start == JsonToken.VALUE_NULL) return null;
    expect(start, JsonToken.START_OBJECT);
    Map<String, Set<String>> out = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String reaction = p.currentName();
      expect(p.nextToken(), JsonToken.START_ARRAY);
      Set<String> who = new HashSet<>();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        expect(t, JsonToken.VALUE_STRING);
        who.add(p.getText());
      }
      out.put(reaction, who);
    }
    return out;
  }

  // Only the exact token types written above: anything databind would coerce (a number as a string, say)
  // is left to databind, so both read every input the same way.

  private static String text(JsonParser p, JsonToken t) throws IOException, NotStreamed {
    if (t == JsonToken.VALUE_NULL) return null;
    expect(t, JsonToken.VALUE_STRING);
    return p.getText();
  }

  private static long longValue(JsonParser p, JsonToken t) throws IOException, NotStreamed {
    expect(t, JsonToken.VALUE_NUMBER_INT);
    if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
      throw NOT_STREAMED;
    }
    return p.getLongValue();
  }

  private static int intValue(JsonParser p, JsonToken t) throws IOException, NotStreamed {
    expect(t, JsonToken.VALUE_NUMBER_INT);
    if (p.getNumberType() != JsonParser.NumberType.INT) throw NOT_STREAMED;
    return p.getIntValue();
  }

  private static boolean bool(JsonToken t) throws NotStreamed {
    if (t == JsonToken.VALUE_TRUE) return true;
    if (t == JsonToken.VALUE_FALSE) return false;
    throw NOT_STREAMED;
  }

  private static void expect(JsonToken actual, JsonToken wanted) throws NotStreamed {
    if (actual != wanted) throw NOT_STREAMED;
  }
}
