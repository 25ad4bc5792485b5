package org.commonground.hub.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SharedReadTest {
  private final Deque<Future<Void>> answers = new ArrayDeque<>();
  private int reads;
  private final SharedRead read = new SharedRead(() -> {
    reads++;
    return answers.poll();
  });

  @Test
  @DisplayName("callers while a read is under way share it; the next one after it reads again")
  void shared() {
    Promise<Void> first = Promise.promise();
    answers.add(first.future());
    answers.add(Future.succeededFuture());

    Future<Void> a = read.start();
    Future<Void> b = read.start();
    assertThat(b).isSameAs(a);
    assertThat(reads).isEqualTo(1);
    first.complete();
    assertThat(read.start().succeeded()).isTrue();
    assertThat(reads).isEqualTo(2);
  }

  @Test
  @DisplayName("a read that failed at once (Redis away) is never handed out again: the next catch-up reads "
      + "the log, so the replica does not stay behind for good (2ad92a2)")
  void failedAtOnceIsNotShared() {
    answers.add(Future.failedFuture("connection closed"));
    answers.add(Future.succeededFuture());

    assertThat(read.start().failed()).isTrue();
    Future<Void> again = read.start();
    assertThat(reads).isEqualTo(2);
    assertThat(again.succeeded()).isTrue();
  }
}
