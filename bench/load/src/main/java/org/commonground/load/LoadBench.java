package org.commonground.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The benchmark: starts what it measures (redis-server, the server jar, the bare baseline) as separate
 * processes on 127.0.0.1, drives them with {@link LoadEngine}, writes one JSON result per scenario and
 * target to {@code bench/results/}, and renders the "Load benchmark" section of docs/performance.md.
 *
 * <pre>bench/run.sh [--quick] [scenario ...]   scenarios: rooms plenary saturate idle storm redis-restart two-nodes profile</pre>
 *
 * Every run is bounded in count and time; nothing it starts outlives it.
 */
public final class LoadBench {
  static final List<String> ALL = List.of("rooms", "rooms-20s", "plenary", "two-nodes", "storm", "redis-restart", "idle",
      "saturate", "profile");
  /** Not part of "all": one of the two profiles alone, for checking a change. */
  static final List<String> ONE_PROFILE = List.of("profile-plenary", "profile-rooms");

  private final Path project;
  private final Path jar;
  private final Path results;
  private final Path work;
  private final boolean quick;
  private final Duration warmup;
  private final Duration window;
  private final String command;
  /** Extra JVM options for the server processes (--server-jvm=a,b); the bare baseline gets none. */
  private List<String> serverJvm = List.of();
  /** Only this target (--only=server, bare or socketio); null: all. */
  private Target only;
  /**
   * How many times the rooms scenario measures each target, interleaved (server, bare, Socket.IO, then again):
   * this machine's speed drifts by a quarter between runs minutes apart, for the targets' code and Redis alike,
   * so one run each can put any of them ahead. Each target's median round is kept, with all rounds beside it.
   */
  private int rounds;

