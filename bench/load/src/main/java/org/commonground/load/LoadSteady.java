package org.commonground.load;

import static org.commonground.load.LoadBench.log;
import static org.commonground.load.LoadResults.header;
import static org.commonground.load.LoadResults.secondsSince;
import static org.commonground.load.LoadResults.socketIoVersions;
import static org.commonground.load.LoadResults.summary;
import static org.commonground.load.LoadResults.totals;
import static org.commonground.load.LoadResults.window;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.commonground.load.LoadBench.Target;

/** The steady scenarios (rooms, rooms-20s, plenary, two-nodes): a fixed post rate, one measured window. */
final class LoadSteady {
  private LoadSteady() {}

  /**
   * A comparison measured in rounds (see LoadBench#rounds): every target once, in turn, then again, so that
   * the machine's drift falls on all of them; each target's median round is kept, every round listed in it.
   */
  static void inRounds(LoadBench bench, String name, List<Target> targets, int workshops, int per, double rate,
                       Duration warmup) throws Exception {
    Map<Target, List<JsonObject>> byTarget = new EnumMap<>(Target.class);
    for (int round = 1; round <= bench.rounds; round++) {
      for (Target t : targets) {
        JsonObject r = measure(bench, name, t, 1, workshops, per, rate, warmup);
        if (r != null) byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<Target, List<JsonObject>> e : byTarget.entrySet()) {
      bench.save(name + "-" + e.getKey().name().toLowerCase(), LoadRounds.median(e.getValue()));
    }
  }

  static void steady(LoadBench bench, String name, Target target, int nodes, int workshops, int per, double rate)
      throws Exception {
    steady(bench, name, target, nodes, workshops, per, rate, bench.warmup);
  }

  static void steady(LoadBench bench, String name, Target target, int nodes, int workshops, int per, double rate,
                     Duration warmup) throws Exception {
    JsonObject r = measure(bench, name, target, nodes, workshops, per, rate, warmup);
    if (r != null) bench.save(name + "-" + target.name().toLowerCase(), r);
  }

  /** One steady measurement, or null where the target is skipped. */
  private static JsonObject measure(LoadBench bench, String name, Target target, int nodes, int workshops, int per,
                                    double rate, Duration warmup) throws Exception {
    if (bench.only != null && bench.only != target) return null;
    if (target == Target.SOCKETIO && LoadProc.socketIoMissing(bench.project) != null) {
      log(name + " on SOCKETIO: skipped, " + LoadProc.socketIoMissing(bench.project) + "; the other targets still run");
      return null;
    }
    log(name + " on " + target + ": " + workshops + " x " + per + ", " + rate + " posts/s each");
    try (LoadStack stack = new LoadStack(bench, target, nodes, name, List.of());
         LoadEngine engine = new LoadEngine(stack.ports(), 2, target == Target.SOCKETIO)) {
      JsonObject r = header(bench, name, target, nodes, workshops, per, rate).put("warmupSeconds", warmup.toSeconds());
      if (target == Target.SOCKETIO) r.put("socketio", socketIoVersions(bench.project));
      long t0 = System.nanoTime();
      List<LoadEngine.Room> rooms = engine.prepare(workshops, per);
      r.put("setupJoinSeconds", secondsSince(t0));
      t0 = System.nanoTime();
      engine.connect(rooms, 200);
      r.put("setupConnectSeconds", secondsSince(t0));
      engine.startPosting(rooms, rate);
      LoadProc.sleep(warmup.toMillis());
      LoadWindow w = engine.window(bench.window, stack.serverPids(), stack.redisPids());
      LoadEngine.Drain d = engine.drain(Duration.ofSeconds(30));
      stack.checkAlive();
      r.put("window", window(w));
      r.put("totals", totals(engine, d));
      log(summary(r));
      return r;
    }
  }
}
