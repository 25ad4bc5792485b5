package org.commonground.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** What happened in one measured window, and the measuring of it. */
record LoadWindow(double seconds, Histogram latency, long delivered, long posts, long acks, double serverCpu,
                  double redisCpu, double toolCpu, double othersCpu, double[] load, long serverRssKb,
                  List<Long> serverRssEachKb, long rejected, double serverUserCpu, double serverSystemCpu,
                  Map<String, Double> serverThreadCpu) {
  double deliveredPerSecond() { return delivered / seconds; }

  double serverCpuMicrosPerDelivered() { return delivered == 0 ? Double.NaN : serverCpu * 1e6 / delivered; }

  double redisCpuMicrosPerDelivered() { return delivered == 0 ? Double.NaN : redisCpu * 1e6 / delivered; }

  /** Measures a window of {@code duration}: deliveries, latencies, and the CPU of the given processes. */
  static LoadWindow measure(LoadEngine e, Duration duration, List<Long> serverPids, List<Long> redisPids) {
    e.latency.getIntervalHistogram(); // forget what came before the window
    Reading before = read(e, serverPids, redisPids);
    LoadProc.sleep(duration.toMillis());
    Histogram h = e.latency.getIntervalHistogram();
    Reading after = read(e, serverPids, redisPids);
    double secs = (after.nanos - before.nanos) / 1e9;
    double tick = LoadProcStats.CLK_TCK;
    double ours = (after.serverTicks - before.serverTicks) + (after.redisTicks - before.redisTicks)
        + (after.toolTicks - before.toolTicks);
    double others = Math.max(0, (after.machineTicks - before.machineTicks) - ours) / tick / secs;
    List<Long> rss = new ArrayList<>();
    long rssSum = 0;
    for (long pid : serverPids) {
      long kb = LoadProcStats.rssKb(pid);
      rss.add(kb);
      rssSum += kb;
    }
    return new LoadWindow(secs, h, after.delivered - before.delivered, after.sent - before.sent,
        after.acked - before.acked, (after.serverTicks - before.serverTicks) / tick,
        (after.redisTicks - before.redisTicks) / tick, (after.toolTicks - before.toolTicks) / tick, others,
        LoadProcStats.loadAverage(), rssSum, rss, after.rejected - before.rejected,
        (after.userSystem[0] - before.userSystem[0]) / tick, (after.userSystem[1] - before.userSystem[1]) / tick,
        threadSeconds(before.threads, after.threads, tick));
  }

  /** The counters and CPU clocks a window subtracts: one reading at its start, one at its end. */
  private record Reading(long nanos, long delivered, long sent, long acked, long rejected, long serverTicks,
                         long redisTicks, long toolTicks, long machineTicks, long[] userSystem,
                         Map<String, Long> threads) {}

  private static Reading read(LoadEngine e, List<Long> serverPids, List<Long> redisPids) {
    return new Reading(System.nanoTime(), e.deliveredCount.sum(), e.sent.sum(), e.acked.sum(), e.rejected.sum(),
        LoadProcStats.cpuTicks(serverPids), LoadProcStats.cpuTicks(redisPids),
        LoadProcStats.cpuTicks(ProcessHandle.current().pid()), LoadProcStats.machineBusyTicks(), userSystem(serverPids),
        threads(serverPids));
  }

  private static long[] userSystem(List<Long> pids) {
    long[] sum = new long[2];
    for (long pid : pids) {
      long[] us = LoadProcStats.userSystemTicks(pid);
      sum[0] += Math.max(0, us[0]);
      sum[1] += Math.max(0, us[1]);
    }
    return sum;
  }

  private static Map<String, Long> threads(List<Long> pids) {
    Map<String, Long> m = new TreeMap<>();
    for (long pid : pids) LoadProcStats.threadTicks(pid).forEach((k, v) -> m.merge(k, v, Long::sum));
    return m;
  }

  /** CPU seconds per kind of thread in the window, largest first. */
  private static Map<String, Double> threadSeconds(Map<String, Long> before, Map<String, Long> after, double tick) {
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / tick))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }
}
