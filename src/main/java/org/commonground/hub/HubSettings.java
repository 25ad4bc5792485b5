package org.commonground.hub;

/**
 * The hub's bounds. {@code resumeFrames}: encoded events kept in memory per live workshop for resuming
 * (older ones come from the log). {@code maxQueuedCommands}: commands waiting per workshop before new
 * ones get RATE_LIMITED. {@code maxEarlyEvents}: events held ahead of a gap before they are dropped and
 * read back from the log. {@code placementDebounceMs}: how long grouping must rest before placement help
 * is worked out again. {@code idleLifetimeSeconds}: a started workshop's data expires this long after it was
 * last busy (0: never), renewed by its appends at most once per {@link #LIFETIME_RENEWAL_MS}.
 * {@code connectionsPerPerson}: sockets one person (one token) may have open on this node at once (a phone,
 * a laptop and a reload or two); past it a new one is closed with {@link org.commonground.protocol.CloseCode#TOO_MANY}.
 * {@code commandsPerSecond} and {@code commandBurst}: one person's command rate over all their sockets here.
 */
public record HubSettings(int resumeFrames, int maxQueuedCommands, int maxEarlyEvents, long presenceCoalesceMs,
                          long idleUnloadMs, long presenceHeartbeatMs, long placementDebounceMs,
                          long idleLifetimeSeconds, int connectionsPerPerson, double commandsPerSecond,
                          int commandBurst) {
  /** Renewing the expiry touches every key of a workshop, so it is done at most this often, not on every append. */
  public static final long LIFETIME_RENEWAL_MS = 3_600_000;

  public HubSettings {
    if (resumeFrames < 1 || maxQueuedCommands < 1 || maxEarlyEvents < 1) {
      throw new IllegalArgumentException("hub bounds must be positive");
    }
    if (connectionsPerPerson < 1 || !(commandsPerSecond > 0) || commandBurst < 1) {
      throw new IllegalArgumentException("per-person bounds must be positive");
    }
    if (idleLifetimeSeconds < 0) throw new IllegalArgumentException("idleLifetimeSeconds must be >= 0");
  }

  public static final HubSettings DEFAULTS = new HubSettings(1_000, 1_000, 10_000, 100, 60_000, 20_000, 400, 0, 5, 10,
      30);

  public HubSettings withIdleLifetimeSeconds(long seconds) {
    return new HubSettings(resumeFrames, maxQueuedCommands, maxEarlyEvents, presenceCoalesceMs, idleUnloadMs,
        presenceHeartbeatMs, placementDebounceMs, seconds, connectionsPerPerson, commandsPerSecond, commandBurst);
  }

  public HubSettings withPerPerson(int connections, double perSecond, int burst) {
    return new HubSettings(resumeFrames, maxQueuedCommands, maxEarlyEvents, presenceCoalesceMs, idleUnloadMs,
        presenceHeartbeatMs, placementDebounceMs, idleLifetimeSeconds, connections, perSecond, burst);
  }
}
