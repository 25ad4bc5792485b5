package org.commonground.config;

/** Per-connection and per-address bounds; see config/default.json for the shipped values. */
public record Limits(
    int maxFrameBytes,
    double commandsPerSecond,
    int commandBurst,
    int failedJoinsPerWindow,
    int failedJoinWindowSeconds,
    int writeQueueMaxBytes,
    int helloTimeoutMs,
    int errorsPerMinute,
    int refTtlSeconds,
    int idleTimeoutSeconds,
    int connectionsPerPerson) {

  public Limits {
    positive("limits.maxFrameBytes", maxFrameBytes);
    if (!(commandsPerSecond > 0)) throw new IllegalArgumentException("limits.commandsPerSecond must be > 0");
    positive("limits.commandBurst", commandBurst);
    positive("limits.failedJoinsPerWindow", failedJoinsPerWindow);
    positive("limits.failedJoinWindowSeconds", failedJoinWindowSeconds);
    positive("limits.writeQueueMaxBytes", writeQueueMaxBytes);
    positive("limits.helloTimeoutMs", helloTimeoutMs);
    positive("limits.errorsPerMinute", errorsPerMinute);
    if (refTtlSeconds < 600) throw new IllegalArgumentException("limits.refTtlSeconds must be at least 600");
    positive("limits.idleTimeoutSeconds", idleTimeoutSeconds);
    positive("limits.connectionsPerPerson", connectionsPerPerson);
  }

  public Limits withCommandRate(double perSecond, int burst) {
    return new Limits(maxFrameBytes, perSecond, burst, failedJoinsPerWindow, failedJoinWindowSeconds,
        writeQueueMaxBytes, helloTimeoutMs, errorsPerMinute, refTtlSeconds, idleTimeoutSeconds,
        connectionsPerPerson);
  }

  public Limits withWriteQueueMaxBytes(int bytes) {
    return new Limits(maxFrameBytes, commandsPerSecond, commandBurst, failedJoinsPerWindow, failedJoinWindowSeconds,
        bytes, helloTimeoutMs, errorsPerMinute, refTtlSeconds, idleTimeoutSeconds,
        connectionsPerPerson);
  }

  private static void positive(String what, long v) {
    if (v <= 0) throw new IllegalArgumentException(what + " must be > 0");
  }
}
