package org.commonground;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HeapSizingTest {
  @Test
  @DisplayName("a node started with a plain java -jar keeps at most 20% of its heap free, so idle memory follows the heap in use")
  void freeRatiosSet() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    boolean givenOnCommandLine = vm.getVMOption("MaxHeapFreeRatio").getOrigin()
        != com.sun.management.VMOption.Origin.DEFAULT;

    HeapSizing.apply();

    if (!givenOnCommandLine) {
      assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(HeapSizing.MIN_FREE);
      assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(HeapSizing.MAX_FREE);
    }
  }

  @Test
  @DisplayName("the start banner says how large the heap may grow, and how to size it when nobody chose")
  void bannerSaysTheHeapBound() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    com.sun.management.VMOption.Origin origin = vm.getVMOption("MaxHeapSize").getOrigin();
    boolean chosen = origin != com.sun.management.VMOption.Origin.ERGONOMIC
        && origin != com.sun.management.VMOption.Origin.DEFAULT;
    String line = HeapSizing.summary();
    assertThat(line).startsWith("Java heap up to " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    if (!chosen) assertThat(line).contains("java @config/jvm.options -jar");
    assertThat(Main.banner(org.commonground.config.AppConfig.defaults(), 8080, 9464, "redis://127.0.0.1:1"))
        .contains("Memory:  " + line);
  }
}
