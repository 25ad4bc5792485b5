package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.commonground.support.RedisProcesses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Redis of a node started with no Redis of its own. */
class RedisLauncherTest {
  @Test
  @DisplayName("a Redis left running by a node killed outright is stopped before a new one starts on its data, which is kept")
  void leftOverRedisStoppedFirst(@TempDir Path dir) throws Exception {
    // What a node killed with SIGKILL leaves: its redis-server, still serving the directory, and its pid file.
    int oldPort = RedisLauncher.freePort();
    Process left = new ProcessBuilder("redis-server", "--port", Integer.toString(oldPort), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
        "--pidfile", dir.resolve(RedisLauncher.PID_FILE).toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("left.log").toFile()).start();
    try {
      RedisProcesses.await(() -> RedisProcesses.cli(oldPort, "PING").contains("PONG"), "the left-over Redis to start",
          Duration.ofSeconds(10));
      assertThat(RedisProcesses.cli(oldPort, "SET", "workshop", "kept")).contains("OK");

      try (RedisLauncher redis = RedisLauncher.start(dir, 0, "always")) {
        assertThat(left.waitFor(10, TimeUnit.SECONDS)).as("the left-over Redis has stopped").isTrue();
        assertThat(RedisProcesses.cli(redis.port(), "GET", "workshop")).as("what it held").contains("kept");
      }
    } finally {
      left.destroyForcibly();
    }
  }

  @Test
  @DisplayName("a pid file naming a process that is not this directory's Redis is ignored")
  void strangerLeftAlone(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(RedisLauncher.PID_FILE), Long.toString(ProcessHandle.current().pid()));
    try (RedisLauncher redis = RedisLauncher.start(dir, 0, "always")) {
      assertThat(RedisProcesses.cli(redis.port(), "PING")).contains("PONG");
    }
    assertThat(ProcessHandle.current().isAlive()).isTrue();
  }
}
