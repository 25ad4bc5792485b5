package org.commonground.load;

import static org.commonground.load.LoadEngine.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.commonground.load.LoadEngine.Room;

/**
 * The load generator's setup: workshops created and participants joined over HTTP, then their WebSockets
 * connected, each a bounded number at a time.
 */
final class LoadSetup {
  private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(10);

  private final LoadEngine engine;
  private final List<Context> contexts;
  private final HttpClient http;

  LoadSetup(LoadEngine engine, List<Context> contexts) {
    this.engine = engine;
    this.contexts = contexts;
    this.http = engine.vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000).setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(32));
  }

  /** Creates {@code workshops} workshops and joins {@code perWorkshop} participants to each over HTTP. */
  List<Room> prepare(int workshops, int perWorkshop) {
    int base = engine.rooms.size();
    Room[] made = new Room[workshops];
    await(forEachLimited(workshops, 16, w -> {
      int port = engine.ports.get(0);
      return post(port, "/api/workshops", new JsonObject().put("title", "Load " + (base + w))).map(b -> {
        made[w] = new Room(base + w, b.getString("workshopId"), b.getString("joinCode"),
            contexts.get((base + w) % contexts.size()));
        return null;
      });
    }), SETUP_TIMEOUT);
    String[][] tokens = new String[workshops][perWorkshop];
    await(forEachLimited(workshops * perWorkshop, 32, i -> {
      int w = i % workshops;
      int p = i / workshops;
      return post(engine.ports.get(p % engine.ports.size()), "/api/join",
          new JsonObject().put("joinCode", made[w].joinCode).put("name", "Participant " + (p + 1)))
          .map(b -> {
            tokens[w][p] = b.getString("token");
            return null;
          });
    }), SETUP_TIMEOUT);
    List<Room> list = new ArrayList<>();
    for (int w = 0; w < workshops; w++) {
      Room r = made[w];
      for (int p = 0; p < perWorkshop; p++) {
        int n = engine.clients.size();
        LoadClient c = new LoadClient(engine, r, n, tokens[w][p], engine.ports.get(p % engine.ports.size()),
            contexts.get(n % contexts.size()));
        r.clients.add(c);
        engine.clients.add(c);
      }
      list.add(r);
    }
    engine.rooms.addAll(list);
    return list;
  }

  /** Connects every client of these rooms (hello, welcome), a bounded number at a time. */
  void connect(List<Room> list, int concurrency) {
    List<LoadClient> all = new ArrayList<>();
    for (Room r : list) all.addAll(r.clients);
    await(forEachLimited(all.size(), concurrency, i -> connectWithRetry(all.get(i), 3)), SETUP_TIMEOUT);
  }

  private Future<Void> connectWithRetry(LoadClient c, int attempts) {
    Promise<Void> p = Promise.promise();
    c.context.runOnContext(v -> c.connect().onComplete(p));
    return p.future().recover(err -> {
      if (attempts <= 1) return Future.failedFuture(err);
      Promise<Void> later = Promise.promise();
      engine.vertx.setTimer(500, t -> connectWithRetry(c, attempts - 1).onComplete(later));
      return later.future();
    });
  }

  private Future<JsonObject> post(int port, String path, JsonObject body) {
    // A request that gets no answer fails after a minute instead of holding the whole setup to its bound.
    RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI(path).putHeader("Content-Type", "application/json").setIdleTimeout(60_000);
    return http.request(o).compose(req -> req.send(body.encode()))
        .compose(resp -> resp.body().compose(b -> resp.statusCode() == 201
            ? Future.succeededFuture(new JsonObject(b))
            : Future.failedFuture(path + " answered " + resp.statusCode() + ": " + b)));
  }

  /** Runs {@code op(0..n-1)} with at most {@code limit} in flight; fails with the first failure, after all ran. */
  private Future<Void> forEachLimited(int n, int limit, IntFunction<Future<?>> op) {
    Promise<Void> done = Promise.promise();
    if (n == 0) return Future.succeededFuture();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger running = new AtomicInteger(Math.min(limit, n));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable[] step = new Runnable[1];
    step[0] = () -> {
      int i = next.getAndIncrement();
      if (i >= n) {
        if (running.decrementAndGet() == 0) {
          if (failure.get() == null) done.complete();
          else done.fail(failure.get());
        }
        return;
      }
      Future<?> f;
      try {
        f = op.apply(i);
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(ar -> {
        if (ar.failed()) failure.compareAndSet(null, ar.cause());
        step[0].run();
      });
    };
    for (int k = 0; k < Math.min(limit, n); k++) step[0].run();
    return done.future();
  }
}
