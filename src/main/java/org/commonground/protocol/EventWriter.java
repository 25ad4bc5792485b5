package org.commonground.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Event;

/**
 * Writes the stored form of the events a live workshop has most of (posts, edits, reactions, votes, moves, removals),
 * written and read with Jackson's streaming API: every post is written once on its way to Redis and, on every
 * other node, read once from pub/sub, and databind's reflection was the largest cost of both. The bytes are
 * the same as databind's (a test holds them to it, event by event), so either side reads what the other
 * wrote. Every other event goes through databind; {@link EventReader} reads what this writes.
 */
final class EventWriter {
  private EventWriter() {}

  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

  /** The contribution's words, where a stored body holds them apart (see {@code store.StoredEvent}). */
  static final String TEXT_REF = "$t";

  /**
   * The stored form without its leading {@code {"seq":N,}, or null for an event written by databind.
   * {@code wordsApart}: a contribution's text is written as {@code {"$t":"<id>"}} in place of its words.
   */
  static String bodyWithoutSeq(long ts, String by, Event event, boolean wordsApart) {
    if (!streamed(event)) return null;
    StringWriter out = new StringWriter(384);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      // The leading {"seq":0, is the caller's to drop: written so the generator's commas stay its own.
      g.writeStartObject();
      g.writeNumberField("seq", 0);
      g.writeNumberField("ts", ts);
      g.writeStringField("by", by);
      g.writeObjectFieldStart("e");
      g.writeStringField("type", event.getClass().getSimpleName());
      writeEvent(g, event, wordsApart);
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static boolean streamed(Event e) {
    return e instanceof Event.ContributionAdded || e instanceof Event.ContributionUpdated
        || e instanceof Event.ContributionReacted || e instanceof Event.VotesChanged
        || e instanceof Event.ContributionRemoved || e instanceof Event.ContributionMoved;
  }

  private static void writeEvent(JsonGenerator g, Event event, boolean wordsApart) throws IOException {
    if (event instanceof Event.ContributionAdded a) {
      g.writeFieldName("contribution");
      writeContribution(g, a.contribution(), wordsApart);
    } else if (event instanceof Event.ContributionUpdated u) {
      g.writeFieldName("contribution");
      writeContribution(g, u.contribution(), wordsApart);
    } else if (event instanceof Event.ContributionReacted r) {
      g.writeStringField("id", r.id());
      g.writeStringField("reaction", r.reaction());
      g.writeStringField("participantId", r.participantId());
      g.writeBooleanField("on", r.on());
      g.writeFieldName("reactedBy");
      writeReactedBy(g, r.reactedBy());
    } else if (event instanceof Event.VotesChanged v) {
      g.writeStringField("targetId", v.targetId());
      g.writeStringField("participantId", v.participantId());
      g.writeNumberField("delta", v.delta());
      g.writeNumberField("votes", v.votes());
    } else if (event instanceof Event.ContributionRemoved r) {
      g.writeStringField("id", r.id());
      g.writeBooleanField("hidden", r.hidden());
      g.writeStringField("reason", r.reason());
    } else if (event instanceof Event.ContributionMoved m) {
      g.writeStringField("id", m.id());
      g.writeStringField("themeId", m.themeId());
    }
  }

  private static void writeContribution(JsonGenerator g, Contribution c, boolean wordsApart) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeNumberField("phase", c.phase());
    g.writeStringField("kind", c.kind().name());
    if (wordsApart) {
      g.writeObjectFieldStart("text");
      g.writeStringField(TEXT_REF, c.id());
      g.writeEndObject();
    } else {
      g.writeStringField("text", c.text());
    }
    g.writeStringField("author", c.author());
    g.writeStringField("group", c.group());
    g.writeBooleanField("anonymous", c.anonymous());
    g.writeStringField("scribedFor", c.scribedFor());
    g.writeStringField("themeId", c.themeId());
    g.writeNumberField("createdAt", c.createdAt());
    if (c.editedAt() == null) g.writeNullField("editedAt");
    else g.writeNumberField("editedAt", c.editedAt().longValue());
    g.writeBooleanField("hidden", c.hidden());
    g.writeFieldName("reactedBy");
    writeReactedBy(g, c.reactedBy());
    g.writeNumberField("votes", c.votes());
    g.writeStringField("parking", c.parking() == null ? null : c.parking().name());
    g.writeStringField("owner", c.owner());
    g.writeStringField("lang", c.lang() == null ? null : c.lang().name());
    g.writeEndObject();
  }

  private static void writeReactedBy(JsonGenerator g, Map<String, Set<String>> reactedBy) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Set<String>> r : reactedBy.entrySet()) {
      g.writeArrayFieldStart(r.getKey());
      for (String who : r.getValue()) g.writeString(who);
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