  private LoadBench(Path project, boolean quick, String command, Path jar, Path results, int warmupSeconds,
                    int windowSeconds) throws IOException {
    this.project = project;
    this.jar = jar;
    this.results = results;
    this.work = project.resolve("target/bench-work");
    this.quick = quick;
    // 60 s: the JIT is still compiling the server's command path 20 s in (15-22% of its CPU in a window
    // that starts then, against 5% for the bare broadcast, which has far less code); a node runs for hours.
    this.warmup = Duration.ofSeconds(warmupSeconds > 0 ? warmupSeconds : quick ? 3 : 60);
    this.window = Duration.ofSeconds(windowSeconds > 0 ? windowSeconds : quick ? 5 : 30);
    this.command = command;
    Files.createDirectories(results);
    Files.createDirectories(work);
  }

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    boolean reportOnly = false;
    boolean doc = true;
    int warmupSeconds = 0;
    int windowSeconds = 0;
    List<String> serverJvm = List.of();
    Target only = null;
    int rounds = 0;
    Path project = Path.of("").toAbsolutePath();
    Path jar = project.resolve("target/common-ground.jar");
    Path results = project.resolve("bench/results");
    List<String> scenarios = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--quick")) quick = true;
      else if (a.equals("--report")) reportOnly = true;
      else if (a.equals("--no-doc")) doc = false;
      else if (a.startsWith("--warmup=")) warmupSeconds = Integer.parseInt(a.substring(9));
      else if (a.startsWith("--server-jvm=")) serverJvm = List.of(a.substring(13).split(","));
      else if (a.startsWith("--only=")) only = Target.valueOf(a.substring(7).toUpperCase());
      else if (a.startsWith("--window=")) windowSeconds = Integer.parseInt(a.substring(9));
      else if (a.startsWith("--rounds=")) rounds = Integer.parseInt(a.substring(9));
      else if (a.startsWith("--jar=")) jar = Path.of(a.substring(6)).toAbsolutePath();
      else if (a.startsWith("--results=")) results = Path.of(a.substring(10)).toAbsolutePath();
      else if (a.equals("all")) scenarios.addAll(ALL);
      else if (ALL.contains(a) || ONE_PROFILE.contains(a)) scenarios.add(a);
      else {
        System.err.println("unknown scenario " + a + "; one of " + ALL
            + ", all, --quick, --report, --no-doc, --jar=PATH (another build to measure), --results=DIR,"
            + " --warmup=SECONDS, --window=SECONDS, --rounds=N (rooms; 3), --server-jvm=OPT,OPT,"
            + " --only=server|bare|socketio");
        System.exit(2);
      }
    }
    if (scenarios.isEmpty() && !reportOnly) scenarios.addAll(ALL);
    String command = System.getProperty("bench.command", "bench/run.sh " + String.join(" ", args)).trim();
    LoadBench bench = new LoadBench(project, quick, command, jar, results, warmupSeconds, windowSeconds);
    bench.serverJvm = serverJvm;
    bench.only = only;
    bench.rounds = rounds > 0 ? rounds : quick ? 1 : 3;
    if (!Files.exists(bench.jar)) throw new IllegalStateException("no " + bench.jar + ": build it first (bench/run.sh does)");
    for (String s : scenarios) {
      for (int attempt = 1; attempt <= 2; attempt++) {
        log("=== " + s + (quick ? " (quick)" : "") + (attempt > 1 ? ", again" : ""));
        try {
          bench.run(s);
          Files.deleteIfExists(bench.results.resolve(s + "-failed.json"));
          break;
        } catch (Exception e) {
          log("scenario " + s + " failed: " + e);
          e.printStackTrace();
          bench.save(s + "-failed", new JsonObject().put("scenario", s).put("error", String.valueOf(e)));
        }
      }
    }
    if (doc) {
      LoadReport.write(bench.project.resolve("docs/performance.md"), bench.results);
      log("wrote docs/performance.md");
    }
    System.exit(0);
  }

  private void run(String scenario) throws Exception {
    switch (scenario) {
      case "rooms" -> {
        // The comparison with the least room to spare: measured in rounds (see #rounds).
        List<Target> targets = List.of(Target.SERVER, Target.BARE, Target.SOCKETIO);
        Map<Target, List<JsonObject>> byTarget = new EnumMap<>(Target.class);
        for (int round = 1; round <= rounds; round++) {
          for (Target t : targets) {
            JsonObject r = measure("rooms", t, 1, 100, 20, 2, warmup);
            if (r != null) byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
          }
        }
        for (Map.Entry<Target, List<JsonObject>> e : byTarget.entrySet()) {
          save("rooms-" + e.getKey().name().toLowerCase(), LoadRounds.median(e.getValue()));
        }
      }
      case "rooms-20s" -> {
        // A node restarted into a live workshop serves it at once: the JIT has had only 20 s.
        steady("rooms-20s", Target.SERVER, 1, 100, 20, 2, Duration.ofSeconds(quick ? 3 : 20));
        steady("rooms-20s", Target.BARE, 1, 100, 20, 2, Duration.ofSeconds(quick ? 3 : 20));
      }
      case "plenary" -> {
        steady("plenary", Target.SERVER, 1, 1, 500, 20);
        steady("plenary", Target.BARE, 1, 1, 500, 20);
        steady("plenary", Target.SOCKETIO, 1, 1, 500, 20);
      }
      case "two-nodes" -> steady("two-nodes", Target.SERVER, 2, 100, 20, 2);
      case "saturate" -> {
        saturate(Target.SERVER);
        saturate(Target.BARE);
      }
      case "idle" -> {
        idle(Target.SERVER);
        idle(Target.BARE);
        idle(Target.SOCKETIO);
      }
      case "storm" -> storm();
      case "redis-restart" -> redisRestart();
      case "profile" -> {
        profile("plenary", 1, 500, 20);
        profile("rooms", 100, 20, 2);
      }
      case "profile-plenary" -> profile("plenary", 1, 500, 20);
      case "profile-rooms" -> profile("rooms", 100, 20, 2);
      default -> throw new IllegalArgumentException(scenario);
    }
  }

  // ------------------------------------------------------------------ what runs

  /** The server; the bare Vert.x baseline; Socket.IO 4 with its Redis adapter (bench/socketio), where node runs. */
  enum Target { SERVER, BARE, SOCKETIO }

  /** The processes under test: a Redis and one or more server nodes (or the Socket.IO server), or the bare baseline alone. */
  private final class Stack implements AutoCloseable {
    final Target target;
    LoadProc redis;
    final List<LoadProc> nodes = new ArrayList<>();
    final Path dir;

    Stack(Target target, int nodeCount, String name, List<String> jvmArgs) throws IOException {
      this.target = target;
      this.dir = work.resolve(name + "-" + target.name().toLowerCase() + "-" + System.currentTimeMillis());
      try {
        if (target == Target.SERVER) {
          int redisPort = LoadProc.freePort(8199, 8199);
          redis = LoadProc.redis(dir.resolve("redis"), redisPort, "always");
          for (int i = 0; i < nodeCount; i++) {
            int port = LoadProc.freePort(8190, 8198);
            List<String> args = new ArrayList<>(serverJvm);
            args.addAll(jvmArgs);
            nodes.add(LoadProc.server("node" + (i + 1), project, jar, port, "redis://127.0.0.1:" + redisPort,
                dir.resolve("node" + (i + 1)), args));
          }
        } else if (target == Target.SOCKETIO) {
          // The same redis-server, fsync on every write as for the server.
          int redisPort = LoadProc.freePort(8199, 8199);
          redis = LoadProc.redis(dir.resolve("redis"), redisPort, "always");
          nodes.add(LoadProc.socketIo(project, LoadProc.freePort(8190, 8198), "redis://127.0.0.1:" + redisPort,
              dir.resolve("socketio")));
        } else {
          nodes.add(LoadProc.bare(LoadProc.freePort(8190, 8198), dir, jvmArgs));
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
      // Let start-up work (JIT, the theme model loading on its worker) settle before anything is measured.
      LoadProc.sleep(quick ? 2_000 : 5_000);
    }

    List<Integer> ports() { return nodes.stream().map(n -> n.port).toList(); }

    /**
     * Fails the scenario if a measured process is gone: on a shared machine another session's clean-up may
     * kill it, and figures from such a window mean nothing.
     */
    void checkAlive() {
      List<LoadProc> all = new ArrayList<>(nodes);
      if (redis != null) all.add(redis);
      for (LoadProc p : all) {
        if (!p.process.isAlive()) {
          throw new IllegalStateException(p.name + " (pid " + p.pid() + ") died during the run with "
              + p.process.exitValue() + ", not by the benchmark's hand; see " + p.log);
        }
      }
    }

    List<Long> serverPids() { return nodes.stream().map(LoadProc::pid).toList(); }

    List<Long> redisPids() { return redis == null ? List.of() : List.of(redis.pid()); }

    @Override
    public void close() {
      for (LoadProc n : nodes) n.close();
      if (redis != null) redis.close();
    }
  }

  private void steady(String name, Target target, int nodes, int workshops, int per, double rate) throws Exception {
    steady(name, target, nodes, workshops, per, rate, warmup);
  }

  private void steady(String name, Target target, int nodes, int workshops, int per, double rate, Duration warmup)
      throws Exception {
    JsonObject r = measure(name, target, nodes, workshops, per, rate, warmup);
    if (r != null) save(name + "-" + target.name().toLowerCase(), r);
  }

  /** One steady measurement, or null where the target is skipped. */
  private JsonObject measure(String name, Target target, int nodes, int workshops, int per, double rate,
                             Duration warmup) throws Exception {
    if (only != null && only != target) return null;
    if (target == Target.SOCKETIO && LoadProc.socketIoMissing(project) != null) {
      log(name + " on SOCKETIO: skipped, " + LoadProc.socketIoMissing(project) + "; the other targets still run");
      return null;
    }
    log(name + " on " + target + ": " + workshops + " x " + per + ", " + rate + " posts/s each");
    try (Stack stack = new Stack(target, nodes, name, List.of());
         LoadEngine engine = new LoadEngine(stack.ports(), 2, target == Target.SOCKETIO)) {
      JsonObject r = header(name, target, nodes, workshops, per, rate).put("warmupSeconds", warmup.toSeconds());
      if (target == Target.SOCKETIO) r.put("socketio", LoadProc.socketIoVersions(project));
      long t0 = System.nanoTime();
      List<LoadEngine.Room> rooms = engine.prepare(workshops, per);
      r.put("setupJoinSeconds", secondsSince(t0));
      t0 = System.nanoTime();
      engine.connect(rooms, 200);
      r.put("setupConnectSeconds", secondsSince(t0));
      engine.startPosting(rooms, rate);
      LoadProc.sleep(warmup.toMillis());
      LoadEngine.Window w = engine.window(window, stack.serverPids(), stack.redisPids());
      LoadEngine.Drain d = engine.drain(Duration.ofSeconds(30));
      stack.checkAlive();
      r.put("window", window(w));
      r.put("totals", totals(engine, d));
      log(summary(r));
      return r;
    }
  }

  private void saturate(Target target) throws Exception {
    if (only != null && only != target) return;
    log("saturate on " + target + ": 1 x 500, the post rate doubled per step until p99 passes 100 ms or anything is lost");
    Duration stepWarm = Duration.ofSeconds(quick ? 2 : 5);
    Duration stepWindow = Duration.ofSeconds(quick ? 4 : 10);
    try (Stack stack = new Stack(target, 1, "saturate", List.of());
         LoadEngine engine = new LoadEngine(stack.ports(), 2)) {
      JsonObject r = header("saturate", target, 1, 1, 500, 20);
      List<LoadEngine.Room> rooms = engine.prepare(1, 500);
      engine.connect(rooms, 200);
      // Warm up (JIT) at the first step's rate, unmeasured.
      engine.startPosting(rooms, 20);
      LoadProc.sleep(warmup.toMillis());
      engine.drain(Duration.ofSeconds(30));
      JsonArray steps = new JsonArray();
      double best = 0;
      String stop = "reached the step limit";
      int maxSteps = quick ? 4 : 10;
      double failedAt = 0;
      for (int i = 0; i < maxSteps; i++) {
        double rate = 20 * Math.pow(2, i);
        JsonObject step = measuredStep(engine, stack, rooms, rate, stepWarm, stepWindow);
        steps.add(step);
        if (!step.getBoolean("passed")) {
          stop = step.getString("failure");
          failedAt = rate;
          break;
        }
        best = rate;
      }
      // Doubling only says the limit is between the last two rates: halve that interval twice, so the
      // figure is within an eighth of it.
      for (int i = 0; i < (quick ? 0 : 2) && failedAt > 0 && best > 0; i++) {
        double rate = Math.round((best + failedAt) / 2);
        JsonObject step = measuredStep(engine, stack, rooms, rate, stepWarm, stepWindow).put("refining", true);
        steps.add(step);
        if (step.getBoolean("passed")) best = rate;
        else failedAt = rate;
      }
      r.put("steps", steps).put("highestPassingPostsPerSecond", best).put("stoppedBecause", stop)
          .put("highestPassingDeliveriesPerSecond", best * 500);
      r.put("totals", totals(engine, new LoadEngine.Drain(true, 0, engine.pending.sum(), engine.lost())));
      save("saturate-" + target.name().toLowerCase(), r);
      log("saturate " + target + ": highest passing " + best + " posts/s (" + stop + ")");
    }
  }

  /**
   * On a shared machine one step can fail because of a burst of other work: a failed step is measured once
   * more, and the second measurement decides (both are kept).
   */
  private JsonObject measuredStep(LoadEngine engine, Stack stack, List<LoadEngine.Room> rooms, double rate,
                                  Duration stepWarm, Duration stepWindow) {
    JsonObject step = saturateStep(engine, stack, rooms, rate, stepWarm, stepWindow);
    if (step.getBoolean("passed")) return step;
    log("  step failed; measuring it once more");
    JsonObject again = saturateStep(engine, stack, rooms, rate, stepWarm, stepWindow);
    return again.put("failedFirstAttempt", step);
  }

  private JsonObject saturateStep(LoadEngine engine, Stack stack, List<LoadEngine.Room> rooms, double rate,
                                  Duration stepWarm, Duration stepWindow) {
    long lost0 = engine.lost();
    long gaps0 = engine.gaps.sum();
    long rej0 = engine.rejected.sum();
    engine.startPosting(rooms, rate);
    LoadProc.sleep(stepWarm.toMillis());
    LoadEngine.Window w = engine.window(stepWindow, stack.serverPids(), stack.redisPids());
    LoadEngine.Drain d = engine.drain(Duration.ofSeconds(30));
    stack.checkAlive();
    long lost = engine.lost() - lost0;
    long gaps = engine.gaps.sum() - gaps0;
    long rejected = engine.rejected.sum() - rej0;
    double p99 = ms(w.latency().getValueAtPercentile(99));
    double achieved = w.posts() / w.seconds();
    JsonObject step = new JsonObject().put("postsPerSecond", rate).put("postsSentPerSecond", round(achieved, 1))
        .put("window", window(w)).put("lost", lost).put("gaps", gaps).put("rejected", rejected)
        .put("drainComplete", d.complete()).put("drainMillis", d.millis());
    log(String.format("  %.0f posts/s: sent %.0f/s, %.0f delivered/s, p99 %.1f ms, lost %d, rejected %d, server %.2f cores, others %.2f",
        rate, achieved, w.deliveredPerSecond(), p99, lost, rejected, w.serverCpu() / w.seconds(), w.othersCpu()));
    boolean ok = p99 <= 100 && lost == 0 && gaps == 0 && rejected == 0 && d.complete() && achieved >= 0.9 * rate;
    step.put("passed", ok);
    if (!ok) {
      step.put("failure", p99 > 100 ? "p99 passed 100 ms" : lost > 0 || gaps > 0 || !d.complete() ? "messages lost"
          : rejected > 0 ? "posts refused" : "the tool could not send the offered rate");
    }
    return step;
  }

  private void idle(Target target) throws Exception {
    if (only != null && only != target) return;
    if (target == Target.SOCKETIO && LoadProc.socketIoMissing(project) != null) {
      log("idle on SOCKETIO: skipped, " + LoadProc.socketIoMissing(project) + "; the other targets still run");
      return;
    }
    int workshops = quick ? 50 : 500;
    int per = 20;
    int n = workshops * per;
    log("idle on " + target + ": " + workshops + " x " + per + " = " + n + " idle connections");
    JsonObject r = header("idle", target, 1, workshops, per, 0);
    Stack stack = new Stack(target, 1, "idle", List.of());
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
        stack.nodes.add(LoadProc.server("node1b", project, jar, node.port,
            "redis://127.0.0.1:" + stack.redis.port, stack.dir.resolve("node1b"), serverJvm));
        LoadProc.sleep(quick ? 2_000 : 5_000);
      }
      long pid = stack.serverPids().get(0);
      long[] h0 = heapAfterGc(target, pid);
      long heap0 = h0[0];
      LoadProc.sleep(1_000);
      long rss0 = LoadProc.rssKb(pid);
      t0 = System.nanoTime();
      engine.connect(rooms, 200);
      r.put("setupConnectSeconds", secondsSince(t0));
      LoadProc.sleep(quick ? 3_000 : 10_000);
      long[] h1 = heapAfterGc(target, pid);
      long heap1 = h1[0];
      LoadProc.sleep(1_000);
      long rss1 = LoadProc.rssKb(pid);
      LoadEngine.Window w = engine.window(quick ? Duration.ofSeconds(5) : Duration.ofSeconds(30), stack.serverPids(),
          stack.redisPids());
      long rss2 = LoadProc.rssKb(pid);
      stack.checkAlive();
      r.put("connections", n).put("liveAtEnd", engine.liveClients.sum())
          .put("rssBeforeKb", rss0).put("rssAfterKb", rss1).put("rssAfterIdleWindowKb", rss2)
          .put("heapUsedBeforeKb", heap0).put("heapUsedAfterKb", heap1)
          .put("heapCommittedBeforeKb", h0[1]).put("heapCommittedAfterKb", h1[1])
          .put("rssBytesPerConnection", Math.round((rss1 - rss0) * 1024.0 / n))
          .put("heapBytesPerConnection", heap0 < 0 || heap1 < 0 ? -1 : Math.round((heap1 - heap0) * 1024.0 / n))
          .put("threads", LoadProc.threads(pid))
          .put("idleServerCores", round(w.serverCpu() / w.seconds(), 3))
          .put("idleRedisCores", round(w.redisCpu() / w.seconds(), 3))
          .put("load", new JsonArray(List.of(w.load()[0], w.load()[1], w.load()[2])))
          .put("othersCores", round(w.othersCpu(), 2))
          .put("unexpectedCloses", new JsonObject(new LinkedHashMap<>(engine.closeCounts())));
      save("idle-" + target.name().toLowerCase(), r);
      log(String.format("idle %s: %d connections, RSS %d -> %d kB (%d B each), heap %d -> %d kB (%d B each)",
          target, n, rss0, rss1, r.getLong("rssBytesPerConnection"), heap0, heap1, r.getLong("heapBytesPerConnection")));
    } finally {
      engine.close();
      stack.close();
    }
  }

  /** Java heap used and committed after a full GC (jcmd); node has no jcmd, so {-1, -1} for Socket.IO. */
  private static long[] heapAfterGc(Target target, long pid) {
    return target == Target.SOCKETIO ? new long[] {-1, -1} : LoadProc.heapKbAfterGc(pid);
  }

  private void storm() throws Exception {
    int workshops = 100;
    int per = 20;
    log("storm: " + workshops * per + " clients dropped at once while posting goes on, and resumed");
    try (Stack stack = new Stack(Target.SERVER, 1, "storm", List.of());
         LoadEngine engine = new LoadEngine(stack.ports(), 2)) {
      JsonObject r = header("storm", Target.SERVER, 1, workshops, per, 2);
      List<LoadEngine.Room> rooms = engine.prepare(workshops, per);
      engine.connect(rooms, 200);
      engine.startPosting(rooms, 2);
      LoadProc.sleep(warmup.toMillis());
      long jitter = 1_000;
      engine.latency.getIntervalHistogram();
      long cpu0 = LoadProc.cpuTicks(stack.serverPids());
      long rcpu0 = LoadProc.cpuTicks(stack.redisPids());
      long d0 = engine.deliveredCount.sum();
      LoadEngine.Storm s = engine.storm(jitter, Duration.ofSeconds(60));
      long cpu1 = LoadProc.cpuTicks(stack.serverPids());
      long rcpu1 = LoadProc.cpuTicks(stack.redisPids());
      LoadProc.sleep(5_000);
      LoadEngine.Drain d = engine.drain(Duration.ofSeconds(30));
      Histogram h = engine.latency.getIntervalHistogram();
      stack.checkAlive();
      r.put("clients", s.clients()).put("reconnectJitterMs", jitter).put("allBack", s.allBack())
          .put("allWelcomedMs", s.allWelcomedMs()).put("allCaughtUpMs", s.allCaughtUpMs())
          .put("resumed", s.resumed()).put("notResumed", s.notResumed())
          .put("serverCpuSecondsDuringStorm", round((cpu1 - cpu0) / (double) LoadProc.CLK_TCK, 2))
          .put("redisCpuSecondsDuringStorm", round((rcpu1 - rcpu0) / (double) LoadProc.CLK_TCK, 2))
          .put("deliveredDuringStorm", engine.deliveredCount.sum() - d0)
          .put("latencyFromDropToEnd", latency(h))
          .put("load", new JsonArray(List.of(LoadProc.loadAverage()[0], LoadProc.loadAverage()[1], LoadProc.loadAverage()[2])))
          .put("totals", totals(engine, d));
      save("storm-server", r);
      log(String.format("storm: all %d back in %d ms (caught up %d ms), resumed %d, fresh %d, lost %d, gaps %d",
          s.clients(), s.allWelcomedMs(), s.allCaughtUpMs(), s.resumed(), s.notResumed(), engine.lost(), engine.gaps.sum()));
    }
  }

  private void redisRestart() throws Exception {
    int workshops = 10;
    int per = 20;
    log("redis-restart: " + workshops + " x " + per + " posting; redis-server killed (SIGKILL), restarted 3 s later");
    try (Stack stack = new Stack(Target.SERVER, 1, "redis-restart", List.of());
         LoadEngine engine = new LoadEngine(stack.ports(), 2)) {
      engine.retryErrors = true;
      JsonObject r = header("redis-restart", Target.SERVER, 1, workshops, per, 2);
      List<LoadEngine.Room> rooms = engine.prepare(workshops, per);
      engine.connect(rooms, 200);
      engine.startPosting(rooms, 2);
      LoadProc.sleep(warmup.toMillis());
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
      save("redis-restart-server", r);
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

  /** The steady scenario again with Java Flight Recorder on in the server for the measured window only. */
  private void profile(String name, int workshops, int per, double rate) throws Exception {
    log("profile " + name + " (JFR, settings=profile with 2 ms sampling)");
    Path jfr = work.resolve("profile-" + name + ".jfr").toAbsolutePath();
    Files.deleteIfExists(jfr);
    try (Stack stack = new Stack(Target.SERVER, 1, "profile-" + name, List.of("-XX:+FlightRecorder"));
         LoadEngine engine = new LoadEngine(stack.ports(), 2)) {
      List<LoadEngine.Room> rooms = engine.prepare(workshops, per);
      engine.connect(rooms, 200);
      engine.startPosting(rooms, rate);
      LoadProc.sleep(warmup.toMillis());
      long pid = stack.serverPids().get(0);
      // The "profile" settings, sampling every 2 ms instead of 10 and 20: more samples from a short window.
      String jfc = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"))
          .replaceAll("(<event name=\"jdk\\.(Execution|NativeMethod)Sample\">\\s*<setting name=\"enabled\"[^<]*</setting>\\s*"
              + "<setting name=\"period\"[^>]*>)[^<]*", "$12 ms");
      Path settings = work.resolve("bench-profile.jfc").toAbsolutePath();
      Files.writeString(settings, jfc);
      LoadProc.jcmd(pid, "JFR.start", "name=bench", "settings=" + settings, "filename=" + jfr);
      LoadEngine.Window w = engine.window(window, stack.serverPids(), stack.redisPids());
      LoadProc.jcmd(pid, "JFR.stop", "name=bench");
      engine.drain(Duration.ofSeconds(30));
      stack.checkAlive();
      JsonObject p = LoadProfile.analyze(jfr);
      p.put("scenario", name).put("window", window(w)).put("date", java.time.OffsetDateTime.now().withNano(0).toString())
          .put("command", command);
      Files.writeString(results.resolve("profile-" + name + "-jfr-summary.txt"), LoadProfile.summary(jfr));
      save("profile-" + name, p);
      log("profile " + name + ": " + p.getLong("executionSamples") + " samples");
    }
  }

  // ------------------------------------------------------------------ results

  private JsonObject header(String name, Target target, int nodes, int workshops, int per, double rate) {
    return new JsonObject().put("scenario", name).put("target", target.name().toLowerCase()).put("nodes", nodes)
        .put("workshops", workshops).put("participantsPerWorkshop", per).put("postsPerSecondPerWorkshop", rate)
        .put("date", java.time.OffsetDateTime.now().withNano(0).toString()).put("command", command).put("quick", quick)
        .put("warmupSeconds", warmup.toSeconds()).put("windowSeconds", window.toSeconds())
        .put("serverJvmOptions", target == Target.SERVER ? String.join(" ", serverJvm) : "")
        .put("machine", machine())
        .put("loadAtStart", new JsonArray(List.of(LoadProc.loadAverage()[0], LoadProc.loadAverage()[1],
            LoadProc.loadAverage()[2])));
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
    m.put("redis", LoadProc.redisVersion().replaceAll(".*\\b(v=\\S+).*", "Redis $1"));
    return m;
  }

  private static JsonObject window(LoadEngine.Window w) {
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

  private static JsonObject latency(Histogram h) {
    return new JsonObject().put("count", h.getTotalCount()).put("p50", ms(h.getValueAtPercentile(50)))
        .put("p90", ms(h.getValueAtPercentile(90))).put("p99", ms(h.getValueAtPercentile(99)))
        .put("p999", ms(h.getValueAtPercentile(99.9))).put("max", ms(h.getMaxValue()))
        .put("mean", round(h.getMean() / 1000.0, 3));
  }

  private static JsonObject totals(LoadEngine e, LoadEngine.Drain d) {
    Map<String, Object> errors = new LinkedHashMap<>(e.errorCounts());
    Map<String, Object> closes = new LinkedHashMap<>(e.closeCounts());
    return new JsonObject().put("posts", e.sent.sum()).put("acked", e.acked.sum()).put("rejected", e.rejected.sum())
        .put("unanswered", d.unanswered()).put("expected", e.expected()).put("delivered", e.deliveredCount.sum())
        .put("lost", e.lost()).put("seqGaps", e.gaps.sum()).put("duplicates", e.duplicates.sum())
        .put("errors", new JsonObject(errors)).put("unexpectedCloses", new JsonObject(closes))
        .put("reconnects", e.reconnects.sum()).put("connectFailures", e.connectFailures.sum())
        .put("drainComplete", d.complete()).put("drainMillis", d.millis());
  }

  private void save(String name, JsonObject r) throws IOException {
    Files.writeString(results.resolve(name + ".json"), r.encodePrettily() + "\n");
  }

  private static String summary(JsonObject r) {
    JsonObject w = r.getJsonObject("window");
    JsonObject l = w.getJsonObject("latencyMs");
    JsonObject t = r.getJsonObject("totals");
    return String.format("%s %s: %.0f delivered/s, p50 %.2f p99 %.2f max %.1f ms, lost %d, server %.2f cores = %.1f us/msg,"
            + " redis %.1f us/msg, load %s",
        r.getString("scenario"), r.getString("target"), w.getDouble("deliveredPerSecond"), l.getDouble("p50"),
        l.getDouble("p99"), l.getDouble("max"), t.getLong("lost"), w.getDouble("serverCores"),
        w.getDouble("serverCpuMicrosPerDelivered"), w.getDouble("redisCpuMicrosPerDelivered"), w.getJsonArray("load"));
  }

  static double ms(long micros) { return round(micros / 1000.0, 3); }

  static double round(double v, int places) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return -1;
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }

  private static double secondsSince(long t0) { return round((System.nanoTime() - t0) / 1e9, 1); }

  static void log(String s) {
    System.out.println(LocalTime.now().withNano(0) + " " + s);
    System.out.flush();
  }
}
