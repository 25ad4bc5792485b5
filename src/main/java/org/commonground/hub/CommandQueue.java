package org.commonground.hub;

import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One workshop's commands, run one at a time in arrival order (each decides against the state the one
 * before it left). Bounded: a task that finds the queue full is refused at once, never held.
 * Used on one context only.
 */
final class CommandQueue {
  private static final Logger LOG = LoggerFactory.getLogger(CommandQueue.class);

  private final String workshopId;
  private final int bound;
  private final ArrayDeque<Supplier<Future<Void>>> tasks = new ArrayDeque<>();
  private boolean busy;

  CommandQueue(String workshopId, int bound) {
    this.workshopId = workshopId;
    this.bound = bound;
  }

  void offer(Supplier<Future<Void>> task, Runnable refuse) {
    if (tasks.size() >= bound) {
      refuse.run();
      return;
    }
    tasks.add(task);
    drain();
  }

  boolean idle() { return !busy && tasks.isEmpty(); }

  private void drain() {
    if (busy || tasks.isEmpty()) return;
    busy = true;
    Supplier<Future<Void>> task = tasks.poll();
    Future<Void> f;
    try {
      f = task.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    f.onComplete(ar -> {
      if (ar.failed()) LOG.error("command failed in workshop {}", workshopId, ar.cause());
      busy = false;
      drain();
    });
  }
}
