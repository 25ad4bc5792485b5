package org.commonground.load;

import static org.commonground.load.LoadReport.fmt;
import static org.commonground.load.LoadReport.kb;
import static org.commonground.load.LoadReport.load;
import static org.commonground.load.LoadReport.read;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The steady load sections of the "Load benchmark" section (LoadReport renders the rest). */
final class LoadReportSteady {
  /** The steady runs' result files, in the order the tables list them. */
  private static final List<String> STEADY = List.of("rooms-server", "rooms-bare", "rooms-socketio",
      "rooms-20s-server", "rooms-20s-bare", "plenary-server", "plenary-bare", "plenary-socketio", "two-nodes-server");

  /** The scenarios compared with the bare baseline, each measured in rounds (LoadSteady#inRounds). */
  private static final List<String> COMPARED = List.of("rooms", "rooms-20s", "plenary");

  private LoadReportSteady() {}

  /** The steady scenarios' table, the rounds behind the rooms rows, and where the server's CPU went. */
  static void steady(StringBuilder s, Path results) throws IOException {
    s.append("### Steady load\n\n");
    s.append("| scenario | target | delivered/s | p50 ms | p99 ms | p99.9 ms | max ms | lost | server cores | server µs/msg | Redis µs/msg | tool cores | others cores | load 1/5/15 |\n");
    s.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
    for (String n : STEADY) {
      JsonObject r = read(results, n);
      if (r == null) continue;
      JsonObject w = r.getJsonObject("window");
      JsonObject l = w.getJsonObject("latencyMs");
      JsonObject t = r.getJsonObject("totals");
      s.append("| ").append(r.getString("scenario")).append(" (").append(r.getInteger("workshops")).append(" x ")
          .append(r.getInteger("participantsPerWorkshop")).append(", ").append(fmt(r.getDouble("postsPerSecondPerWorkshop")))
          .append(" posts/s each").append(r.getInteger("nodes") > 1 ? ", " + r.getInteger("nodes") + " nodes" : "")
          .append(") | ").append(r.getString("target"))
          .append(" | ").append(fmt(w.getDouble("deliveredPerSecond")))
          .append(" | ").append(fmt(l.getDouble("p50"))).append(" | ").append(fmt(l.getDouble("p99")))
          .append(" | ").append(fmt(l.getDouble("p999"))).append(" | ").append(fmt(l.getDouble("max")))
          .append(" | ").append(t.getLong("lost")).append(lossNote(t))
          .append(" | ").append(fmt(w.getDouble("serverCores")))
          .append(" | ").append(fmt(w.getDouble("serverCpuMicrosPerDelivered")))
          .append(" | ").append(r.getString("target").equals("bare") ? "–" : fmt(w.getDouble("redisCpuMicrosPerDelivered")))
          .append(" | ").append(fmt(w.getDouble("toolCores")))
          .append(" | ").append(fmt(w.getDouble("othersCores")))
          .append(" | ").append(load(w.getJsonArray("load"))).append(" |\n");
    }
    s.append(roundsNote(results));
    s.append("\nServer cores = server CPU seconds / window seconds (all nodes together for two-nodes); µs/msg = CPU ")
        .append("microseconds per delivered message (one `ev` frame reaching one participant). Server RSS at the end ")
        .append("of the window: ");
    List<String> rss = new ArrayList<>();
    for (String n : STEADY) {
      JsonObject r = read(results, n);
      if (r != null) rss.add(n + " " + r.getJsonObject("window").getLong("serverRssKb") / 1024 + " MiB");
    }
    s.append(String.join(", ", rss)).append(".\n\n");

    StringBuilder th = new StringBuilder();
    for (String n : STEADY) {
      JsonObject r = read(results, n);
      if (r == null || !r.getJsonObject("window").containsKey("serverThreadCpuSeconds")) continue;
      JsonObject w = r.getJsonObject("window");
      double total = w.getDouble("serverCpuSeconds");
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Object> e : w.getJsonObject("serverThreadCpuSeconds")) {
        double v = ((Number) e.getValue()).doubleValue();
        if (parts.size() < 6 && v / total >= 0.02) parts.add("`" + e.getKey() + "` " + Math.round(100 * v / total) + "%");
      }
      th.append("| ").append(n).append(" | ").append(fmt(w.getDouble("serverUserCpuSeconds"))).append(" | ")
          .append(fmt(w.getDouble("serverSystemCpuSeconds"))).append(" | ").append(String.join(", ", parts)).append(" |\n");
    }
    if (th.length() > 0) {
      s.append("Where the server's CPU went in the window (seconds in user and kernel mode; share by kind of thread, from ")
          .append("`/proc/<pid>/task/*/stat`):\n\n| run | user s | system s | threads |\n|---|--:|--:|---|\n")
          .append(th).append("\n");
    }
  }

  /** The server's cost against the bare broadcast (and against Socket.IO, LoadReportSocketIo), idle memory included. */
  static void cost(StringBuilder s, Path results) throws IOException {
    s.append("### Cost relative to the bare Vert.x broadcast\n\n");
    s.append("| scenario | server µs/msg | server + Redis µs/msg | bare µs/msg | ratio (server) | ratio (server + Redis) | target |\n");
    s.append("|---|--:|--:|--:|--:|--:|---|\n");
    List<Pair> pairs = pairs(results);
    for (Pair p : pairs) {
      String sc = p.scenario();
      JsonObject sv = p.server();
      JsonObject bare = p.bare();
      double a = sv.getJsonObject("window").getDouble("serverCpuMicrosPerDelivered");
      double red = sv.getJsonObject("window").getDouble("redisCpuMicrosPerDelivered");
      double b = bare.getJsonObject("window").getDouble("serverCpuMicrosPerDelivered");
      double limit = sc.equals("rooms-20s") ? 2.0 : 1.5;
      s.append("| ").append(sc).append(" (warm-up ").append(sv.getLong("warmupSeconds")).append(" s) | ")
          .append(fmt(a)).append(" | ").append(fmt(a + red)).append(" | ")
          .append(fmt(b)).append(" | ").append(fmt(a / b)).append("x | ").append(fmt((a + red) / b))
          .append("x | at most ").append(fmt(limit)).append("x: ").append(a / b <= limit ? "**met**" : "**not met**")
          .append(" |\n");
    }
    for (Pair p : pairs) {
      long a = p.server().getJsonObject("window").getLong("serverRssKb");
      long b = p.bare().getJsonObject("window").getLong("serverRssKb");
      s.append("| ").append(p.scenario()).append(": resident memory under load | ").append(a / 1024).append(" MiB | | ")
          .append(b / 1024).append(" MiB | ").append(fmt((double) a / b)).append("x | | at most 2x: ")
          .append((double) a / b <= 2 ? "**met**" : "**not met**").append(" |\n");
    }
    JsonObject is = read(results, "idle-server");
    JsonObject ib = read(results, "idle-bare");
    if (is != null && ib != null) {
      long a = is.getLong("rssBeforeKb");
      long b = ib.getLong("rssBeforeKb");
      s.append("| started and idle: resident memory (after a full GC) | ").append(a / 1024).append(" MiB | | ")
          .append(b / 1024).append(" MiB | ").append(fmt((double) a / b)).append("x | | at most 200 MB: ")
          .append(a * 1024 <= 200_000_000 ? "**met**" : "**not met**").append(" |\n");
      s.append("| idle memory per connection (RSS) | ").append(kb(is.getLong("rssBytesPerConnection")))
          .append(" | | ").append(kb(ib.getLong("rssBytesPerConnection"))).append(" | ")
          .append(fmt((double) is.getLong("rssBytesPerConnection") / ib.getLong("rssBytesPerConnection")))
          .append("x | | |\n");
    }
    s.append("\n");
    s.append(LoadReportSocketIo.costTable(results));
  }

  private record Pair(String scenario, JsonObject server, JsonObject bare) {}

  /** The scenarios measured on both the server and the bare baseline, with both results. */
  private static List<Pair> pairs(Path results) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    for (String sc : COMPARED) {
      JsonObject sv = read(results, sc + "-server");
      JsonObject bare = read(results, sc + "-bare");
      if (sv != null && bare != null) pairs.add(new Pair(sc, sv, bare));
    }
    return pairs;
  }

  private static String lossNote(JsonObject t) {
    List<String> notes = new ArrayList<>();
    if (t.getLong("seqGaps") > 0) notes.add("gaps " + t.getLong("seqGaps"));
    if (t.getLong("rejected") > 0) notes.add("refused " + t.getLong("rejected"));
    if (t.getLong("unanswered") > 0) notes.add("unanswered " + t.getLong("unanswered"));
    if (!t.getJsonObject("unexpectedCloses").isEmpty()) notes.add("closes " + t.getJsonObject("unexpectedCloses").encode());
    return notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")";
  }

  /** Which rounds the rows of each scenario measured in rounds were chosen from (see LoadRounds). */
  private static String roundsNote(Path results) throws IOException {
    StringBuilder note = new StringBuilder();
    for (String sc : COMPARED) {
      List<String> each = new ArrayList<>();
      int n = 0;
      for (String t : List.of("server", "bare", "socketio")) {
        JsonObject r = read(results, sc + "-" + t);
        JsonArray rounds = r == null ? null : r.getJsonArray("rounds");
        if (rounds == null || rounds.size() < 2) continue;
        n = rounds.size();
        List<String> cpu = new ArrayList<>();
        for (Object o : rounds) cpu.add(fmt(((JsonObject) o).getDouble("serverCpuMicrosPerDelivered")));
        each.add(t + " " + String.join(", ", cpu));
      }
      if (!each.isEmpty()) note.append("- ").append(sc).append(", ").append(n).append(" rounds: ")
          .append(String.join("; ", each)).append(".\n");
    }
    if (note.length() == 0) return "";
    return "\nThe rooms, rooms-20s and plenary rows are each target's median round, the targets run in turn (server, "
        + "bare, Socket.IO, then again) so that the machine's drift falls on all of them. Server µs/msg of every "
        + "round, in order:\n\n" + note;
  }
}
