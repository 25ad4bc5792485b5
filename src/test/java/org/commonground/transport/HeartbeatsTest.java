package org.commonground.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HeartbeatsTest {
  static final long IDLE_MS = 30_000;

  /** A socket as the sweep sees it: when it was last heard and pinged, and what the sweep did to it. */
  static final class Socket implements Heartbeats.Beating {
    final Heartbeats beats;
    long heard;
    long pinged;
    final List<Long> pings = new ArrayList<>();
    boolean closed;

    Socket(Heartbeats beats, long now) {
      this.beats = beats;
      heard = now;
      pinged = now;
      beats.add(this);
    }

    @Override public long lastHeard() { return heard; }
    @Override public long lastPinged() { return pinged; }
    @Override public void ping(long now) { pinged = now; pings.add(now); }
    @Override public void idleClose() { closed = true; beats.remove(this); }
  }

  @Test
  @DisplayName("each socket is pinged once a ping interval (a third of the idle timeout) after its last ping")
  void pingsEachInterval() {
    Heartbeats beats = new Heartbeats(IDLE_MS, IDLE_MS / 3);
    Socket early = new Socket(beats, 0);
    Socket late = new Socket(beats, 4_000);
    for (long t = 1_000; t <= 25_000; t += 1_000) {
      early.heard = t;
      late.heard = t;
      beats.sweep(t);
    }
    assertThat(early.pings).containsExactly(10_000L, 20_000L);
    assertThat(late.pings).as("pings stay spread, not all on one sweep").containsExactly(14_000L, 24_000L);
  }

  @Test
  @DisplayName("a socket heard of in no way (not even a pong) for the idle timeout is closed and forgotten; others stay")
  void idleClosed() {
    Heartbeats beats = new Heartbeats(IDLE_MS, IDLE_MS / 3);
    Socket silent = new Socket(beats, 0);
    Socket talking = new Socket(beats, 0);
    for (long t = 1_000; t <= 31_000; t += 1_000) {
      talking.heard = t;
      beats.sweep(t);
    }
    assertThat(silent.closed).isTrue();
    assertThat(talking.closed).isFalse();
    assertThat(beats.size()).isEqualTo(1);
  }
}
