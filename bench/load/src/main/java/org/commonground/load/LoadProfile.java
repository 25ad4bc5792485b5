package org.commonground.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a server's Flight Recording (what {@code jfr print --events jdk.ExecutionSample} prints, counted):
 * where the CPU samples fall (the top frame, "self"), which of the project's methods they pass through
 * ("inclusive"), how they split between the layers (Netty and Vert.x I/O, JSON, Redis client, the
 * project's own code), what is allocated most, and what garbage collection cost.
 */
final class LoadProfile {
  private LoadProfile() {}

  /** Native frames where a thread waits (for I/O readiness, a lock, a timer): not CPU. */
  private static final List<String> WAITING = List.of("EPoll.wait", "epollWait", "Unsafe.park", "Object.wait",
      "Thread.sleep", "accept", "FileInputStream.read", "ProcessHandleImpl.waitForProcessExit");

  static JsonObject analyze(Path jfr) throws IOException {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> layers = new LinkedHashMap<>();
    Map<String, Long> projectEntry = new HashMap<>();
    Map<String, Long> alloc = new HashMap<>();
    long samples = 0;
    long nativeSamples = 0;
    Map<String, Long> nativeTop = new HashMap<>();
    long gcCount = 0;
    long gcPauseNanos = 0;
    long allocTotal = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      String type = e.getEventType().getName();
      if (type.equals("jdk.ExecutionSample")) {
        RecordedStackTrace st = e.getStackTrace();
        if (st == null || st.getFrames().isEmpty()) continue;
        samples++;
        List<RecordedFrame> frames = st.getFrames();
        String top = name(frames.get(0));
        self.merge(top, 1L, Long::sum);
        layers.merge(layer(frames), 1L, Long::sum);
        Set<String> seen = new HashSet<>();
        String firstProject = null;
        for (RecordedFrame f : frames) {
          String n = name(f);
          if (n.startsWith("org.commonground.")) {
            // Generated lambda classes only repeat the method that made them.
            if (!n.contains("$$Lambda") && seen.add(n)) inclusive.merge(n, 1L, Long::sum);
            if (firstProject == null) firstProject = n;
          }
        }
        if (firstProject != null) projectEntry.merge(firstProject, 1L, Long::sum);
      } else if (type.equals("jdk.NativeMethodSample")) {
        RecordedStackTrace st = e.getStackTrace();
        if (st == null || st.getFrames().isEmpty()) continue;
        String top = name(st.getFrames().get(0));
        if (WAITING.stream().anyMatch(top::contains)) continue; // a thread waiting for work uses no CPU
        nativeSamples++;
        nativeTop.merge(top, 1L, Long::sum);
      } else if (type.equals("jdk.GarbageCollection")) {
        gcCount++;
        gcPauseNanos += e.getDuration("sumOfPauses").toNanos();
      } else if (type.equals("jdk.ObjectAllocationSample")) {
        long w = e.getLong("weight");
        allocTotal += w;
        RecordedStackTrace st = e.getStackTrace();
        String where = "?";
        if (st != null) {
          for (RecordedFrame f : st.getFrames()) {
            String n = name(f);
            if (n.startsWith("org.commonground.")) {
              where = n;
              break;
            }
          }
        }
        String cls = e.getClass("objectClass") == null ? "?" : e.getClass("objectClass").getName();
        alloc.merge(cls + " @ " + where, w, Long::sum);
      }
    }
    JsonObject r = new JsonObject().put("executionSamples", samples);
    r.put("topSelf", top(self, samples, 20));
    r.put("projectMethodsInclusive", top(inclusive, samples, 25));
    r.put("firstProjectFrame", top(projectEntry, samples, 15));
    r.put("layers", top(layers, samples, 20));
    r.put("nativeSamplesNotWaiting", nativeSamples);
    r.put("topNativeNotWaiting", top(nativeTop, nativeSamples, 10));
    r.put("gc", new JsonObject().put("collections", gcCount).put("pauseMsTotal", gcPauseNanos / 1_000_000));
    r.put("allocationBytesSampled", allocTotal);
    r.put("topAllocations", top(alloc, allocTotal, 15));
    return r;
  }

  /** Which layer a sample belongs to: decided by the first recognisable frame from the top. */
  private static String layer(List<RecordedFrame> frames) {
    for (RecordedFrame f : frames) {
      String n = name(f);
      if (n.startsWith("com.fasterxml.jackson.") || n.startsWith("io.vertx.core.json.")) return "JSON (Jackson)";
      if (n.startsWith("org.pcollections.")) return "persistent collections (pcollections)";
      if (n.startsWith("io.vertx.redis.")) return "Redis client (vertx-redis-client)";
      if (n.startsWith("io.micrometer.") || n.startsWith("io.vertx.micrometer.")) return "metrics (Micrometer)";
      if (n.startsWith("org.commonground.")) return "project code: " + n.substring("org.commonground.".length(),
          n.indexOf('.', "org.commonground.".length()) < 0 ? n.length() : n.indexOf('.', "org.commonground.".length()));
      if (n.startsWith("io.netty.handler.codec.http.websocketx.")) return "WebSocket codec (Netty)";
      if (n.startsWith("sun.nio.ch.") || n.startsWith("io.netty.channel.") || n.startsWith("java.nio.")) {
        return "socket I/O (NIO, Netty channel)";
      }
    }
    String top = name(frames.get(0));
    if (top.startsWith("io.netty.")) return "Netty other";
    if (top.startsWith("io.vertx.")) return "Vert.x other";
    if (top.startsWith("java.") || top.startsWith("jdk.") || top.startsWith("sun.")) return "JDK other";
    return "other";
  }

  private static String name(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    return m == null ? "?" : m.getType().getName() + "." + m.getName();
  }

  private static JsonArray top(Map<String, Long> counts, long total, int n) {
    JsonArray a = new JsonArray();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
        .forEach(en -> a.add(new JsonObject().put("name", en.getKey()).put("count", en.getValue())
            .put("percent", total == 0 ? 0 : LoadBench.round(100.0 * en.getValue() / total, 1))));
    return a;
  }

  /** {@code jfr summary} of the recording. */
  static String summary(Path jfr) {
    try {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jfr").toString(), "summary",
          jfr.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException | InterruptedException e) {
      return "jfr summary failed: " + e;
    }
  }
}
