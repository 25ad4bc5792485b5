package org.commonground.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the test set-ups with redis-server processes of their own (Sentinel, Cluster, a left-over one) do with them. */
public final class RedisProcesses {
  private RedisProcesses() { }

  /** redis-cli's answer on {@code port}, or "" if it gave none within 5 s (a node still starting, or gone). */
  public static String cli(int port, String... args) {
    List<String> cmd = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
    cmd.addAll(List.of(args));
    return run(cmd, Duration.ofSeconds(5));
  }

  /** The command's output, or "" if it did not finish within {@code within}. */
  static String run(List<String> cmd, Duration within) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      if (!p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return "";
      }
      return new String(p.getInputStream().readAllBytes());
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /**
   * Polls a condition no event announces (replication, a sentinel's or a cluster's gossip) within {@code within}.
   */
  public static void await(BooleanSupplier done, String what, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Sends {@code signal} (STOP, CONT) to the process, and waits for kill(1) to have sent it. */
  static void signal(Process p, String signal) {
    run(List.of("kill", "-" + signal, Long.toString(p.pid())), Duration.ofSeconds(5));
  }

  /** Kills them all at once, as a crash would, and waits for each to be gone. */
  /**
   * Removes a test's Redis directory and everything in it (data, logs, configs): thousands of test classes
   * run on a machine over a day, and each left its data in the temporary directory before this.
   */
  static void removeDir(java.nio.file.Path dir) {
    if (dir == null || !java.nio.file.Files.exists(dir)) return;
    try (var paths = java.nio.file.Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // Left behind: only disk space, never another test's data (each directory is unique).
    }
  }

  static void killAll(Collection<Process> processes) {
    for (Process p : processes) p.destroyForcibly();
    for (Process p : processes) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
