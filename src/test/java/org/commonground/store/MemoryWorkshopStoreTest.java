package org.commonground.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.commonground.support.Await;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The store's contract in memory, and what it publishes. */
class MemoryWorkshopStoreTest extends WorkshopStoreContract {
  private final List<String> heard = new ArrayList<>();
  private long now = 1_000_000;

  @BeforeEach
  void create() {
    MemoryWorkshopStore memory = new MemoryWorkshopStore(() -> now);
    memory.listen((w, message) -> heard.add(message));
    store = memory;
  }

  @Test
  @DisplayName("an append publishes its events in seq order, with their words; a purge says so")
  void publishes() {
    String w = created();
    append(w, 1, "p", "r1", "a", "b");
    assertThat(StoreFixtures.seqsOf(heard)).containsExactly(2L, 3L);
    Await.of(store.purge(w, null));
    assertThat(heard).last().isEqualTo(WorkshopStore.PURGED_MESSAGE);
    assertThat(Await.of(store.epoch(w))).isEmpty();
  }

  @Test
  @DisplayName("after a counting window has passed, counting starts again at 1")
  void windowExpires() {
    assertThat(Await.of(store.countFailedJoin("a", 1))[0]).isEqualTo(1);
    assertThat(Await.of(store.countFailedJoin("a", 1))[0]).isEqualTo(2);
    now += 1_000;
    assertThat(Await.of(store.countFailedJoin("a", 1))[0]).isEqualTo(1);
  }
}
