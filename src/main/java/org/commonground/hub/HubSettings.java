package org.commonground.hub;

/**
 * The hub's bounds. {@code resumeFrames}: encoded events kept in memory per live workshop for resuming
 * (older ones come from the log). {@code maxQueuedCommands}: commands waiting per workshop before new
 * ones get RATE_LIMITED. {@code maxEarlyEvents}: events held ahead of a gap before they are dropped and
 * read back from the log. {@code placementDebounceMs}: how long grouping must rest before placement help
 * is worked out again.
 */
public record HubSettings(int resumeFrames, int maxQueuedCommands, int maxEarlyEvents, long presenceCoalesceMs,
                          long idleUnloadMs, long presenceHeartbeatMs, long placementDebounceMs) {
  public HubSettings {
    if (resumeFrames < 1 || maxQueuedCommands < 1 || maxEarlyEvents < 1) {
      throw new IllegalArgumentException("hub bounds must be positive");
    }
  }

  public static final HubSettings DEFAULTS = new HubSettings(1_000, 1_000, 10_000, 100, 60_000, 20_000, 400);
}
