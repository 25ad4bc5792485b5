package org.commonground.hub.live;

import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * One read of the log at a time: concurrent callers share the read under way, and a read that is over
 * is never handed out again. No I/O of its own; {@code read} starts the real one.
 */
public final class SharedRead {
  private final Supplier<Future<Void>> read;
  private Future<Void> underWay;

  public SharedRead(Supplier<Future<Void>> read) { this.read = read; }

  public Future<Void> start() {
    if (underWay != null) return underWay;
    Future<Void> reading = read.get();
    // A read may be over before it is returned (a request on a closed connection fails at once): only
    // one still under way is shared, or a failed one would be handed out for good and the replica would
    // stay behind.
    if (!reading.isComplete()) {
      underWay = reading;
      reading.onComplete(x -> underWay = null);
    }
    return reading;
  }
}
