package org.commonground.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.List;

/** Owns nothing but its context: the hub pins workshops to these, one per event loop. */
public final class ShardVerticle extends VerticleBase {
  private final List<Context> sink;

  public ShardVerticle(List<Context> sink) { this.sink = sink; }

  @Override
  public Future<?> start() {
    synchronized (sink) {
      sink.add(context);
    }
    return Future.succeededFuture();
  }
}
