package org.commonground.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.commonground.workshop.Emitted;
import org.commonground.workshop.Event;

/**
 * An event with its place in the workshop's log: what the stream holds and pub/sub carries.
 * The stored JSON keeps the whole event (anonymous authors too) for replicas; only
 * {@link EventFrames} decides what a client sees.
 */
public record SequencedEvent(long seq, long ts, String by, @JsonProperty("e") Event event) {
  public SequencedEvent {
    Objects.requireNonNull(event, "event");
  }

  /**
   * The stored form without its leading {@code {"seq":N,}: the append script prepends that, because
   * only the script knows the seq.
   */
  public static String bodyWithoutSeq(long ts, Emitted emitted) {
    String full = Json.string(new SequencedEvent(0, ts, emitted.by(), emitted.event()));
    String prefix = "{\"seq\":0,";
    if (!full.startsWith(prefix)) throw new IllegalStateException("unexpected stored form: " + full);
    return full.substring(prefix.length());
  }

  public static SequencedEvent parse(String stored) {
    return Json.read(stored, SequencedEvent.class);
  }
}
