package org.commonground.hub;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Brings a future's completion onto a given context. Redis futures complete on whatever context made
 * the request or owns the connection; state that belongs to one event loop (a live workshop, a socket
 * session) is only ever touched from continuations hopped back here.
 */
public final class Contexts {
  private Contexts() {}

  public static <T> Future<T> on(Context context, Future<T> f) {
    Promise<T> p = Promise.promise();
    f.onComplete(ar -> {
      if (Vertx.currentContext() == context) {
        p.handle(ar);
      } else {
        context.runOnContext(v -> p.handle(ar));
      }
    });
    return p.future();
  }

  /** The caller's context, to hop back to; null off Vert.x threads (tests), where no hop is needed. */
  public static <T> Future<T> back(Context caller, Future<T> f) {
    return caller == null ? f : on(caller, f);
  }
}
