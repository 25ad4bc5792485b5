package org.commonground;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the heap the JVM keeps follow the heap in use. By default G1 keeps up to 70% of its heap free
 * after a collection, so a node that once held many connections keeps their memory long after they are
 * gone (measured: 43-48 KB per idle connection against 18 KB of live heap; see docs/performance.md). Keeping
 * at most 20% free brings that under 30 KB. Both flags are "manageable", so they are set here at start-up;
 * whatever an operator sets on the command line wins.
 *
 * <p>How large the heap may grow cannot be set from inside: that is {@code -Xmx} in {@code config/jvm.options},
 * which the start command reads ({@link #summary} says in the start banner when a node was started without it).
 * That file also sets a floor ({@code -Xms}): keeping so little free would otherwise let a busy node's heap be
 * squeezed around its live data, where G1 collects young garbage twice a second and marks without end.
 */
final class HeapSizing {
  private static final Logger LOG = LoggerFactory.getLogger(HeapSizing.class);

  static final String MIN_FREE = "10";
  static final String MAX_FREE = "20";

  /**
   * An idle node runs a collection this often (ms) when none has run for that long, giving back what its
   * last busy spell left committed; a busy node collects far more often and never sees it.
   */
  static final String IDLE_COLLECTION_MS = "300000";

  private HeapSizing() {}

  /**
   * Once start-up is over: one full collection, so the heap the JVM keeps starts from what a started node
   * holds (a few tens of MB) rather than from everything start-up allocated on the way (class loading,
   * configuration, the Redis handshake), which would otherwise stay committed until load came and went.
   */
  static void settle() {
    System.gc();
  }

  /** The banner's line on memory: the heap's bound, and what to do if nobody chose it. */
  static String summary() {
    long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    boolean chosen;
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      VMOption.Origin origin = vm == null ? VMOption.Origin.OTHER : vm.getVMOption("MaxHeapSize").getOrigin();
      chosen = origin != VMOption.Origin.ERGONOMIC && origin != VMOption.Origin.DEFAULT;
    } catch (RuntimeException e) {
      chosen = true;
    }
    return chosen ? "Java heap up to " + mb + " MB"
        : "Java heap up to " + mb + " MB, the JVM's guess from this machine's memory: start with\n"
            + "           java @config/jvm.options -jar target/common-ground.jar to size it (docs/operations.md)";
  }

  static void apply() {
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (vm == null) return;
      VMOption min = vm.getVMOption("MinHeapFreeRatio");
      VMOption max = vm.getVMOption("MaxHeapFreeRatio");
      if (min.getOrigin() != VMOption.Origin.DEFAULT || max.getOrigin() != VMOption.Origin.DEFAULT) return;
      // The minimum first: the JVM refuses a maximum below the current minimum (40 by default).
      vm.setVMOption("MinHeapFreeRatio", MIN_FREE);
      vm.setVMOption("MaxHeapFreeRatio", MAX_FREE);
      if (vm.getVMOption("G1PeriodicGCInterval").getOrigin() == VMOption.Origin.DEFAULT) {
        vm.setVMOption("G1PeriodicGCInterval", IDLE_COLLECTION_MS);
      }
    } catch (RuntimeException e) {
      // Another JVM, or flags it does not have: the defaults only cost memory, never correctness.
      LOG.debug("heap free ratios left as they were: {}", e.toString());
    }
  }
}
