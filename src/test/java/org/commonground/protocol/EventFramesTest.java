package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Event;
import org.commonground.workshop.Kind;
import org.commonground.workshop.Lang;
import org.commonground.workshop.ParkingStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Posts and edits are written straight to bytes: the bytes must be those of the tree every other frame is. */
class EventFramesTest {

  private static List<Contribution> contributions() {
    List<Contribution> out = new ArrayList<>();
    String[] texts = {"More peer support", "Mae angen mwy o gefnogaeth ar ofalwyr – \"dyfynnu\" \\ ✓ 😀",
        "line\nbreak\ttab \u0001 control </script>"};
    int i = 0;
    for (String text : texts) {
      for (boolean anonymous : new boolean[] {false, true}) {
        for (String scribedFor : new String[] {null, "Glenys"}) {
          i++;
          // Every seventh is an item carried from an earlier meeting: by no one here, in either writer.
          String author = i % 7 == 0 ? org.commonground.workshop.Carry.AUTHOR : "p" + i;
          out.add(new Contribution("c" + i, i % 3, Kind.values()[i % Kind.values().length], text, author,
              i % 2 == 0 ? "carers" : null, anonymous, scribedFor, i % 4 == 0 ? "t1" : null, 1_700_000_000_000L + i,
              i % 3 == 0 ? 1_700_000_100_000L : null, false,
              i % 2 == 0 ? Map.of("agree", Set.of("p1", "p2"), "heart", Set.of("p3")) : Map.of(), i,
              i % 5 == 0 ? ParkingStatus.HANDED_ON : null, i % 5 == 0 ? "Ward manager" : null,
              i % 3 == 0 ? Lang.CY : i % 3 == 1 ? Lang.EN : null));
        }
      }
    }
    return out;
  }

  @Test
  @DisplayName("contribution.added and contribution.updated frames are byte for byte the tree's")
  void streamedAsTree() {
    for (Contribution c : contributions()) {
      for (Event e : List.of(new Event.ContributionAdded(c), new Event.ContributionUpdated(c))) {
        for (String by : new String[] {"p1", null}) {
          SequencedEvent se = new SequencedEvent(42, 1_700_000_000_123L, by, e);
          String streamed = EventFrames.encode(se).toString();
          assertThat(streamed).isEqualTo(Json.buffer(EventFrames.tree(se)).toString());
          if (org.commonground.workshop.Carry.AUTHOR.equals(c.author())) assertThat(streamed).contains("\"author\":null");
        }
      }
    }
  }
}
