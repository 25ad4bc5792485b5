package org.commonground.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

/** What every smoke test of a target asks of a short run: posting starts, nothing is lost, the figures are read. */
final class SmokeRun {
  private SmokeRun() { }

  /**
   * Posts in {@code rooms} (connected already), measures a 3 s window once a first post is in (a fresh process
   * on a busy machine can take seconds over its first posts), drains, and checks what the benchmark relies on.
   */
  static LoadWindow postAndCheck(LoadEngine engine, List<LoadEngine.Room> rooms, long nodePid, long redisPid) {
    engine.startPosting(rooms, 4);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (engine.deliveredCount.sum() == 0) {
      assertThat(System.nanoTime()).as("a first post delivered within 60 s").isLessThan(deadline);
      LoadProc.sleep(50);
    }
    LoadWindow w = engine.window(Duration.ofSeconds(3), List.of(nodePid), List.of(redisPid));
    LoadEngine.Drain d = engine.drain(Duration.ofSeconds(15));

    assertThat(d.complete()).as("every post answered and delivered: %s", d).isTrue();
    assertThat(engine.acked.sum()).as("posts acknowledged").isGreaterThan(0);
    assertThat(engine.rejected.sum()).as("posts refused: %s", engine.errorCounts()).isZero();
    assertThat(engine.lost()).as("lost").isZero();
    assertThat(engine.gaps.sum()).as("seq gaps").isZero();
    assertThat(engine.duplicates.sum()).as("duplicates").isZero();
    assertThat(w.latency().getTotalCount()).as("latencies recorded in the window").isGreaterThan(0);
    assertThat(w.delivered()).isEqualTo(w.latency().getTotalCount());
    assertThat(w.serverCpu()).as("the node process's CPU read from /proc").isGreaterThan(0);
    return w;
  }
}
