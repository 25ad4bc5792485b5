package org.commonground.config;

/**
 * Per-connection and per-address bounds; see config/default.json for the shipped values.
 *
 * <p>{@code idleTimeoutSeconds}: a WebSocket that has sent nothing, not even a pong, for this long is
 * dropped; the server pings every third of it ({@link #webSocketPingMs}). {@code httpIdleTimeoutSeconds}:
 * any connection on which nothing was read or written for this long is closed (WebSockets included, but
 * a healthy one is pinged well within it). {@code headerTimeoutSeconds}: how long a new connection, or
 * one between requests once idle, may take to send a request's headers. {@code connectionsPerAddress}:
 * open HTTP and WebSocket connections from one client address, counted across the node.
 * {@code creationsPerWindow} per {@code creationWindowSeconds}: workshops one client address may create,
 * counted in Redis across every node.
 */
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
    int connectionsPerAddress,
    int headerTimeoutSeconds,
    int httpIdleTimeoutSeconds,
    int creationsPerWindow,
    int creationWindowSeconds,
    int connectionsPerPerson) {

  /** A sweep checks pings once a second, so a ping may come this much later than its interval. */
  private static final long PING_SLACK_MS = 2_000;

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
    positive("limits.connectionsPerAddress", connectionsPerAddress);
    positive("limits.headerTimeoutSeconds", headerTimeoutSeconds);
    positive("limits.httpIdleTimeoutSeconds", httpIdleTimeoutSeconds);
    positive("limits.creationsPerWindow", creationsPerWindow);
    positive("limits.creationWindowSeconds", creationWindowSeconds);
    positive("limits.connectionsPerPerson", connectionsPerPerson);
    // The connection idle timeout also covers WebSockets: it must outlast the gap between two pings, or
    // it would cut healthy ones that are merely quiet.
    long pingMs = pingMs(idleTimeoutSeconds);
    if (httpIdleTimeoutSeconds * 1000L < pingMs + PING_SLACK_MS) {
      throw new IllegalArgumentException("limits.httpIdleTimeoutSeconds must be at least "
          + (pingMs + PING_SLACK_MS + 999) / 1000 + " (the WebSocket ping interval, a third of "
          + "limits.idleTimeoutSeconds, plus 2 s), not " + httpIdleTimeoutSeconds);
    }
  }

  /** How often a WebSocket is pinged: a third of its idle timeout, so two pings can go unanswered. */
  public long webSocketPingMs() { return pingMs(idleTimeoutSeconds); }

  private static long pingMs(int idleTimeoutSeconds) { return Math.max(1_000, idleTimeoutSeconds * 1000L / 3); }

  public Limits withCommandRate(double perSecond, int burst) {
    return new Limits(maxFrameBytes, perSecond, burst, failedJoinsPerWindow, failedJoinWindowSeconds,
        writeQueueMaxBytes, helloTimeoutMs, errorsPerMinute, refTtlSeconds, idleTimeoutSeconds,
        connectionsPerAddress, headerTimeoutSeconds, httpIdleTimeoutSeconds, creationsPerWindow, creationWindowSeconds, connectionsPerPerson);
  }

  public Limits withWriteQueueMaxBytes(int bytes) {
    return new Limits(maxFrameBytes, commandsPerSecond, commandBurst, failedJoinsPerWindow, failedJoinWindowSeconds,
        bytes, helloTimeoutMs, errorsPerMinute, refTtlSeconds, idleTimeoutSeconds,
        connectionsPerAddress, headerTimeoutSeconds, httpIdleTimeoutSeconds, creationsPerWindow, creationWindowSeconds, connectionsPerPerson);
  }

  public Limits withFailedJoins(int perWindow, int windowSeconds) {
    return new Limits(maxFrameBytes, commandsPerSecond, commandBurst, perWindow, windowSeconds,
        writeQueueMaxBytes, helloTimeoutMs, errorsPerMinute, refTtlSeconds, idleTimeoutSeconds,
        connectionsPerAddress, headerTimeoutSeconds, httpIdleTimeoutSeconds, creationsPerWindow, creationWindowSeconds, connectionsPerPerson);
  }

  public Limits withHelloTimeoutMs(int ms) {
    return new Limits(maxFrameBytes, commandsPerSecond, commandBurst, failedJoinsPerWindow, failedJoinWindowSeconds,
        writeQueueMaxBytes, ms, errorsPerMinute, refTtlSeconds, idleTimeoutSeconds,
        connectionsPerAddress, headerTimeoutSeconds, httpIdleTimeoutSeconds, creationsPerWindow, creationWindowSeconds, connectionsPerPerson);
  }

  /** The WebSocket idle timeout, and the connection idle timeout with it when it would be too short. */
  public Limits withIdleTimeoutSeconds(int seconds) {
    int http = (int) Math.max(httpIdleTimeoutSeconds, (pingMs(seconds) + PING_SLACK_MS + 999) / 1000);
    return new Limits(maxFrameBytes, commandsPerSecond, commandBurst, failedJoinsPerWindow, failedJoinWindowSeconds,
        writeQueueMaxBytes, helloTimeoutMs, errorsPerMinute, refTtlSeconds, seconds,
        connectionsPerAddress, headerTimeoutSeconds, http, creationsPerWindow, creationWindowSeconds, connectionsPerPerson);
  }

  public Limits withConnectionsPerAddress(int perAddress) {
    return new Limits(maxFrameBytes, commandsPerSecond, commandBurst, failedJoinsPerWindow, failedJoinWindowSeconds,
        writeQueueMaxBytes, helloTimeoutMs, errorsPerMinute, refTtlSeconds, idleTimeoutSeconds,
        perAddress, headerTimeoutSeconds, httpIdleTimeoutSeconds, creationsPerWindow, creationWindowSeconds, connectionsPerPerson);
  }

  public Limits withHttpTimeouts(int headerSeconds, int idleSeconds) {
    return new Limits(maxFrameBytes, commandsPerSecond, commandBurst, failedJoinsPerWindow, failedJoinWindowSeconds,
        writeQueueMaxBytes, helloTimeoutMs, errorsPerMinute, refTtlSeconds, idleTimeoutSeconds,
        connectionsPerAddress, headerSeconds, idleSeconds, creationsPerWindow, creationWindowSeconds, connectionsPerPerson);
  }

  public Limits withCreations(int perWindow, int windowSeconds) {
    return new Limits(maxFrameBytes, commandsPerSecond, commandBurst, failedJoinsPerWindow, failedJoinWindowSeconds,
        writeQueueMaxBytes, helloTimeoutMs, errorsPerMinute, refTtlSeconds, idleTimeoutSeconds,
        connectionsPerAddress, headerTimeoutSeconds, httpIdleTimeoutSeconds, perWindow, windowSeconds, connectionsPerPerson);
  }

  private static void positive(String what, long v) {
    if (v <= 0) throw new IllegalArgumentException(what + " must be > 0");
  }
}
