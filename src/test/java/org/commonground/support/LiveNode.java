package org.commonground.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.commonground.config.AppConfig;
import org.commonground.config.HttpConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private redis-server ({@link LiveRedis}) and a server node on it, shared by the tests of one class:
 * started before the first test and stopped after the last, as
 * {@code @RegisterExtension static final LiveNode node = LiveNode.create();}, or with
 * {@code LiveNode.create(c -> c.withOrganiserKey(KEY))} for a class that needs its own configuration.
 *
 * <p>What must hold across nodes takes a second node on the same Redis, {@link #sibling()}: a plain field,
 * started and stopped by the registered node, so the order JUnit registers extensions in cannot matter.
 */
public final class LiveNode implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<AppConfig> config;
  /** The node whose Redis this one shares and which starts and stops it; null for the registered one. */
  private final LiveNode first;
  private final List<LiveNode> siblings = new ArrayList<>();
  /** The class context that started it: nested classes see the extension again and must not restart it. */
  private String startedBy;
  private final LiveRedis redis;
  private TestNode node;
  private int lastPort;

  private LiveNode(UnaryOperator<AppConfig> config, LiveNode first) {
    this.config = config;
    this.first = first;
    this.redis = first == null ? new LiveRedis() : first.redis;
  }

  public static LiveNode create() { return create(c -> c); }

  /** {@code config}: what this class changes in the defaults (the HTTP port and Redis are set already). */
  public static LiveNode create(UnaryOperator<AppConfig> config) { return new LiveNode(config, null); }

  /** Another node with the same configuration, on the same Redis. */
  public LiveNode sibling() { return sibling(config); }

  /** Another node on the same Redis, with its own {@code config}. */
  public LiveNode sibling(UnaryOperator<AppConfig> config) {
    if (first != null) return first.sibling(config);
    LiveNode s = new LiveNode(config, this);
    siblings.add(s);
    return s;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (first != null || startedBy != null) return;
    startedBy = context.getUniqueId();
    redis.beforeAll(context);
    start();
    for (LiveNode s : siblings) s.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (first != null || !context.getUniqueId().equals(startedBy)) return;
    startedBy = null;
    // Everything is closed even if one close fails, so no redis-server outlives the class.
    List<AutoCloseable> all = new ArrayList<>();
    for (LiveNode s : siblings) all.add(s::stop);
    all.add(this::stop);
    all.add(() -> redis.afterAll(context));
    RuntimeException failed = null;
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception e) {
        if (failed == null) failed = new IllegalStateException("stopping the test nodes", e);
        else failed.addSuppressed(e);
      }
    }
    if (failed != null) throw failed;
  }

  /** Stops the node gracefully (sockets get 1001); {@link #start()} brings it back. Redis stays up. */
  public void stop() {
    if (node == null) return;
    TestNode n = node;
    node = null;
    n.close();
  }

  /**
   * Starts the node: the first time on a free port, after {@link #stop()} on the port it had, so clients
   * that reconnect to the same address find it, as after an operator's restart.
   */
  public void start() {
    if (node != null) throw new IllegalStateException("already running on port " + node.port());
    int port = lastPort;
    node = TestNode.start(redisUrl(), c -> {
      AppConfig own = config.apply(c);
      if (port == 0) return own;
      HttpConfig h = own.http();
      return own.withHttp(new HttpConfig(h.host(), port, h.publicUrl(), h.allowedOrigins(), h.behindProxy()));
    });
    lastPort = node.port();
  }

  private TestNode node() {
    if (node == null) throw new IllegalStateException("the node is not running (outside the test class, or stopped)");
    return node;
  }

  public int port() { return node().port(); }

  /** The node's address as a browser opens it. */
  public String url() { return "http://127.0.0.1:" + port(); }

  /** Where this node serves /metrics (loopback, not the public port). */
  public int metricsPort() { return node().metricsPort(); }

  public Api api(Vertx vertx) { return node().api(vertx); }

  /** A WebSocket client connected to this node, before hello. */
  public WsClient connect(Vertx vertx) { return WsClient.connect(vertx, port()); }

  /** A WebSocket client connected to this node that has said hello with {@code token}. */
  public WsClient join(Vertx vertx, String token) { return WsClient.join(vertx, port(), token); }

  /** The welcome a fresh connection gets with {@code token} (what someone joining now would see). */
  public JsonObject welcome(Vertx vertx, String token) {
    try (WsClient c = connect(vertx)) {
      return c.hello(token);
    }
  }

  public String redisUrl() { return redis.url(); }
}
