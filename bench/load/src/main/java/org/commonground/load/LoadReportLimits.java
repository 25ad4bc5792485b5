package org.commonground.load;

import static org.commonground.load.LoadReport.fmt;
import static org.commonground.load.LoadReport.kb;
import static org.commonground.load.LoadReport.load;
import static org.commonground.load.LoadReport.read;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The sections on limits and recovery: saturation, idle connections, reconnection storm, Redis restart. */
final class LoadReportLimits {
  private LoadReportLimits() {}

  /** Saturation, one table per target. */
  static void saturate(StringBuilder s, Path results) throws IOException {
    for (String n : List.of("saturate-server", "saturate-bare")) {
      JsonObject r = read(results, n);
      if (r == null) continue;
      s.append("### Saturation, plenary shape (1 x 500), ").append(r.getString("target")).append("\n\n");
      s.append("| posts/s offered | posts/s sent | delivered/s | p50 ms | p99 ms | max ms | lost | refused | server cores | Redis cores | tool cores | others cores | load 1/5/15 | passed |\n");
      s.append("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|\n");
      for (Object o : r.getJsonArray("steps")) {
        JsonObject st = (JsonObject) o;
        JsonObject w = st.getJsonObject("window");
        JsonObject l = w.getJsonObject("latencyMs");
        s.append("| ").append(fmt(st.getDouble("postsPerSecond"))).append(st.getBoolean("refining", false) ? " (between)" : "")
            .append(" | ").append(fmt(st.getDouble("postsSentPerSecond")))
            .append(" | ").append(fmt(w.getDouble("deliveredPerSecond")))
            .append(" | ").append(fmt(l.getDouble("p50"))).append(" | ").append(fmt(l.getDouble("p99")))
            .append(" | ").append(fmt(l.getDouble("max"))).append(" | ").append(st.getLong("lost") + st.getLong("gaps"))
            .append(" | ").append(st.getLong("rejected")).append(" | ").append(fmt(w.getDouble("serverCores")))
            .append(" | ").append(fmt(w.getDouble("redisCores"))).append(" | ").append(fmt(w.getDouble("toolCores")))
            .append(" | ").append(fmt(w.getDouble("othersCores"))).append(" | ").append(load(w.getJsonArray("load")))
            .append(" | ").append(st.getBoolean("passed") ? "yes" : "**no**")
            .append(st.containsKey("failedFirstAttempt") ? " (measured twice: the first attempt had p99 "
                + fmt(st.getJsonObject("failedFirstAttempt").getJsonObject("window").getJsonObject("latencyMs").getDouble("p99"))
                + " ms with others using " + fmt(st.getJsonObject("failedFirstAttempt").getJsonObject("window").getDouble("othersCores"))
                + " cores)" : "").append(" |\n");
      }
      s.append("\nThe rate doubles until a step fails; then the interval between the last passing and the failing rate ")
          .append("is halved twice (\"between\"). A step that fails is measured once more and the second measurement decides. ")
          .append("Highest rate passing (p99 ≤ 100 ms, nothing lost or refused): **")
          .append(fmt(r.getDouble("highestPassingPostsPerSecond"))).append(" posts/s = ")
          .append(fmt(r.getDouble("highestPassingDeliveriesPerSecond"))).append(" deliveries/s**; stopped because ")
          .append(r.getString("stoppedBecause")).append(".\n\n");
    }
  }

