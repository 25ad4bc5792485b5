package org.commonground.load;

import static org.commonground.load.LoadBench.log;
import static org.commonground.load.LoadResults.header;
import static org.commonground.load.LoadResults.totals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.commonground.load.LoadBench.Target;

/** The redis-restart scenario: redis-server killed under load and started again on the same port and data. */
final class LoadRedisRestart {
  private LoadRedisRestart() {}

  static void run(LoadBench bench) throws Exception {
    int workshops = 10;
    int per = 20;
    log("redis-restart: " + workshops + " x " + per + " posting; redis-server killed (SIGKILL), restarted 3 s later");
    try (LoadStack stack = new LoadStack(bench, Target.SERVER, 1, "redis-restart", List.of());
         LoadEngine engine = new LoadEngine(stack.ports(), 2)) {
      engine.retryErrors = true;
      JsonObject r = header(bench, "redis-restart", Target.SERVER, 1, workshops, per, 2);
      List<LoadEngine.Room> rooms = engine.prepare(workshops, per);
      engine.connect(rooms, 200);
      engine.startPosting(rooms, 2);
      LoadProc.sleep(bench.warmup.toMillis());
      int port = stack.ports().get(0);
      int redisPort = stack.redis.port;
      LocalTime killedAt = LocalTime.now();
      long t0 = System.nanoTime();
      stack.redis.kill();
      long healthDownMs = -1;
      while (System.nanoTime() - t0 < 10_000_000_000L) {
        if (LoadProc.health(port) != 200) {
          healthDownMs = (System.nanoTime() - t0) / 1_000_000;
          break;
        }
        LoadProc.sleep(50);
      }
      LoadProc.sleep(Math.max(0, 3_000 - (System.nanoTime() - t0) / 1_000_000));
      long t1 = System.nanoTime();
      stack.redis = LoadProc.redis(stack.dir.resolve("redis"), redisPort, "always");
      long healthUpMs = -1;
      while (System.nanoTime() - t1 < 30_000_000_000L) {
        if (LoadProc.health(port) == 200) {
          healthUpMs = (System.nanoTime() - t1) / 1_000_000;
          break;
        }
        LoadProc.sleep(50);
      }
      // Posting goes on: every post refused while Redis was away is resent with its ref, as the client does.
      LoadProc.sleep(10_000);
      LoadEngine.Drain d = engine.drain(Duration.ofSeconds(30));
      stack.checkAlive();
      String serverLog = Files.readString(stack.nodes.get(0).log);
      r.put("healthNotUpAfterMs", healthDownMs).put("healthUpAfterRestartMs", healthUpMs)
          .put("subscriberNoticedAfterMs", logDelay(serverLog, "pub/sub connection lost", killedAt))
          .put("subscriberBackAfterKillMs", logDelay(serverLog, "pub/sub connection back", killedAt))
          .put("outageMs", 3_000)
          .put("totals", totals(engine, d));
      bench.save("redis-restart-server", r);
      log(String.format("redis-restart: /health not UP after %d ms, subscriber noticed after %d ms, back %d ms after restart; lost %d",
          healthDownMs, r.getLong("subscriberNoticedAfterMs"), healthUpMs, engine.lost()));
    }
  }

  /** Milliseconds from {@code since} to the first log line (HH:mm:ss.SSS …) holding {@code text}; -1 if none. */
  private static long logDelay(String log, String text, LocalTime since) {
    for (String line : log.split("\n")) {
      if (line.contains(text) && line.length() > 12) {
        try {
          LocalTime t = LocalTime.parse(line.substring(0, 12), DateTimeFormatter.ofPattern("HH:mm:ss.SSS"));
          return Duration.between(since, t).toMillis();
        } catch (RuntimeException e) {
          // not a timestamped line
        }
      }
    }
    return -1;
  }
}
