package org.commonground.transport;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import org.commonground.config.AppConfig;
import org.commonground.store.WorkshopStore;

/**
 * How many workshops one client address may create in a window ({@code limits.creationsPerWindow} per
 * {@code limits.creationWindowSeconds}). Counted in Redis, like failed joins, so the limit holds however
 * many nodes the requests are spread over; the address is the one {@link ClientAddress} gives (the
 * forwarded one only behind a proxy). A fixed window, not a sliding one: at worst twice the allowance
 * passes around a window's edge, which still bounds what one address can store.
 */
final class CreationLimit {
  private final WorkshopStore store;
  private final int perWindow;
  private final int windowSeconds;
  private final boolean behindProxy;

  CreationLimit(WorkshopStore store, AppConfig config) {
    this.store = store;
    this.perWindow = config.limits().creationsPerWindow();
    this.windowSeconds = config.limits().creationWindowSeconds();
    this.behindProxy = config.http().behindProxy();
  }

  /** Counts a creation; succeeds with 0 when it may go ahead, or with the seconds to wait when it may not. */
  Future<Long> take(HttpServerRequest request) {
    return store.countCreation(ClientAddress.of(request, behindProxy), windowSeconds)
        .map(count -> count[0] > perWindow ? Math.max(1, count[1]) : 0L);
  }

  /** The refusal, in words: how long to wait, rounded up to minutes past the first one. */
  static String message(long waitSeconds) {
    String wait = waitSeconds <= 60 ? "a minute" : "about " + ((waitSeconds + 59) / 60) + " minutes";
    return "too many workshops have been created from your network; wait " + wait
        + " and try again, or ask the person who runs this service for an organiser key";
  }
}
