package org.commonground.load;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark: starts what it measures (redis-server, the server jar, the bare baseline) as separate
 * processes on 127.0.0.1, drives them with {@link LoadEngine}, writes one JSON result per scenario and
 * target to {@code bench/results/}, and renders the "Load benchmark" section of docs/performance.md.
 * This class reads the command line and picks the scenarios ({@link LoadSteady}, {@link LoadSaturate},
 * {@link LoadIdle}, {@link LoadStorm}, {@link LoadRedisRestart}, {@link LoadProfileRun}); {@link LoadStack}
 * holds the processes, {@link LoadResults} shapes the JSON.
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

  final Path project;
  final Path jar;
  final Path results;
  final Path work;
  final boolean quick;
  final Duration warmup;
  final Duration window;
  final String command;
  /** Extra JVM options for the server processes (--server-jvm=a,b); the bare baseline gets none. */
  List<String> serverJvm = List.of();
  /** Only this target (--only=server, bare or socketio); null: all. */
  Target only;
  /**
   * How many times rooms, rooms-20s and plenary measure each target, interleaved (server, bare, Socket.IO, then again):
   * this machine's speed drifts by a quarter between runs minutes apart, for the targets' code and Redis alike,
   * so one run each can put any of them ahead. Each target's median round is kept, with all rounds beside it.
   */
  int rounds;

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
            + " --warmup=SECONDS, --window=SECONDS, --rounds=N (rooms, rooms-20s, plenary; 3), --server-jvm=OPT,OPT,"
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
      case "rooms" -> LoadSteady.inRounds(this, "rooms", EVERY_TARGET, 100, 20, 2, warmup);
      // A node restarted into a live workshop serves it at once: the JIT has had only 20 s.
      case "rooms-20s" -> LoadSteady.inRounds(this, "rooms-20s", List.of(Target.SERVER, Target.BARE), 100, 20, 2,
          Duration.ofSeconds(quick ? 3 : 20));
      case "plenary" -> LoadSteady.inRounds(this, "plenary", EVERY_TARGET, 1, 500, 20, warmup);
      case "two-nodes" -> LoadSteady.steady(this, "two-nodes", Target.SERVER, 2, 100, 20, 2);
      case "saturate" -> {
        LoadSaturate.run(this, Target.SERVER);
        LoadSaturate.run(this, Target.BARE);
      }
      case "idle" -> {
        LoadIdle.run(this, Target.SERVER);
        LoadIdle.run(this, Target.BARE);
        LoadIdle.run(this, Target.SOCKETIO);
      }
      case "storm" -> LoadStorm.run(this);
      case "redis-restart" -> LoadRedisRestart.run(this);
      case "profile" -> {
        LoadProfileRun.run(this, "plenary", 1, 500, 20);
        LoadProfileRun.run(this, "rooms", 100, 20, 2);
      }
      case "profile-plenary" -> LoadProfileRun.run(this, "plenary", 1, 500, 20);
      case "profile-rooms" -> LoadProfileRun.run(this, "rooms", 100, 20, 2);
      default -> throw new IllegalArgumentException(scenario);
    }
  }

  // ------------------------------------------------------------------ what runs

  /** The server; the bare Vert.x baseline; Socket.IO 4 with its Redis adapter (bench/socketio), where node runs. */
  enum Target { SERVER, BARE, SOCKETIO }

  private static final List<Target> EVERY_TARGET = List.of(Target.SERVER, Target.BARE, Target.SOCKETIO);

  void save(String name, JsonObject r) throws IOException {
    Files.writeString(results.resolve(name + ".json"), r.encodePrettily() + "\n");
  }

  static double ms(long micros) { return round(micros / 1000.0, 3); }

  static double round(double v, int places) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return -1;
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }

  static void log(String s) {
    System.out.println(LocalTime.now().withNano(0) + " " + s);
    System.out.flush();
  }
}
