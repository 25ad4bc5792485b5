package org.commonground.hub.live;

import org.commonground.protocol.Json;
import org.commonground.protocol.SequencedEvent;
import org.commonground.workshop.Event;

/** Stored events for the live core's tests: what the channel and the log carry. */
final class Events {
  private Events() {}

  static SequencedEvent event(long seq) {
    return new SequencedEvent(seq, 1_000 + seq, "p1", new Event.FloorGiven("p" + seq));
  }

  /** As Redis publishes and stores it: {"seq":N,…}. */
  static String stored(long seq) { return Json.string(event(seq)); }
}
