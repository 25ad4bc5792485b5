package org.commonground.hub;

import java.util.HashMap;
import java.util.Map;

/**
 * Each person's command rate over all their connections to one workshop here, so more sockets do not
 * mean more commands. Bounded by the people connected: an entry goes when their last connection does.
 * On the workshop's context.
 */
final class PersonRates {
  private final HubSettings settings;
  private final Map<String, TokenBucket> rates = new HashMap<>();

  PersonRates(HubSettings settings) { this.settings = settings; }

  boolean tryTake(String participantId, long nowNanos) {
    return rates.computeIfAbsent(participantId,
        p -> new TokenBucket(settings.commandsPerSecond(), settings.commandBurst(), nowNanos)).tryTake(nowNanos);
  }

  /** Their last connection here has gone. */
  void forget(String participantId) { rates.remove(participantId); }
}
