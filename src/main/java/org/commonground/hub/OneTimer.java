package org.commonground.hub;

import io.vertx.core.Vertx;

/**
 * A timer that is either set once or not set: setting it again while it waits changes nothing. Used on
 * one context only (a live workshop's).
 */
final class OneTimer {
  private final Vertx vertx;
  private long id = -1;

  OneTimer(Vertx vertx) { this.vertx = vertx; }

  /** Runs {@code then} after {@code delayMs}, unless the timer is set already. */
  void set(long delayMs, Runnable then) {
    if (id >= 0) return;
    id = vertx.setTimer(delayMs, t -> {
      id = -1;
      then.run();
    });
  }

  void cancel() {
    if (id >= 0) vertx.cancelTimer(id);
    id = -1;
  }
}
