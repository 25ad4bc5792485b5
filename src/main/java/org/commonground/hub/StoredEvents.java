package org.commonground.hub;

import org.commonground.protocol.Json;
import org.commonground.protocol.SequencedEvent;
import org.commonground.store.StoredEvent;
import org.commonground.store.StoredEvent.TextOp;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Emitted;
import org.commonground.workshop.Event;

/**
 * How an event is stored: a contribution's words leave the body for the texts kept apart from the log
 * (see {@link StoredEvent}), so that withdrawing, hiding or editing can take them back for good.
 */
final class StoredEvents {
  private StoredEvents() {}

  static StoredEvent of(long ts, Emitted emitted) {
    Event event = emitted.event();
    if (event instanceof Event.ContributionAdded a) return withoutWords(ts, emitted, a.contribution());
    if (event instanceof Event.ContributionUpdated u) return withoutWords(ts, emitted, u.contribution());
    String body = SequencedEvent.bodyWithoutSeq(ts, emitted);
    if (event instanceof Event.ContributionRemoved r) {
      return new StoredEvent(body, new TextOp(r.hidden() ? TextOp.Kind.HIDE : TextOp.Kind.ERASE, r.id(), null));
    }
    return StoredEvent.of(body);
  }

  private static StoredEvent withoutWords(long ts, Emitted emitted, Contribution c) {
    TextOp.Kind kind = c.hidden() ? TextOp.Kind.HIDDEN : TextOp.Kind.SET;
    return new StoredEvent(SequencedEvent.bodyWithoutWords(ts, emitted),
        new TextOp(kind, c.id(), Json.literal(c.text())));
  }
}
