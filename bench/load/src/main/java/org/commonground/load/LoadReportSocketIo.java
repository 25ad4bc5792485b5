package org.commonground.load;

import static org.commonground.load.LoadReport.fmt;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Socket.IO comparison in the "Load benchmark" section (LoadReport renders the rest): the server's cost
 * per delivery against Socket.IO 4 with its Redis adapter doing the same seq + stream append + room
 * broadcast (bench/socketio/server.js), driven by the same tool in the same scenarios. Issue 15's target is
 * the server's CPU per delivery below Socket.IO's in rooms and plenary at a 60 s warm-up.
 */
final class LoadReportSocketIo {
  static final List<String> SCENARIOS = List.of("rooms", "plenary");

  private LoadReportSocketIo() {}

  /** The table against Socket.IO, or nothing if no scenario has both results. */
  static String costTable(Path results) throws IOException {
    StringBuilder rows = new StringBuilder();
    JsonObject versions = null;
    for (String sc : SCENARIOS) {
      JsonObject sv = read(results, sc + "-server");
      JsonObject io = read(results, sc + "-socketio");
      if (sv == null || io == null) continue;
      if (versions == null) versions = io.getJsonObject("socketio");
      JsonObject bare = read(results, sc + "-bare");
      JsonObject a = sv.getJsonObject("window");
      JsonObject b = io.getJsonObject("window");
      double cpu = a.getDouble("serverCpuMicrosPerDelivered");
      double ioCpu = b.getDouble("serverCpuMicrosPerDelivered");
      double withRedis = cpu + a.getDouble("redisCpuMicrosPerDelivered");
      double ioWithRedis = ioCpu + b.getDouble("redisCpuMicrosPerDelivered");
      String ioVsBare = bare == null ? "–"
          : fmt(ioCpu / bare.getJsonObject("window").getDouble("serverCpuMicrosPerDelivered")) + "x";
      rows.append("| ").append(sc).append(" (warm-up ").append(sv.getLong("warmupSeconds")).append(" s / ")
          .append(io.getLong("warmupSeconds")).append(" s) | ").append(fmt(cpu)).append(" | ").append(fmt(ioCpu))
          .append(" | **").append(fmt(cpu / ioCpu)).append("x** | ").append(fmt(withRedis)).append(" | ")
          .append(fmt(ioWithRedis)).append(" | ").append(fmt(withRedis / ioWithRedis)).append("x | ")
          .append(ioVsBare).append(" | ").append(fmt(p99(a))).append(" / ").append(fmt(p99(b))).append(" | ")
          .append(a.getLong("serverRssKb") / 1024).append(" / ").append(b.getLong("serverRssKb") / 1024)
          .append(" | below Socket.IO's: ").append(verdict(cpu < ioCpu)).append(" |\n");
    }
    if (rows.length() == 0) return "";
    StringBuilder s = new StringBuilder("### Cost relative to Socket.IO\n\n");
    s.append("The same tool and scenarios against Socket.IO ")
        .append(versions == null ? "4" : versions.getString("socketIo", "4")).append(" on Node.js ")
        .append(versions == null ? "?" : versions.getString("node", "?"))
        .append(" with its Redis adapter (`bench/socketio/server.js`, one process), doing per post what a minimal ")
        .append("equivalent of the server does: `INCR` the room's seq, `XADD` the event to the room's stream (the same ")
        .append("redis-server, `appendfsync always`), broadcast it to the room through the adapter (which also ")
        .append("publishes it on Redis), then acknowledge the sender. The tool's frames travel inside Socket.IO ")
        .append("packets over a raw WebSocket (`LoadSocketIo`); deliveries, latency and losses are counted as for ")
        .append("the other targets. Ratio = server / Socket.IO; below 1 the server spends less.\n\n");
    s.append("| scenario (warm-up server / Socket.IO) | server µs/msg | Socket.IO µs/msg | ratio | server + Redis µs/msg ")
        .append("| Socket.IO + Redis µs/msg | ratio (with Redis) | Socket.IO vs bare | p99 ms server / Socket.IO ")
        .append("| RSS MiB server / Socket.IO | target |\n");
    s.append("|---|--:|--:|--:|--:|--:|--:|--:|---|---|---|\n");
    return s.append(rows).append("\n").toString();
  }

  /** Rows for the "Targets" table. */
  static String targetRows(Path results) throws IOException {
    StringBuilder s = new StringBuilder();
    for (String sc : SCENARIOS) {
      JsonObject sv = read(results, sc + "-server");
      JsonObject io = read(results, sc + "-socketio");
      if (sv == null || io == null) continue;
      double ratio = sv.getJsonObject("window").getDouble("serverCpuMicrosPerDelivered")
          / io.getJsonObject("window").getDouble("serverCpuMicrosPerDelivered");
      s.append("| CPU per delivered message below Socket.IO's (").append(sc).append(", warm-up ")
          .append(sv.getLong("warmupSeconds")).append(" s) | ").append(fmt(ratio)).append("x | ")
          .append(verdict(ratio < 1)).append(" |\n");
    }
    return s.toString();
  }

  private static double p99(JsonObject window) { return window.getJsonObject("latencyMs").getDouble("p99"); }

  private static String verdict(boolean ok) { return ok ? "**met**" : "**not met**"; }

  private static JsonObject read(Path results, String name) throws IOException {
    Path p = results.resolve(name + ".json");
    return Files.exists(p) ? new JsonObject(Files.readString(p)) : null;
  }
}
