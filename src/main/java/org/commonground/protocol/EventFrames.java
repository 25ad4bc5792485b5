package org.commonground.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Event;
import org.commonground.workshop.Event.ContributionAdded;
import org.commonground.workshop.Event.ContributionReacted;
import org.commonground.workshop.Event.ContributionRemoved;
import org.commonground.workshop.Event.ContributionUpdated;
import org.commonground.workshop.Event.ParticipantJoined;
import org.commonground.workshop.Event.FloorGiven;
import org.commonground.workshop.Event.HandsChanged;
import org.commonground.workshop.Event.ParticipantRemoved;
import org.commonground.workshop.Event.PhaseChanged;
import org.commonground.workshop.Event.PollClosed;
import org.commonground.workshop.Event.PollOpened;
import org.commonground.workshop.Event.PollTallied;
import org.commonground.workshop.Event.ReadyChanged;
import org.commonground.workshop.Event.SpotlightChanged;
import org.commonground.workshop.Event.VotesChanged;
import org.commonground.workshop.Event.WorkshopCreated;
import org.commonground.workshop.Event.WorkshopEnded;
import org.commonground.workshop.Event.WorkshopUpdated;
import org.commonground.workshop.Event.ThemeCreated;
import org.commonground.workshop.Event.ThemeUpdated;
import org.commonground.workshop.Event.ThemeRemoved;
import org.commonground.workshop.Event.ContributionMoved;
import org.commonground.workshop.Event.ThemesSuggested;
import org.commonground.workshop.Event.PlacementUpdated;
import org.commonground.workshop.PhaseState;
import org.commonground.workshop.WorkshopState;

/** The {@code ev} frame every client of a workshop receives for an event: built once per node. */
public final class EventFrames {
  private EventFrames() {}

  public static Buffer encode(SequencedEvent e) {
    // Most of a live workshop's events are posts and edits: written straight to bytes, with no tree between.
    if (e.event() instanceof ContributionAdded a) return contributionFrame(e, a.contribution());
    if (e.event() instanceof ContributionUpdated u) return contributionFrame(e, u.contribution());
    return Json.buffer(tree(e));
  }

  /** The frame as a tree: every event but the two above, and the reference the streamed ones are tested against. */
  static ObjectNode tree(SequencedEvent e) {
    ObjectNode frame = Json.object();
    frame.put("t", "ev").put("seq", e.seq()).put("ts", e.ts()).put("name", e.event().name()).put("by", shownBy(e));
    frame.set("data", data(e.event(), e.ts()));
    return frame;
  }

  /** The same bytes {@link #tree} would give for a frame holding one contribution. */
  private static Buffer contributionFrame(SequencedEvent e, Contribution c) {
    ByteArrayBuilder out = new ByteArrayBuilder(512);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("t", "ev");
      g.writeNumberField("seq", e.seq());
      g.writeNumberField("ts", e.ts());
      g.writeStringField("name", e.event().name());
      g.writeStringField("by", shownBy(e));
      g.writeObjectFieldStart("data");
      g.writeFieldName("contribution");
      Views.writeContribution(g, c);
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return Buffer.buffer(out.toByteArray());
  }

  /**
   * The {@code by} everyone sees. Who reacted, voted, answered a poll or said they are ready is never sent:
   * the domain emits these with {@code by} null, and this also covers events stored before it did.
   */
  static String shownBy(SequencedEvent e) {
    Event ev = e.event();
    boolean privateAct = ev instanceof ContributionReacted || ev instanceof VotesChanged
        || ev instanceof ReadyChanged || ev instanceof PollTallied;
    return privateAct ? null : e.by();
  }

