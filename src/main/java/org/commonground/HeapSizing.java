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
 * at most 20% free brings that under 30 KB. Both flags are "manageable", so they are set here at start-up
 * and the start command stays a plain {@code java -jar}; whatever an operator sets on the command line wins.
 */
final class HeapSizing {
  private static final Logger LOG = LoggerFactory.getLogger(HeapSizing.class);

  static final String MIN_FREE = "10";
  static final String MAX_FREE = "20";

  private HeapSizing() {}

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
    } catch (RuntimeException e) {
      // Another JVM, or flags it does not have: the defaults only cost memory, never correctness.
      LOG.debug("heap free ratios left as they were: {}", e.toString());
    }
  }
}
