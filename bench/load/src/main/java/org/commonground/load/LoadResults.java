package org.commonground.load;

import static org.commonground.load.LoadBench.ms;
import static org.commonground.load.LoadBench.round;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.commonground.load.LoadBench.Target;

/** The results JSON: each scenario's header, and the windows, latencies and totals it measured. */
final class LoadResults {
  private LoadResults() {}

  static JsonObject header(LoadBench bench, String name, Target target, int nodes, int workshops, int per,
                           double rate) {
    return new JsonObject().put("scenario", name).put("target", target.name().toLowerCase()).put("nodes", nodes)
        .put("workshops", workshops).put("participantsPerWorkshop", per).put("postsPerSecondPerWorkshop", rate)
        .put("date", java.time.OffsetDateTime.now().withNano(0).toString()).put("command", bench.command)
        .put("quick", bench.quick)
        .put("warmupSeconds", bench.warmup.toSeconds()).put("windowSeconds", bench.window.toSeconds())
        .put("serverJvmOptions", target == Target.SERVER ? String.join(" ", bench.serverJvm) : "")
        .put("machine", machine())
        .put("loadAtStart", new JsonArray(List.of(LoadProcStats.loadAverage()[0], LoadProcStats.loadAverage()[1],
            LoadProcStats.loadAverage()[2])));
  }

  static JsonObject machine() {
    JsonObject m = new JsonObject();
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          m.put("memoryGiB", round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0, 1));
        }
      }
      m.put("kernel", Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
    } catch (IOException | RuntimeException e) {
      // best effort
    }
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("redis", redisVersion().replaceAll(".*\\b(v=\\S+).*", "Redis $1"));
    return m;
  }

  static JsonObject window(LoadWindow w) {
    return new JsonObject().put("seconds", round(w.seconds(), 2)).put("delivered", w.delivered())
        .put("deliveredPerSecond", round(w.deliveredPerSecond(), 1)).put("posts", w.posts())
        .put("acks", w.acks()).put("rejected", w.rejected())
        .put("latencyMs", latency(w.latency()))
        .put("serverCpuSeconds", round(w.serverCpu(), 2)).put("redisCpuSeconds", round(w.redisCpu(), 2))
        .put("toolCpuSeconds", round(w.toolCpu(), 2))
        .put("serverCores", round(w.serverCpu() / w.seconds(), 3))
        .put("redisCores", round(w.redisCpu() / w.seconds(), 3))
        .put("toolCores", round(w.toolCpu() / w.seconds(), 3))
        .put("othersCores", round(w.othersCpu(), 2))
        .put("serverCpuMicrosPerDelivered", round(w.serverCpuMicrosPerDelivered(), 2))
        .put("redisCpuMicrosPerDelivered", round(w.redisCpuMicrosPerDelivered(), 2))
        .put("serverUserCpuSeconds", round(w.serverUserCpu(), 2)).put("serverSystemCpuSeconds", round(w.serverSystemCpu(), 2))
        .put("serverThreadCpuSeconds", threadJson(w.serverThreadCpu()))
        .put("serverRssKb", w.serverRssKb()).put("serverRssEachKb", new JsonArray(w.serverRssEachKb()))
        .put("load", new JsonArray(List.of(w.load()[0], w.load()[1], w.load()[2])));
  }

  private static JsonObject threadJson(Map<String, Double> m) {
    JsonObject o = new JsonObject();
    m.forEach((k, v) -> {
      if (v >= 0.01) o.put(k, round(v, 2));
    });
    return o;
  }

  static JsonObject latency(Histogram h) {
    return new JsonObject().put("count", h.getTotalCount()).put("p50", ms(h.getValueAtPercentile(50)))
        .put("p90", ms(h.getValueAtPercentile(90))).put("p99", ms(h.getValueAtPercentile(99)))
        .put("p999", ms(h.getValueAtPercentile(99.9))).put("max", ms(h.getMaxValue()))
        .put("mean", round(h.getMean() / 1000.0, 3));
  }

  static JsonObject totals(LoadEngine e, LoadEngine.Drain d) {
    Map<String, Object> errors = new LinkedHashMap<>(e.errorCounts());
    Map<String, Object> closes = new LinkedHashMap<>(e.closeCounts());
    return new JsonObject().put("posts", e.sent.sum()).put("acked", e.acked.sum()).put("rejected", e.rejected.sum())
        .put("unanswered", d.unanswered()).put("expected", e.expected()).put("delivered", e.deliveredCount.sum())
        .put("lost", e.lost()).put("seqGaps", e.gaps.sum()).put("duplicates", e.duplicates.sum())
        .put("errors", new JsonObject(errors)).put("unexpectedCloses", new JsonObject(closes))
        .put("reconnects", e.reconnects.sum()).put("connectFailures", e.connectFailures.sum())
        .put("drainComplete", d.complete()).put("drainMillis", d.millis());
  }

  static String summary(JsonObject r) {
    JsonObject w = r.getJsonObject("window");
    JsonObject l = w.getJsonObject("latencyMs");
    JsonObject t = r.getJsonObject("totals");
    return String.format("%s %s: %.0f delivered/s, p50 %.2f p99 %.2f max %.1f ms, lost %d, server %.2f cores = %.1f us/msg,"
            + " redis %.1f us/msg, load %s",
        r.getString("scenario"), r.getString("target"), w.getDouble("deliveredPerSecond"), l.getDouble("p50"),
        l.getDouble("p99"), l.getDouble("max"), t.getLong("lost"), w.getDouble("serverCores"),
        w.getDouble("serverCpuMicrosPerDelivered"), w.getDouble("redisCpuMicrosPerDelivered"), w.getJsonArray("load"));
  }

  static double secondsSince(long t0) { return round((System.nanoTime() - t0) / 1e9, 1); }

  static String redisVersion() {
    try {
      Process p = new ProcessBuilder(LoadProc.redisBinary().getAbsolutePath(), "--version").redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor(5, TimeUnit.SECONDS);
      return out;
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  /** Node's, Socket.IO's and the Redis adapter's versions as installed, for the results. */
  static JsonObject socketIoVersions(Path projectDir) {
    JsonObject v = new JsonObject();
    Path modules = projectDir.resolve("bench/socketio/node_modules");
    for (String[] m : new String[][] {{"socketIo", "socket.io"}, {"redisAdapter", "@socket.io/redis-adapter"},
        {"redisClient", "redis"}}) {
      try {
        v.put(m[0], new JsonObject(Files.readString(modules.resolve(m[1]).resolve("package.json")))
            .getString("version"));
      } catch (IOException | RuntimeException e) {
        v.put(m[0], "?");
      }
    }
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      v.put("node", new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      v.put("node", "?");
    }
    return v;
  }
}
