package org.commonground.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.commonground.hub.live.SharedRead;
import org.commonground.protocol.SequencedEvent;
import org.commonground.store.WorkshopStore;

/**
 * Reads a replica's missing events from the log: everything after its seq, a batch at a time, handed to
 * the replica in order. Concurrent callers share one read ({@link SharedRead}). A read that fails (Redis
 * away) is tried again every second while {@code worthRetrying} says so, so a replica never stays behind
 * once Redis is back (events past a gap, and acks held for events not applied yet, wait on it).
 * On the workshop's context.
 */
final class CatchUp {
  private static final int RANGE_BATCH = 1_000;
  private static final long RETRY_MS = 1_000;

  private final String id;
  private final Context context;
  private final WorkshopStore store;
  private final LongSupplier seq;
  private final Consumer<SequencedEvent> offer;
  private final BooleanSupplier worthRetrying;
  private final SharedRead reads = new SharedRead(this::read);
  private final OneTimer retry;

  CatchUp(String id, Context context, WorkshopStore store, LongSupplier seq, Consumer<SequencedEvent> offer,
          BooleanSupplier worthRetrying) {
    this.id = id;
    this.context = context;
    this.store = store;
    this.seq = seq;
    this.offer = offer;
    this.worthRetrying = worthRetrying;
    this.retry = new OneTimer(context.owner());
  }

  Future<Void> start() {
    Future<Void> reading = reads.start();
    reading.onFailure(err -> {
      if (worthRetrying.getAsBoolean()) retry.set(RETRY_MS, this::start);
    });
    return reading;
  }

  private Future<Void> read() {
    return Contexts.on(context, store.range(id, seq.getAsLong() + 1, Long.MAX_VALUE - 1, RANGE_BATCH)).compose(records -> {
      for (String r : records) offer.accept(SequencedEvent.parse(r));
      return records.size() == RANGE_BATCH ? read() : Future.<Void>succeededFuture();
    });
  }
}
