package org.commonground.load;

import static org.commonground.load.LoadBench.log;
import static org.commonground.load.LoadBench.round;
import static org.commonground.load.LoadResults.header;
import static org.commonground.load.LoadResults.secondsSince;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import org.commonground.load.LoadBench.Target;

/** The idle scenario: what each idle connection costs the server in memory and CPU. */
final class LoadIdle {
  private LoadIdle() {}

  static void run(LoadBench bench, Target target) throws Exception {
    if (bench.only != null && bench.only != target) return;
    if (target == Target.SOCKETIO && LoadProc.socketIoMissing(bench.project) != null) {
      log("idle on SOCKETIO: skipped, " + LoadProc.socketIoMissing(bench.project) + "; the other targets still run");
      return;
    }
    int workshops = bench.quick ? 50 : 500;
    int per = 20;
    int n = workshops * per;
    log("idle on " + target + ": " + workshops + " x " + per + " = " + n + " idle connections");
    JsonObject r = header(bench, "idle", target, 1, workshops, per, 0);
    LoadStack stack = new LoadStack(bench, target, 1, "idle", List.of());
    LoadEngine engine = new LoadEngine(stack.ports(), 2, target == Target.SOCKETIO);
    try {
      long t0 = System.nanoTime();
      List<LoadEngine.Room> rooms = engine.prepare(workshops, per);
      r.put("setupJoinSeconds", secondsSince(t0));
      if (target == Target.SERVER) {
        // A fresh server process, so the baseline holds no live workshop and nothing the joins left behind:
        // the figure per connection then includes each workshop's live replica, shared by its 20.
        LoadProc node = stack.nodes.remove(0);
        node.close();
        stack.nodes.add(LoadProc.server("node1b", bench.project, bench.jar, node.port,
            "redis://127.0.0.1:" + stack.redis.port, stack.dir.resolve("node1b"), bench.serverJvm));
        LoadProc.sleep(bench.quick ? 2_000 : 5_000);
      }
      long pid = stack.serverPids().get(0);
      long[] h0 = heapAfterGc(target, pid);
      long heap0 = h0[0];
      LoadProc.sleep(1_000);
      long rss0 = LoadProcStats.rssKb(pid);
      t0 = System.nanoTime();
      engine.connect(rooms, 200);
      r.put("setupConnectSeconds", secondsSince(t0));
      LoadProc.sleep(bench.quick ? 3_000 : 10_000);
      long[] h1 = heapAfterGc(target, pid);
      long heap1 = h1[0];
      LoadProc.sleep(1_000);
      long rss1 = LoadProcStats.rssKb(pid);
      LoadWindow w = engine.window(bench.quick ? Duration.ofSeconds(5) : Duration.ofSeconds(30), stack.serverPids(),
          stack.redisPids());
      long rss2 = LoadProcStats.rssKb(pid);
      stack.checkAlive();
      r.put("connections", n).put("liveAtEnd", engine.liveClients.sum())
          .put("rssBeforeKb", rss0).put("rssAfterKb", rss1).put("rssAfterIdleWindowKb", rss2)
          .put("heapUsedBeforeKb", heap0).put("heapUsedAfterKb", heap1)
          .put("heapCommittedBeforeKb", h0[1]).put("heapCommittedAfterKb", h1[1])
          .put("rssBytesPerConnection", Math.round((rss1 - rss0) * 1024.0 / n))
          .put("heapBytesPerConnection", heap0 < 0 || heap1 < 0 ? -1 : Math.round((heap1 - heap0) * 1024.0 / n))
          .put("threads", LoadProcStats.threads(pid))
          .put("idleServerCores", round(w.serverCpu() / w.seconds(), 3))
          .put("idleRedisCores", round(w.redisCpu() / w.seconds(), 3))
          .put("load", new JsonArray(List.of(w.load()[0], w.load()[1], w.load()[2])))
          .put("othersCores", round(w.othersCpu(), 2))
          .put("unexpectedCloses", new JsonObject(new LinkedHashMap<>(engine.closeCounts())));
      bench.save("idle-" + target.name().toLowerCase(), r);
      log(String.format("idle %s: %d connections, RSS %d -> %d kB (%d B each), heap %d -> %d kB (%d B each)",
          target, n, rss0, rss1, r.getLong("rssBytesPerConnection"), heap0, heap1, r.getLong("heapBytesPerConnection")));
    } finally {
      engine.close();
      stack.close();
    }
  }

  /** Java heap used and committed after a full GC (jcmd); node has no jcmd, so {-1, -1} for Socket.IO. */
  private static long[] heapAfterGc(Target target, long pid) {
    return target == Target.SOCKETIO ? new long[] {-1, -1} : LoadProcStats.heapKbAfterGc(pid);
  }
}
