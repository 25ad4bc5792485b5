package org.commonground.support;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocks a test thread (never an event loop) on a future, with a timeout. */
public final class Await {
  private Await() {}

  public static final Duration TIMEOUT = Duration.ofSeconds(15);

  public static <T> T of(Future<T> f) { return of(f, TIMEOUT); }

  public static <T> T of(Future<T> f, Duration timeout) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("timed out after " + timeout, e);
    }
  }

  /** Waits for a condition no event announces, re-checking on a Vert.x timer, within a bound. */
  public static void until(io.vertx.core.Vertx vertx, Duration within, String what, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError(what + ": not within " + within);
      of(vertx.timer(50));
    }
  }
}
