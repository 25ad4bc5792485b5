package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
      awaitPong(oldPort);
      assertThat(command(oldPort, "SET", "workshop", "kept")).startsWith("+OK");

      try (RedisLauncher redis = RedisLauncher.start(dir, 0, "always")) {
        assertThat(left.waitFor(10, TimeUnit.SECONDS)).as("the left-over Redis has stopped").isTrue();
        assertThat(command(redis.port(), "GET", "workshop")).as("what it held").contains("kept");
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
      assertThat(command(redis.port(), "PING")).startsWith("+PONG");
    }
    assertThat(ProcessHandle.current().isAlive()).isTrue();
  }

  private static void awaitPong(int port) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      try {
        if (command(port, "PING").startsWith("+PONG")) return;
      } catch (IOException notYet) {
        if (System.currentTimeMillis() > deadline) throw new AssertionError("redis-server did not start on " + port);
      }
      Thread.sleep(50); // polling a starting process: there is no event to await
    }
  }

  /** One command in RESP, its whole first reply read back as text. */
  private static String command(int port, String... args) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5_000);
      StringBuilder req = new StringBuilder("*" + args.length + "\r\n");
      for (String a : args) req.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[512];
      int n = in.read(buf);
      return n < 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8);
    }
  }
}
