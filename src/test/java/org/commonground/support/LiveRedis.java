package org.commonground.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private redis-server ({@link TestRedis}) shared by the tests of one class, started before the first and
 * stopped after the last: {@code @RegisterExtension static final LiveRedis redis = new LiveRedis();}.
 */
public final class LiveRedis implements BeforeAllCallback, AfterAllCallback {
  /** The class context that started it: nested classes see the extension again and must not restart it. */
  private String startedBy;
  private TestRedis redis;

  @Override
  public void beforeAll(ExtensionContext context) {
    if (startedBy != null) return;
    startedBy = context.getUniqueId();
    redis = new TestRedis();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!context.getUniqueId().equals(startedBy)) return;
    startedBy = null;
    TestRedis r = redis;
    redis = null;
    if (r != null) r.close();
  }

  private TestRedis redis() {
    if (redis == null) throw new IllegalStateException("Redis is not running (outside the test class)");
    return redis;
  }

  public String url() { return redis().url(); }

  public int port() { return redis().port(); }

  /** See {@link TestRedis#stop()}: same port and data when {@link #start()}ed again. */
  public void stop() { redis().stop(); }

  public void start() { redis().start(); }

  public void restart() { redis().restart(); }
}
