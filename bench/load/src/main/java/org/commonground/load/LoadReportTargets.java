package org.commonground.load;

import static org.commonground.load.LoadReport.fmt;
import static org.commonground.load.LoadReport.kb;
import static org.commonground.load.LoadReport.read;
import static org.commonground.load.LoadReport.verdict;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The table of the benchmark's targets, each measured figure against its threshold. */
final class LoadReportTargets {
  private LoadReportTargets() {}

  static void targets(StringBuilder s, Path results) throws IOException {
    JsonObject is = read(results, "idle-server");
    JsonObject storm = read(results, "storm-server");
    JsonObject rr = read(results, "redis-restart-server");
    s.append("### Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
    for (String sc : List.of("rooms", "rooms-20s", "plenary")) {
      JsonObject sv = read(results, sc + "-server");
      JsonObject bare = read(results, sc + "-bare");
      if (sv != null && bare != null) {
        double ratio = sv.getJsonObject("window").getDouble("serverCpuMicrosPerDelivered")
            / bare.getJsonObject("window").getDouble("serverCpuMicrosPerDelivered");
        double limit = sc.equals("rooms-20s") ? 2.0 : 1.5;
        s.append("| CPU per delivered message ≤ ").append(fmt(limit)).append("x bare (").append(sc).append(", warm-up ")
            .append(sv.getLong("warmupSeconds")).append(" s) | ").append(fmt(ratio)).append("x | ")
            .append(verdict(ratio <= limit)).append(" |\n");
      }
    }
    s.append(LoadReportSocketIo.targetRows(results));
    lossAndLatency(s, read(results, "rooms-server"), "100 x 20, 2 posts/s each", 10);
    lossAndLatency(s, read(results, "plenary-server"), "1 x 500, 20 posts/s", 50);
    if (is != null) {
      long per = is.getLong("rssBytesPerConnection");
      s.append("| 10,000 idle participants: ≤ 30 KB each | ").append(kb(per)).append(" (RSS), ")
          .append(kb(is.getLong("heapBytesPerConnection"))).append(" (heap) | ").append(verdict(per <= 30_000)).append(" |\n");
    }
    JsonObject ss = read(results, "saturate-server");
    if (ss != null) {
      s.append("| plenary: offered load where p99 passes 100 ms, as high as it goes | ")
          .append(fmt(ss.getDouble("highestPassingPostsPerSecond"))).append(" posts/s passes (")
          .append(ss.getString("stoppedBecause")).append(" above it) | a figure, no threshold |\n");
    }
    if (storm != null) {
      s.append("| 2,000 clients dropped at once all resumed within 10 s | ").append(storm.getLong("allCaughtUpMs"))
          .append(" ms, lost ").append(storm.getJsonObject("totals").getLong("lost")).append(" | ")
          .append(verdict(storm.getBoolean("allBack") && storm.getLong("allCaughtUpMs") <= 10_000
              && storm.getJsonObject("totals").getLong("lost") == 0)).append(" |\n");
    }
    if (rr != null) {
      long n = rr.getLong("subscriberNoticedAfterMs");
      long hdown = rr.getLong("healthNotUpAfterMs");
      s.append("| a Redis restart noticed within 5 s | subscriber ").append(n).append(" ms, /health ").append(hdown)
          .append(" ms | ").append(verdict(n >= 0 && n <= 5_000)).append(" |\n");
    }
    s.append("\n");
  }

  /** A steady scenario's row: nothing lost and its p99 under {@code p99LimitMs}. */
  private static void lossAndLatency(StringBuilder s, JsonObject r, String shape, int p99LimitMs) {
    if (r == null) return;
    double p99 = r.getJsonObject("window").getJsonObject("latencyMs").getDouble("p99");
    long lost = r.getJsonObject("totals").getLong("lost");
    s.append("| ").append(shape).append(": nothing lost, p99 < ").append(p99LimitMs).append(" ms | lost ").append(lost)
        .append(", p99 ").append(fmt(p99)).append(" ms | ").append(verdict(lost == 0 && p99 < p99LimitMs)).append(" |\n");
  }
}
