package org.commonground.hub.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CursorTest {
  private final Cursor<String> cursor = new Cursor<>();
  private final List<String> sent = new ArrayList<>();

  @Test
  @DisplayName("a live event goes to a member only when it is the next one for it")
  void live() {
    cursor.welcomedAt(4);
    assertThat(cursor.accept(6)).isFalse();
    assertThat(cursor.accept(5)).isTrue();
    assertThat(cursor.accept(5)).isFalse();
    assertThat(cursor.position()).isEqualTo(5);
  }

  @Test
  @DisplayName("the sender sees its event before its ack: an ack for an event not sent yet waits for it")
  void evBeforeAck() {
    cursor.welcomedAt(4);
    assertThat(cursor.ack(6L, "ack-6")).isNull();
    assertThat(cursor.ack(null, "ack-nothing")).as("nothing appended: at once").isEqualTo("ack-nothing");
    assertThat(cursor.ack(4L, "ack-4")).isEqualTo("ack-4");
    cursor.accept(5);
    cursor.dueAcks(sent::add);
    assertThat(sent).isEmpty();
    cursor.accept(6);
    cursor.dueAcks(sent::add);
    assertThat(sent).containsExactly("ack-6");
    assertThat(cursor.hasPendingAcks()).isFalse();
  }

  @Test
  @DisplayName("a resuming member is paged through what it missed, from memory then the log, with no live "
      + "event in between; its held acks follow")
  void paging() {
    Map<Long, String> held = Map.of(3L, "ev-3", 4L, "ev-4", 5L, "ev-5");
    cursor.welcomedAt(0);
    assertThat(cursor.page(5, held::get, 10)).as("1 is not held: read from the log").isEmpty();
    assertThat(cursor.accept(6)).as("no live event while paged").isFalse();
    assertThat(cursor.ack(5L, "ack-5")).isNull();
    assertThat(cursor.fromLog(2)).isFalse();
    assertThat(cursor.fromLog(1)).isTrue();
    assertThat(cursor.fromLog(2)).isTrue();
    assertThat(cursor.page(5, held::get, 2)).containsExactly("ev-3", "ev-4");
    assertThat(cursor.page(5, held::get, 2)).containsExactly("ev-5");
    assertThat(cursor.behind(5)).isFalse();
    cursor.caughtUp(sent::add);
    assertThat(sent).containsExactly("ack-5");
    assertThat(cursor.accept(6)).isTrue();
  }

  @Test
  @DisplayName("a welcome resumes only in the same epoch, from a seq the replica has, and not before the token's first welcome")
  void resume() {
    assertThat(Cursor.resumeFrom("e1", 5, "e1", 9, 2)).isEqualTo(5);
    assertThat(Cursor.resumeFrom("e0", 5, "e1", 9, 2)).as("another epoch").isEqualTo(-1);
    assertThat(Cursor.resumeFrom("e1", 10, "e1", 9, 2)).as("ahead of the replica").isEqualTo(-1);
    assertThat(Cursor.resumeFrom("e1", 1, "e1", 9, 2)).as("before they first came").isEqualTo(-1);
    assertThat(Cursor.resumeFrom(null, 5, "e1", 9, 2)).isEqualTo(-1);
  }
}
