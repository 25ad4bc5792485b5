package org.commonground.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Event;
import org.commonground.workshop.Event.ContributionAdded;
import org.commonground.workshop.Event.ContributionReacted;
import org.commonground.workshop.Event.ContributionRemoved;
import org.commonground.workshop.Event.ContributionUpdated;
import org.commonground.workshop.Event.ParticipantJoined;
import org.commonground.workshop.Event.WorkshopCreated;
import org.commonground.workshop.PhaseState;
import org.commonground.workshop.WorkshopState;

/** The {@code ev} frame every client of a workshop receives for an event: built once per node. */
public final class EventFrames {
  private EventFrames() {}

  public static Buffer encode(SequencedEvent e) {
    ObjectNode frame = Json.object();
    frame.put("t", "ev").put("seq", e.seq()).put("ts", e.ts()).put("name", e.event().name()).put("by", e.by());
    frame.set("data", data(e.event()));
    return Json.buffer(frame);
  }

  static ObjectNode data(Event event) {
    ObjectNode d = Json.object();
    if (event instanceof WorkshopCreated c) {
      ObjectNode w = d.putObject("workshop");
      w.put("id", c.id()).put("title", c.title()).put("joinCode", JoinCodes.display(c.joinCode()));
      w.put("status", WorkshopState.Status.LOBBY.wire());
      w.set("settings", Views.settings(c.settings()));
      d.set("phases", Views.phases(c.phases()));
      d.set("phase", Views.phase(PhaseState.pending(c.phases().get(0))));
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
    } else {
      throw new IllegalArgumentException("no frame for " + event.name());
    }
    return d;
  }
}
