package org.commonground.store;

/**
 * Decides whether a write waits for its replicas ({@code WAIT}) before it is acknowledged, and keeps count
 * of writes acknowledged without them. No I/O and no clock of its own: callers pass the time in.
 *
 * <p>Why it exists: {@code WAIT} blocks the connection it is sent on, and one event loop's connection
 * carries the writes of every workshop on that loop. With a replica down, waiting on every write would
 * hold each one for the whole timeout, one after another. So once a wait falls short, or waits have been
 * outstanding for a while with none answered, writes stop waiting for {@code pauseMs}, then try again.
 * A write that does not wait is still replicated, only not confirmed first: it is counted in
 * {@link #unconfirmed()}.
 *
 * <p>Shared by every event loop: its methods are synchronized, and each does a few arithmetic steps.
 */
public final class ReplicaWaits {
  /** Never waits: a standalone Redis with no replica, or waiting turned off. */
  public static final ReplicaWaits OFF = new ReplicaWaits(0, 0, 0);

  private final int replicas;
  private final long timeoutMs;
  private final long pauseMs;
  /** Waits are skipped until this time (0: not paused). */
  private long pausedUntil;
  /** Waits sent and not yet answered, and when the latest of them was answered or the first was sent. */
  private int inFlight;
  private long lastProgress;
  private long unconfirmed;
  private long episodes;
  /** Whether the current episode has been reported by {@link #answered}. */
  private boolean told;

  /**
   * {@code replicas}: how many replicas must have a write (0: never wait); {@code timeoutMs}: how long
   * one {@code WAIT} may block; {@code pauseMs}: how long writes stop waiting after a shortfall.
   */
  public ReplicaWaits(int replicas, long timeoutMs, long pauseMs) {
    if (replicas < 0) throw new IllegalArgumentException("replicas must be >= 0");
    if (replicas > 0 && (timeoutMs < 1 || pauseMs < 0)) {
      throw new IllegalArgumentException("timeoutMs must be >= 1 and pauseMs >= 0 when replicas > 0");
    }
    this.replicas = replicas;
    this.timeoutMs = timeoutMs;
    this.pauseMs = pauseMs;
  }

  /** The usual pause after a shortfall: long enough to spare a run of writes, short enough to notice a recovery. */
  public static ReplicaWaits of(int replicas, long timeoutMs) {
    return replicas == 0 ? OFF : new ReplicaWaits(replicas, timeoutMs, 5_000);
  }

  public int replicas() { return replicas; }

  public long timeoutMs() { return timeoutMs; }

  /**
   * Whether the write about to be sent should wait for its replicas; if so, the caller must report the
   * answer with {@link #answered} (or {@link #failed}). A write that should not wait counts as unconfirmed.
   */
  public synchronized boolean shouldWait(long nowMs) {
    if (replicas == 0) return false;
    if (pausedUntil != 0 && nowMs < pausedUntil) return skip();
    // Waits already queued on a connection that have not moved for a fraction of the timeout: the replica
    // is probably gone, and one more wait would queue behind them.
    if (inFlight > 0 && nowMs - lastProgress >= stuckAfterMs()) {
      pause(nowMs);
      return skip();
    }
    pausedUntil = 0;
    if (inFlight++ == 0) lastProgress = nowMs;
    return true;
  }

  /**
   * A wait answered: {@code reached} replicas have the write. Returns true for the first shortfall of an
   * episode of writes acknowledged without their replica, so it is logged once per episode.
   */
  public synchronized boolean answered(int reached, long nowMs) {
    done(nowMs);
    if (reached >= replicas) return false;
    unconfirmed++;
    pause(nowMs);
    if (told) return false;
    told = true;
    return true;
  }

  /** The write or its wait failed (connection lost, timeout): no answer about replicas. */
  public synchronized void failed(long nowMs) { done(nowMs); }

  /** Writes acknowledged without the number of replicas asked for, since start. */
  public synchronized long unconfirmed() { return unconfirmed; }

  /** How many times waiting has been paused (each a run of unconfirmed writes), since start. */
  public synchronized long episodes() { return episodes; }

  private long stuckAfterMs() { return Math.max(1, timeoutMs / 2); }

  private void done(long nowMs) {
    if (inFlight > 0) inFlight--;
    lastProgress = nowMs;
  }

  private void pause(long nowMs) {
    if (pausedUntil == 0 || nowMs >= pausedUntil) {
      episodes++;
      told = false;
    }
    pausedUntil = Math.max(1, nowMs + pauseMs);
  }

  private boolean skip() {
    unconfirmed++;
    return false;
  }
}
