package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.store.StoreFixtures.body;
import static org.commonground.store.StoreFixtures.firstBody;
import static org.commonground.store.StoreFixtures.joinCode;
import static org.commonground.store.StoreFixtures.seqsOf;
import static org.commonground.store.StoreFixtures.xsOf;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.commonground.store.AppendResult.Appended;
import org.commonground.store.AppendResult.Duplicate;
import org.commonground.store.AppendResult.Stale;
import org.commonground.support.Await;
import org.commonground.support.LiveRedis;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes (two Vert.x instances, two Redis clients, two stores) append to one workshop at the same time,
 * each deciding optimistically against the seq it last saw, as the hub does. The log must serialise them.
 */
@ExtendWith(VertxExtension.class)
class ConcurrentAppendTest {
  static final int N = 300;
  @RegisterExtension
  static final LiveRedis redis = new LiveRedis();

  /** One writer: appends {@code name-0 .. name-(n-1)} one at a time, retrying each on Stale with the seq it got. */
  static final class Writer {
    final String name;
    final WorkshopStore store;
    final String workshopId;
    final AtomicInteger stale = new AtomicInteger();
    final List<Long> seqs = new ArrayList<>();

    Writer(String name, WorkshopStore store, String workshopId) {
      this.name = name;
      this.store = store;
      this.workshopId = workshopId;
    }

    Future<Void> run(Vertx vertx, int n) {
      Promise<Void> done = Promise.promise();
      vertx.runOnContext(v -> next(0, 1, n, done));
      return done.future();
    }

    private void next(int i, long expected, int n, Promise<Void> done) {
      if (i == n) {
        done.complete();
        return;
      }
      String ref = name + "-" + i;
      store.append(workshopId, expected, name, ref, "{}", List.of(body(ref)), List.of()).onComplete(ar -> {
        if (ar.failed()) {
          done.fail(ar.cause());
        } else if (ar.result() instanceof Appended a) {
          seqs.add(a.lastSeq());
          next(i + 1, a.lastSeq(), n, done);
        } else if (ar.result() instanceof Stale s) {
          stale.incrementAndGet();
          next(i, s.currentSeq(), n, done);
        } else if (ar.result() instanceof Duplicate d) {
          done.fail(new AssertionError(ref + " answered Duplicate " + d + ": a refused append kept its ref"));
        }
      });
    }
  }

  @Test
  @DisplayName("concurrent optimistic appends from two nodes: seqs 1..2N+1, no gap, no duplicate, every body once, heard in order")
  void twoNodes(Vertx vertxA, VertxTestContext testContext) throws InterruptedException {
    Vertx vertxB = Vertx.vertx();
    Redis clientA = StoreFixtures.client(vertxA, redis.url());
    Redis clientB = StoreFixtures.client(vertxB, redis.url());
    Subscriber subscriber = null;
    try {
      RedisWorkshopStore storeA = StoreFixtures.store(clientA);
      RedisWorkshopStore storeB = StoreFixtures.store(clientB);
      String w = Ids.workshopId();
      Await.of(storeA.create(w, joinCode(), "e", firstBody(), List.of()));

      // a third node listens: it must hear all 2N events once each, in seq order
      Checkpoint heard = testContext.checkpoint(2 * N);
      AtomicLong lastHeard = new AtomicLong(1);
      subscriber = StoreFixtures.subscriber(vertxB, redis.url(), new Subscriber.Listener() {
        @Override
        public void onMessage(String workshopId, String message) {
          testContext.verify(() -> {
            assertThat(StoreFixtures.seqOf(message)).isEqualTo(lastHeard.get() + 1);
            lastHeard.incrementAndGet();
            heard.flag();
          });
        }

        @Override
        public void onResubscribed() {}
      });
      Await.of(subscriber.start());
      Await.of(subscriber.subscribe(w));

      Writer a = new Writer("A", storeA, w);
      Writer b = new Writer("B", storeB, w);
      Future<Void> runA = a.run(vertxA, N);
      Future<Void> runB = b.run(vertxB, N);
      Await.of(Future.all(runA, runB), Duration.ofSeconds(90));

      long last = 2L * N + 1;
      List<String> log = Await.of(storeB.range(w, 1, last + 100, 10 * N));
      assertThat(seqsOf(log)).containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
      assertThat(Await.of(storeA.seq(w))).isEqualTo(last);

      List<String> xs = xsOf(log);
      List<String> expected = new ArrayList<>();
      expected.add("created");
      for (int i = 0; i < N; i++) {
        expected.add("A-" + i);
        expected.add("B-" + i);
      }
      assertThat(xs).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
      // each writer's own events keep its order, at the seqs it was told
      assertThat(xs.stream().filter(x -> x.startsWith("A-")).toList())
          .containsExactlyElementsOf(expected.stream().filter(x -> x.startsWith("A-")).toList());
      assertThat(xs.stream().filter(x -> x.startsWith("B-")).toList())
          .containsExactlyElementsOf(expected.stream().filter(x -> x.startsWith("B-")).toList());
      for (int i = 0; i < N; i++) {
        assertThat(xs.get(a.seqs.get(i).intValue() - 1)).isEqualTo("A-" + i);
        assertThat(xs.get(b.seqs.get(i).intValue() - 1)).isEqualTo("B-" + i);
      }
      // and each append's answer was remembered under its ref
      assertThat(Await.of(storeA.answerOf(w, "B", "B-0"))).contains(StoredAnswer.ack(b.seqs.get(0), "{}"));
      System.out.printf("two writers x %d appends: %d + %d stale retries%n", N, a.stale.get(), b.stale.get());
      assertThat(testContext.awaitCompletion(30, TimeUnit.SECONDS)).as("all %d events heard", 2 * N).isTrue();
    } finally {
      if (subscriber != null) Await.of(subscriber.close());
      clientA.close();
      clientB.close();
      Await.of(vertxB.close());
    }
  }
}
