package org.commonground.store;

import static io.vertx.redis.client.Command.WAIT;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scripts whose answer is an acknowledgement (create, append) so that, when {@link ReplicaWaits}
 * says so, the write is on its replicas before it is answered: {@code WAIT} follows the script in one
 * batch, so on the same connection (WAIT covers only its own connection's writes; a Cluster client sends
 * the keyless WAIT with the script, to the master of its slot).
 *
 * <p>Only the script's answer is returned. A write the replicas did not confirm in time is still
 * acknowledged (it is on the master, fsynced): refusing it would turn a slow replica into an outage.
 * It is counted ({@link ReplicaWaits#unconfirmed()}) and logged once per episode.
 */
final class ReplicatedWrites {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicatedWrites.class);

  private final Redis redis;
  private final ReplicaWaits waits;

  ReplicatedWrites(Redis redis, ReplicaWaits waits) {
    this.redis = redis;
    this.waits = waits;
  }

  Future<Response> run(Script script, List<String> keys, List<String> args) {
    if (!waits.shouldWait(now())) return script.run(redis, keys, args);
    Request wait = Request.cmd(WAIT).arg(waits.replicas()).arg(waits.timeoutMs());
    return script.runThen(redis, keys, args, wait).andThen(ar -> {
      if (ar.failed()) {
        waits.failed(now());
        return;
      }
      int reached = ar.result().get(1).toInteger();
      if (waits.answered(reached, now())) {
        LOG.warn("a write was acknowledged with {} of the {} replicas asked for within {} ms; writes stop "
            + "waiting for replicas for a few seconds, then try again (counted in "
            + "cg_redis_unconfirmed_writes_total)", reached, waits.replicas(), waits.timeoutMs());
      }
    }).map(rs -> rs.get(0));
  }

  private static long now() { return System.nanoTime() / 1_000_000; }
}
