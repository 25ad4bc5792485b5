package org.commonground.load;

import static org.commonground.load.LoadBench.log;
import static org.commonground.load.LoadBench.round;
import static org.commonground.load.LoadResults.header;
import static org.commonground.load.LoadResults.latency;
import static org.commonground.load.LoadResults.totals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.commonground.load.LoadBench.Target;

/** The storm scenario: every client dropped at once while posting goes on, and resumed. */
final class LoadStorm {
  private LoadStorm() {}

  static void run(LoadBench bench) throws Exception {
    int workshops = 100;
    int per = 20;
    log("storm: " + workshops * per + " clients dropped at once while posting goes on, and resumed");
    try (LoadStack stack = new LoadStack(bench, Target.SERVER, 1, "storm", List.of());
         LoadEngine engine = new LoadEngine(stack.ports(), 2)) {
      JsonObject r = header(bench, "storm", Target.SERVER, 1, workshops, per, 2);
      List<LoadEngine.Room> rooms = engine.prepare(workshops, per);
      engine.connect(rooms, 200);
      engine.startPosting(rooms, 2);
      LoadProc.sleep(bench.warmup.toMillis());
      long jitter = 1_000;
      engine.latency.getIntervalHistogram();
      long cpu0 = LoadProcStats.cpuTicks(stack.serverPids());
      long rcpu0 = LoadProcStats.cpuTicks(stack.redisPids());
      long d0 = engine.deliveredCount.sum();
      LoadEngine.Storm s = engine.storm(jitter, Duration.ofSeconds(60));
      long cpu1 = LoadProcStats.cpuTicks(stack.serverPids());
      long rcpu1 = LoadProcStats.cpuTicks(stack.redisPids());
      LoadProc.sleep(5_000);
      LoadEngine.Drain d = engine.drain(Duration.ofSeconds(30));
      Histogram h = engine.latency.getIntervalHistogram();
      stack.checkAlive();
      r.put("clients", s.clients()).put("reconnectJitterMs", jitter).put("allBack", s.allBack())
          .put("allWelcomedMs", s.allWelcomedMs()).put("allCaughtUpMs", s.allCaughtUpMs())
          .put("resumed", s.resumed()).put("notResumed", s.notResumed())
          .put("serverCpuSecondsDuringStorm", round((cpu1 - cpu0) / (double) LoadProcStats.CLK_TCK, 2))
          .put("redisCpuSecondsDuringStorm", round((rcpu1 - rcpu0) / (double) LoadProcStats.CLK_TCK, 2))
          .put("deliveredDuringStorm", engine.deliveredCount.sum() - d0)
          .put("latencyFromDropToEnd", latency(h))
          .put("load", new JsonArray(List.of(LoadProcStats.loadAverage()[0], LoadProcStats.loadAverage()[1], LoadProcStats.loadAverage()[2])))
          .put("totals", totals(engine, d));
      bench.save("storm-server", r);
      log(String.format("storm: all %d back in %d ms (caught up %d ms), resumed %d, fresh %d, lost %d, gaps %d",
          s.clients(), s.allWelcomedMs(), s.allCaughtUpMs(), s.resumed(), s.notResumed(), engine.lost(), engine.gaps.sum()));
    }
  }
}
