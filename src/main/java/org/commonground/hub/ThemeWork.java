package org.commonground.hub;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * The theme engine and the worker pool it runs on. The engine may arrive after start-up (the model
 * loads in the background); until then {@link #help()} says why suggestions are unavailable.
 */
public final class ThemeWork {
  private final WorkerExecutor workers;
  private volatile ThemeHelp help;

  public ThemeWork(WorkerExecutor workers, ThemeHelp initial) {
    this.workers = workers;
    this.help = initial;
  }

  public ThemeHelp help() { return help; }

  public void ready(ThemeHelp loaded) { this.help = loaded; }

  /** Runs blocking engine work on the pool, never on an event loop; tasks from different workshops may overlap. */
  <T> Future<T> run(Callable<T> task) {
    return workers.executeBlocking(task, false);
  }
}