  static ObjectNode data(Event event, long ts) {
    ObjectNode d = Json.object();
    if (event instanceof WorkshopCreated c) {
      ObjectNode w = d.putObject("workshop");
      w.put("id", c.id()).put("title", c.title()).put("joinCode", JoinCodes.display(c.joinCode()));
      w.put("status", WorkshopState.Status.LOBBY.wire());
      w.set("settings", Views.settings(c.settings()));
      d.set("phases", Views.phases(c.phases()));
      d.set("phase", Views.phase(PhaseState.pending(c.phases().get(0)), ts));
      d.putArray("participants").add(Views.participant(c.facilitator()));
    } else if (event instanceof ParticipantJoined j) {
      d.set("participant", Views.participant(j.participant()));
    } else if (event instanceof ContributionAdded a) {
      d.set("contribution", Views.contribution(a.contribution()));
    } else if (event instanceof ContributionUpdated u) {
      d.set("contribution", Views.contribution(u.contribution()));
    } else if (event instanceof ContributionRemoved r) {
      d.put("id", r.id()).put("hidden", r.hidden());
    } else if (event instanceof ContributionReacted r) {
      d.put("id", r.id());
      d.set("reactions", Views.reactions(Contribution.countsOf(r.reactedBy())));
    } else if (event instanceof PhaseChanged p) {
      d.set("phase", Views.phase(p.phase(), ts));
    } else if (event instanceof WorkshopUpdated u) {
      d.set("workshop", Views.workshop(u.id(), u.title(), u.joinCode(), u.status(), u.settings()));
    } else if (event instanceof ReadyChanged r) {
      d.put("count", r.ready().size());
    } else if (event instanceof VotesChanged v) {
      d.put("targetId", v.targetId()).put("votes", v.votes());
    } else if (event instanceof PollOpened o) {
      d.set("poll", Views.poll(o.poll()));
    } else if (event instanceof PollTallied t) {
      d.put("pollId", t.pollId());
      ArrayNode counts = d.putArray("counts");
      t.counts().forEach(counts::add);
    } else if (event instanceof PollClosed c) {
      d.set("poll", Views.poll(c.poll()));
    } else if (event instanceof HandsChanged h) {
      ArrayNode queue = d.putArray("queue");
      h.queue().forEach(queue::add);
    } else if (event instanceof FloorGiven f) {
      d.put("participantId", f.participantId());
    } else if (event instanceof SpotlightChanged sp) {
      d.set("spotlight", Views.spotlight(sp.spotlight()));
    } else if (event instanceof ParticipantRemoved r) {
      d.put("id", r.id());
    } else if (event instanceof ThemeCreated c) {
      d.set("theme", Views.theme(c.theme()));
    } else if (event instanceof ThemeUpdated u) {
      d.set("theme", Views.theme(u.theme()));
    } else if (event instanceof ThemeRemoved r) {
      d.put("id", r.id());
    } else if (event instanceof ContributionMoved m) {
      d.put("id", m.id()).put("themeId", m.themeId());
    } else if (event instanceof ThemesSuggested g) {
      d.set("suggestions", Views.suggestions(g.suggestions()));
    } else if (event instanceof PlacementUpdated p) {
      ObjectNode fits = d.putObject("fits");
      p.fits().forEach((id, themes) -> {
        ArrayNode a = fits.putArray(id);
        themes.forEach(a::add);
      });
    } else if (event instanceof Event.ActionAdded a) {
      d.set("action", Views.action(a.action()));
    } else if (event instanceof Event.ActionUpdated u) {
      d.set("action", Views.action(u.action()));
    } else if (event instanceof Event.SeriesUpdated u) {
      d.set("series", Views.series(u.series(), null));
    } else if (event instanceof Event.ItemsCarried c) {
      ObjectNode from = d.putObject("contributions");
      c.contributions().forEach((id, f) -> from.set(id, Views.carriedFrom(f)));
      ArrayNode actions = d.putArray("actions");
      c.actions().forEach(a -> actions.add(Views.action(a)));
    } else if (event instanceof WorkshopEnded) {
      // {} as docs/protocol.md says; workshop.updated is not sent, the status is implied.
    } else {
      throw new IllegalArgumentException("no frame for " + event.name());
    }
    return d;
  }
}
