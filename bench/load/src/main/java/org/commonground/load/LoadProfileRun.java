package org.commonground.load;

import static org.commonground.load.LoadBench.log;
import static org.commonground.load.LoadResults.window;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.commonground.load.LoadBench.Target;

/** The profile scenarios; {@link LoadProfile} reads the recordings. */
final class LoadProfileRun {
  private LoadProfileRun() {}

  /** The steady scenario again with Java Flight Recorder on in the server for the measured window only. */
  static void run(LoadBench bench, String name, int workshops, int per, double rate) throws Exception {
    log("profile " + name + " (JFR, settings=profile with 2 ms sampling)");
    Path jfr = bench.work.resolve("profile-" + name + ".jfr").toAbsolutePath();
    Files.deleteIfExists(jfr);
    try (LoadStack stack = new LoadStack(bench, Target.SERVER, 1, "profile-" + name, List.of("-XX:+FlightRecorder"));
         LoadEngine engine = new LoadEngine(stack.ports(), 2)) {
      List<LoadEngine.Room> rooms = engine.prepare(workshops, per);
      engine.connect(rooms, 200);
      engine.startPosting(rooms, rate);
      LoadProc.sleep(bench.warmup.toMillis());
      long pid = stack.serverPids().get(0);
      // The "profile" settings, sampling every 2 ms instead of 10 and 20: more samples from a short window.
      String jfc = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"))
          .replaceAll("(<event name=\"jdk\\.(Execution|NativeMethod)Sample\">\\s*<setting name=\"enabled\"[^<]*</setting>\\s*"
              + "<setting name=\"period\"[^>]*>)[^<]*", "$12 ms");
      Path settings = bench.work.resolve("bench-profile.jfc").toAbsolutePath();
      Files.writeString(settings, jfc);
      LoadProcStats.jcmd(pid, "JFR.start", "name=bench", "settings=" + settings, "filename=" + jfr);
      LoadWindow w = engine.window(bench.window, stack.serverPids(), stack.redisPids());
      LoadProcStats.jcmd(pid, "JFR.stop", "name=bench");
      engine.drain(Duration.ofSeconds(30));
      stack.checkAlive();
      JsonObject p = LoadProfile.analyze(jfr);
      p.put("scenario", name).put("window", window(w)).put("date", java.time.OffsetDateTime.now().withNano(0).toString())
          .put("command", bench.command);
      Files.writeString(bench.results.resolve("profile-" + name + "-jfr-summary.txt"), LoadProfile.summary(jfr));
      bench.save("profile-" + name, p);
      log("profile " + name + ": " + p.getLong("executionSamples") + " samples");
    }
  }
}
