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
    String body = SequencedEvent.bodyWithoutSeq(ts, emitted);
    Event event = emitted.event();
    if (event instanceof Event.ContributionAdded a) return withoutWords(body, a.contribution());
    if (event instanceof Event.ContributionUpdated u) return withoutWords(body, u.contribution());
    if (event instanceof Event.ContributionRemoved r) {
      return new StoredEvent(body, new TextOp(r.hidden() ? TextOp.Kind.HIDE : TextOp.Kind.ERASE, r.id(), null));
    }
    return StoredEvent.of(body);
  }

  private static StoredEvent withoutWords(String body, Contribution c) {
    String literal = Json.string(c.text());
    // The contribution's text is the first "text" field of the body: nothing before it (seq, ts, by, the
    // type and the contribution's id, phase and kind) is free text, and user text is escaped, so this
    // exact sequence cannot be forged by what someone typed.
    String words = "\"text\":" + literal;
    int at = body.indexOf(words);
    if (at < 0) throw new IllegalStateException("contribution text not found in its stored form");
    String stored = body.substring(0, at) + "\"text\":{\"$t\":" + Json.string(c.id()) + "}"
        + body.substring(at + words.length());
    TextOp.Kind kind = c.hidden() ? TextOp.Kind.HIDDEN : TextOp.Kind.SET;
    return new StoredEvent(stored, new TextOp(kind, c.id(), literal));
  }
}
