package org.commonground.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.commonground.store.RedisLauncher;

/**
 * A private redis-server for one test class: a free loopback port (never 6379), its own data directory,
 * the same launcher the server uses. {@link #restart()} stops it and starts it again on the same port
 * and data, as an operator's restart would.
 */
public final class TestRedis implements AutoCloseable {
  private final Path dir;
  private final int port;
  private RedisLauncher redis;

  public TestRedis() {
    try {
      dir = Files.createTempDirectory("cg-redis-");
      redis = RedisLauncher.start(dir, 0, "always");
      port = redis.port();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() { return "redis://127.0.0.1:" + port; }

  public int port() { return port; }

  public void stop() {
    try {
      redis.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void start() {
    try {
      redis = RedisLauncher.start(dir, port, "always");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void restart() {
    stop();
    start();
  }

  @Override
  public void close() {
    stop();
    RedisProcesses.removeDir(dir);
  }
}