  /** Idle connections: memory and CPU per idle participant. */
  static void idle(StringBuilder s, Path results) throws IOException {
    JsonObject is = read(results, "idle-server");
    JsonObject ib = read(results, "idle-bare");
    JsonObject isio = read(results, "idle-socketio");
    if (is != null || ib != null || isio != null) {
      s.append("### Idle connections\n\n");
      s.append("| target | connections | RSS before → after | per connection (RSS) | heap after full GC, before → after | per connection (heap) | idle server cores | threads | load 1/5/15 |\n");
      s.append("|---|--:|---|--:|---|--:|--:|--:|---|\n");
      for (JsonObject r : new JsonObject[] {is, ib, isio}) {
        if (r == null) continue;
        s.append("| ").append(r.getString("target")).append(" | ").append(r.getLong("connections"))
            .append(" live ").append(r.getLong("liveAtEnd"))
            .append(" | ").append(r.getLong("rssBeforeKb") / 1024).append(" → ").append(r.getLong("rssAfterKb") / 1024)
            .append(" MiB | ").append(kb(r.getLong("rssBytesPerConnection")))
            .append(" | ").append(r.getLong("heapUsedBeforeKb") < 0 ? "– (not a JVM)" : r.getLong("heapUsedBeforeKb") / 1024
                + " → " + r.getLong("heapUsedAfterKb") / 1024 + " MiB"
                + (r.containsKey("heapCommittedAfterKb") ? " (committed " + r.getLong("heapCommittedBeforeKb") / 1024
                + " → " + r.getLong("heapCommittedAfterKb") / 1024 + " MiB)" : ""))
            .append(" | ").append(kb(r.getLong("heapBytesPerConnection")))
            .append(" | ").append(fmt(r.getDouble("idleServerCores"))).append(" | ").append(r.getLong("threads"))
            .append(" | ").append(load(r.getJsonArray("load"))).append(" |\n");
      }
      s.append("\nThe server's baseline is a freshly started node after the joins (no workshop live), so the figure ")
          .append("per connection includes each workshop's live replica, shared by its 20 participants; both are ")
          .append("measured after `jcmd GC.run`")
          .append(isio != null ? " (the Socket.IO process is node: its RSS as it stands)" : "").append(".\n\n");
    }
  }

  /** The reconnection storm and the Redis restart: how the server recovers. */
  static void recovery(StringBuilder s, Path results) throws IOException {
    JsonObject storm = read(results, "storm-server");
    if (storm != null) {
      JsonObject t = storm.getJsonObject("totals");
      JsonObject l = storm.getJsonObject("latencyFromDropToEnd");
      s.append("### Reconnection storm\n\n")
          .append(storm.getLong("clients")).append(" clients (100 workshops x 20, posting 2/s per workshop throughout) ")
          .append("all closed at once (1001, as a reload or a lost network looks to the server), each reconnecting ")
          .append("after a random 0–").append(storm.getLong("reconnectJitterMs")).append(" ms with resume (epoch, seq) and ")
          .append("resending its unacknowledged posts: **all welcomed again after ").append(storm.getLong("allWelcomedMs"))
          .append(" ms, all caught up after ").append(storm.getLong("allCaughtUpMs")).append(" ms**; ")
          .append(storm.getLong("resumed")).append(" resumed, ").append(storm.getLong("notResumed"))
          .append(" sent a full state instead; lost ").append(t.getLong("lost")).append(", seq gaps ")
          .append(t.getLong("seqGaps")).append(", duplicates ").append(t.getLong("duplicates"))
          .append(". Server CPU from the drop to all caught up: ").append(fmt(storm.getDouble("serverCpuSecondsDuringStorm")))
          .append(" s (Redis ").append(fmt(storm.getDouble("redisCpuSecondsDuringStorm"))).append(" s). ")
          .append("Post-to-delivery from the drop to the end (posts made while their author was away count from ")
          .append("when they were made): p50 ").append(fmt(l.getDouble("p50"))).append(" ms, p99 ")
          .append(fmt(l.getDouble("p99"))).append(" ms, max ").append(fmt(l.getDouble("max"))).append(" ms. Load ")
          .append(load(storm.getJsonArray("load"))).append(".\n\n");
    }
    JsonObject rr = read(results, "redis-restart-server");
    if (rr != null) {
      JsonObject t = rr.getJsonObject("totals");
      s.append("### Redis restart\n\n")
          .append("10 workshops x 20 posting 2/s each; redis-server killed (SIGKILL) and started again on the same ")
          .append("port and data 3 s later. The subscriber logged the lost pub/sub connection **")
          .append(rr.getLong("subscriberNoticedAfterMs")).append(" ms** after the kill; `/health` stopped answering UP ")
          .append("within ").append(rr.getLong("healthNotUpAfterMs")).append(" ms (polled every 50 ms) and was UP ")
          .append(rr.getLong("healthUpAfterRestartMs")).append(" ms after the restart; the subscriber was back ")
          .append(rr.getLong("subscriberBackAfterKillMs")).append(" ms after the kill. Posts refused meanwhile (")
          .append(t.getJsonObject("errors").encode()).append(") were resent with their refs as the web client does: ")
          .append("lost ").append(t.getLong("lost")).append(", unanswered ").append(t.getLong("unanswered"))
          .append(", seq gaps ").append(t.getLong("seqGaps")).append(", unexpected closes ")
          .append(t.getJsonObject("unexpectedCloses").encode()).append(".\n\n");
    }
  }
}
