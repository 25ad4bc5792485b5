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
    return withoutSeq(EventWriter.bodyWithoutSeq(ts, emitted.by(), emitted.event(), false), ts, emitted);
  }

  /**
   * The same, with a contribution's words left out: {@code "text":{"$t":"<id>"}} where they were (see
   * {@code store.StoredEvent}). Only for {@code contribution.added} and {@code contribution.updated}.
   */
  public static String bodyWithoutWords(long ts, Emitted emitted) {
    Event e = emitted.event();
    if (!(e instanceof Event.ContributionAdded) && !(e instanceof Event.ContributionUpdated)) {
      throw new IllegalArgumentException(e.name() + " carries no contribution's words");
    }
    return withoutSeq(EventWriter.bodyWithoutSeq(ts, emitted.by(), e, true), ts, emitted);
  }

  private static String withoutSeq(String streamed, long ts, Emitted emitted) {
    String full = streamed != null ? streamed : Json.string(new SequencedEvent(0, ts, emitted.by(), emitted.event()));
    String prefix = "{\"seq\":0,";
    if (!full.startsWith(prefix)) throw new IllegalStateException("unexpected stored form: " + full);
    return full.substring(prefix.length());
  }

  public static SequencedEvent parse(String stored) {
    SequencedEvent streamed = EventReader.parse(stored);
    return streamed != null ? streamed : Json.read(stored, SequencedEvent.class);
  }
}
