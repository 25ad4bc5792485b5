package org.commonground.load;

import static org.commonground.load.LoadReport.fmt;
import static org.commonground.load.LoadReport.load;
import static org.commonground.load.LoadReport.read;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The JFR profiles, where the profile scenarios ran; LoadProfile made the figures. */
final class LoadReportProfiles {
  private LoadReportProfiles() {}

  static void profiles(StringBuilder s, Path results) throws IOException {
    boolean anyProfile = false;
    for (String sc : List.of("plenary", "rooms")) {
      JsonObject p = read(results, "profile-" + sc);
      if (p == null) continue;
      if (!anyProfile) {
        s.append("The profiles: the same scenario again, the server started with `-XX:+FlightRecorder` and a recording ")
            .append("started by `jcmd <pid> JFR.start settings=<profile.jfc with 2 ms sampling>` for the measured window only ")
            .append("(then `JFR.stop`); `jfr summary` of each is in `bench/results/profile-*-jfr-summary.txt`. JDK 17's ")
            .append("sampler only records threads that are running Java code, so time in the kernel (socket writes) ")
            .append("appears as native samples, listed separately.\n\n");
        anyProfile = true;
      }
      JsonObject w = p.getJsonObject("window");
      s.append("### Profile: ").append(sc).append(" (JFR, settings=profile, ").append(p.getLong("executionSamples"))
          .append(" CPU samples in the ").append(fmt(w.getDouble("seconds"))).append(" s window; server ")
          .append(fmt(w.getDouble("serverCores"))).append(" cores, ").append(fmt(w.getDouble("serverCpuMicrosPerDelivered")))
          .append(" µs/msg with the recorder on; load ").append(load(w.getJsonArray("load"))).append(")\n\n");
      s.append("Where the samples are, by layer (first recognisable frame from the top of each stack):\n\n");
      s.append(list(p.getJsonArray("layers"), 12));
      s.append("\nHottest methods (self, top of stack):\n\n");
      s.append(list(p.getJsonArray("topSelf"), 15));
      s.append("\nThe project's methods by inclusive share of samples:\n\n");
      s.append(list(p.getJsonArray("projectMethodsInclusive"), 15));
      if (p.containsKey("topNativeNotWaiting")) {
        s.append("\nSamples of threads in native code and not waiting (").append(p.getLong("nativeSamplesNotWaiting"))
            .append(", beside the ").append(p.getLong("executionSamples")).append(" in Java): system calls, mostly socket I/O:\n\n");
        s.append(list(p.getJsonArray("topNativeNotWaiting"), 6));
      }
      JsonObject gc = p.getJsonObject("gc");
      s.append("\nGarbage collection in the window: collections ").append(gc.getLong("collections")).append(", ")
          .append(gc.getLong("pauseMsTotal")).append(" ms of pauses. Allocation (sampled weight ")
          .append(p.getLong("allocationBytesSampled") / (1024 * 1024)).append(" MiB), by class @ first project frame:\n\n");
      s.append(list(p.getJsonArray("topAllocations"), 10));
      s.append("\n");
    }
  }

  private static String list(JsonArray a, int n) {
    StringBuilder s = new StringBuilder();
    int i = 0;
    for (Object o : a) {
      if (i++ >= n) break;
      JsonObject e = (JsonObject) o;
      s.append("- ").append(fmt(e.getDouble("percent"))).append("% `").append(e.getString("name")).append("`\n");
    }
    return s.toString();
  }
}
