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
}
