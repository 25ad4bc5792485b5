package org.commonground.load;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * The load generator: creates workshops and joins participants over HTTP, connects them over WebSockets,
 * posts at a set rate per workshop, and counts what arrives where. Latencies (microseconds, post to
 * delivery at every receiver, the sender included) go to an HdrHistogram {@link Recorder}; losses are
 * posts acknowledged times receivers minus deliveries, plus any gap in a receiver's seqs.
 *
 * <p>Blocking methods are for the benchmark's main thread; the clients live on the tool's event loops.
 */
final class LoadEngine implements AutoCloseable {
  static final int MAX_RECONNECTS = 50;

  final Vertx vertx;
  private final LoadSetup setup;
  final WebSocketClient wsClient;
  final List<Integer> ports;
  final boolean socketIo;
  final long clockBase = System.nanoTime();
  final List<Room> rooms = new ArrayList<>();
  final List<LoadClient> clients = new ArrayList<>();
  /** Errors other than a connection's loss are answered by resending the same ref (the web client's outbox). */
  volatile boolean retryErrors;
  private volatile boolean posting;

  final LongAdder sent = new LongAdder();
  final LongAdder acked = new LongAdder();
  final LongAdder rejected = new LongAdder();
  final LongAdder pending = new LongAdder();
  final LongAdder deliveredCount = new LongAdder();
  final LongAdder framesIn = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder gaps = new LongAdder();
  final LongAdder connectFailures = new LongAdder();
  final LongAdder reconnects = new LongAdder();
  final LongAdder gaveUp = new LongAdder();
  final LongAdder resumed = new LongAdder();
  final LongAdder notResumed = new LongAdder();
  final LongAdder retriesWhileDown = new LongAdder();
  final LongAdder liveClients = new LongAdder();
  final LongAdder caughtUp = new LongAdder();
  private final AtomicLong lastWelcome = new AtomicLong();
  private final AtomicLong lastCaughtUp = new AtomicLong();
  final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  final Map<Short, LongAdder> closes = new ConcurrentHashMap<>();
  final Recorder latency = new Recorder(3);

  /** One workshop as the tool sees it. */
  static final class Room {
    final int index;
    final String id;
    final String joinCode;
    final Context context;
    final List<LoadClient> clients = new ArrayList<>();
    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder delivered = new LongAdder();
    volatile long maxSeq;
    private long timer = -1;
    private int next;

    Room(int index, String id, String joinCode, Context context) {
      this.index = index;
      this.id = id;
      this.joinCode = joinCode;
      this.context = context;
    }
  }

  /** {@code ports}: the node(s) to use; with several, each workshop's participants alternate between them. */
  LoadEngine(List<Integer> ports, int eventLoops) {
    this(ports, eventLoops, false);
  }

