package org.commonground.hub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The hub's meters, named as /metrics shows them. */
public final class HubMetrics {
  private final Counter appended;
  private final Counter delivered;
  private final Counter slowDropped;
  private final Timer latency;
  private final AtomicInteger connections = new AtomicInteger();
  private final MeterRegistry registry;

  public HubMetrics(MeterRegistry registry) {
    this.registry = registry;
    appended = Counter.builder("cg.events.appended").description("events this node appended").register(registry);
    delivered = Counter.builder("cg.frames.delivered").description("frames written to sockets").register(registry);
    slowDropped = Counter.builder("cg.slow.consumers.dropped")
        .description("connections closed because their write queue passed its bound").register(registry);
    latency = Timer.builder("cg.delivery.latency")
        .description("from an event's decision to its delivery to this node's sockets")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
    Gauge.builder("cg.connections", connections, AtomicInteger::get).description("open WebSocket connections")
        .register(registry);
  }

  /** Counts the hub's live workshops; the hub registers itself once it exists (no construction cycle). */
  void liveWorkshops(Supplier<Number> count) {
    Gauge.builder("cg.workshops.live", count).description("workshops live on this node").register(registry);
  }

  public static HubMetrics noop() {
    return new HubMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  void appended(int n) { appended.increment(n); }
  void framesDelivered(int n) { if (n > 0) delivered.increment(n); }
  void slowConsumerDropped() { slowDropped.increment(); }
  void deliveredAfter(long eventTs, long now) { latency.record(Duration.ofMillis(Math.max(0, now - eventTs))); }
  public void connectionOpened() { connections.incrementAndGet(); }
  public void connectionClosed() { connections.decrementAndGet(); }
}