  /** {@code socketIo}: the frames travel inside Socket.IO packets ({@link LoadSocketIo}), to bench/socketio. */
  LoadEngine(List<Integer> ports, int eventLoops, boolean socketIo) {
    this.socketIo = socketIo;
    this.ports = List.copyOf(ports);
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(2));
    List<Context> ctxs = Collections.synchronizedList(new ArrayList<>());
    await(vertx.deployVerticle(() -> new AbstractVerticle() {
      @Override
      public void start() { ctxs.add(context); }
    }, new DeploymentOptions().setInstances(eventLoops)), Duration.ofSeconds(30));
    this.setup = new LoadSetup(this, List.copyOf(ctxs));
    this.wsClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
        .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 26).setConnectTimeout(30_000)
        // -Dload.deflate=true: offer permessage-deflate, as every browser does.
        .setTryUsePerMessageCompression(Boolean.getBoolean("load.deflate")));
  }

  // ------------------------------------------------------------------ setup (LoadSetup)

  List<Room> prepare(int workshops, int perWorkshop) { return setup.prepare(workshops, perWorkshop); }

  void connect(List<Room> list, int concurrency) { setup.connect(list, concurrency); }

  // ------------------------------------------------------------------ posting

  /**
   * Each room posts {@code perSecond} contributions a second from its participants in turn, paced on the
   * room's context: every tick sends what the schedule owes by then, so rates above 1000/s work too.
   */
  void startPosting(List<Room> list, double perSecond) {
    posting = true;
    long tickMs = Math.max(1, Math.min(500, Math.round(1000 / perSecond)));
    for (Room r : list) {
      r.context.runOnContext(v -> {
        long offset = 1 + ThreadLocalRandom.current().nextLong(tickMs);
        r.timer = vertx.setTimer(offset, t0 -> {
          if (!posting) return;
          long start = System.nanoTime();
          long[] count = {0};
          r.timer = vertx.setPeriodic(tickMs, t -> {
            if (!posting) {
              vertx.cancelTimer(t);
              return;
            }
            long owed = (long) ((System.nanoTime() - start) * perSecond / 1e9) - count[0];
            for (long k = 0; k < owed; k++) {
              LoadClient c = r.clients.get(r.next++ % r.clients.size());
              c.context.runOnContext(x -> c.post());
            }
            count[0] += Math.max(0, owed);
          });
        });
      });
    }
  }

  void stopPosting() {
    posting = false;
    for (Room r : rooms) r.context.runOnContext(v -> {
      if (r.timer >= 0) vertx.cancelTimer(r.timer);
      r.timer = -1;
    });
  }

  /** Posts acknowledged times the receivers of their room: what must be delivered. */
  long expected() {
    long e = 0;
    for (Room r : rooms) e += r.acked.sum() * r.clients.size();
    return e;
  }

  long lost() { return expected() - deliveredCount.sum(); }

  /** Stops posting and waits until every post is answered and every acknowledged one delivered everywhere. */
  Drain drain(Duration timeout) {
    stopPosting();
    long t0 = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    LoadProc.sleep(50);
    while (System.nanoTime() < deadline) {
      if (pending.sum() == 0 && deliveredCount.sum() >= expected()) break;
      LoadProc.sleep(50);
    }
    LoadProc.sleep(200); // anything still in flight (a duplicate, say) shows up in the counts
    return new Drain(pending.sum() == 0 && deliveredCount.sum() >= expected(),
        (System.nanoTime() - t0) / 1_000_000, pending.sum(), expected() - deliveredCount.sum());
  }

  record Drain(boolean complete, long millis, long unanswered, long undelivered) {}

  // ------------------------------------------------------------------ measuring (LoadWindow)

  LoadWindow window(Duration duration, List<Long> serverPids, List<Long> redisPids) {
    return LoadWindow.measure(this, duration, serverPids, redisPids);
  }

  void delivered(Room room, long micros) {
    room.delivered.increment();
    deliveredCount.increment();
    latency.recordValue(Math.max(0, micros));
  }

  void error(String code) {
    errors.computeIfAbsent(code == null ? "?" : code, k -> new LongAdder()).increment();
  }

  void unexpectedClose(Short code) {
    closes.computeIfAbsent(code == null ? (short) -1 : code, k -> new LongAdder()).increment();
  }

  void welcomed() { lastWelcome.accumulateAndGet(System.nanoTime(), Math::max); }

  void caughtUp(LoadClient c) {
    caughtUp.increment();
    lastCaughtUp.accumulateAndGet(System.nanoTime(), Math::max);
  }

  // ------------------------------------------------------------------ storm

  record Storm(int clients, boolean allBack, long allWelcomedMs, long allCaughtUpMs, long resumed, long notResumed) {}

  /**
   * Drops every connection at once (each closes with 1001, as a lost network or a reload would look to the
   * server), each coming back after a random delay under {@code jitterMs} with resume; waits until all are
   * welcomed again and have caught up with the seq their workshop had reached.
   */
  Storm storm(long jitterMs, Duration timeout) {
    long res0 = resumed.sum();
    long not0 = notResumed.sum();
    caughtUp.reset();
    long t0 = System.nanoTime();
    for (Room r : rooms) {
      long target = r.maxSeq;
      for (LoadClient c : r.clients) {
        long delay = jitterMs <= 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterMs);
        c.context.runOnContext(v -> {
          c.catchUpTo = target;
          c.drop(delay);
        });
      }
    }
    int n = clients.size();
    long deadline = t0 + timeout.toNanos();
    LoadProc.sleep(20);
    while (System.nanoTime() < deadline) {
      if (liveClients.sum() == n && caughtUp.sum() == n) break;
      LoadProc.sleep(10);
    }
    boolean back = liveClients.sum() == n && caughtUp.sum() == n;
    return new Storm(n, back, (lastWelcome.get() - t0) / 1_000_000, (lastCaughtUp.get() - t0) / 1_000_000,
        resumed.sum() - res0, notResumed.sum() - not0);
  }

  // ------------------------------------------------------------------ reporting helpers

  Map<String, Long> errorCounts() {
    Map<String, Long> m = new TreeMap<>();
    errors.forEach((k, v) -> m.put(k, v.sum()));
    return m;
  }

  Map<String, Long> closeCounts() {
    Map<String, Long> m = new TreeMap<>();
    closes.forEach((k, v) -> m.put(Short.toString(k), v.sum()));
    return m;
  }

  @Override
  public void close() {
    stopPosting();
    List<Future<Void>> fs = new ArrayList<>();
    for (LoadClient c : clients) {
      Promise<Void> p = Promise.promise();
      c.context.runOnContext(v -> c.finish().onComplete(p));
      fs.add(p.future());
    }
    try {
      await(Future.join(fs), Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      // closing is best effort
    }
    try {
      await(vertx.close(), Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      // as above
    }
  }

  static <T> T await(Future<T> f, Duration timeout) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("timed out after " + timeout, e);
    }
  }
}
