package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.workshop.Contribution;
import org.commonground.workshop.Emitted;
import org.commonground.workshop.Event;
import org.commonground.workshop.Kind;
import org.commonground.workshop.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streamed stored form (EventWriter, EventReader) against databind, which wrote and read every stored
 * event before: the same bytes out, the same events back, for every event type (SequencedEventTest's samples).
 */
@DisplayName("Stored events written and read without databind")
class EventCodecTest {
  private static final long TS = 1_795_000_001_234L;

  static List<Emitted> samples() { return SequencedEventTest.samples().toList(); }

  private static String databindBody(long ts, Emitted e) throws JsonProcessingException {
    String full = Json.MAPPER.writeValueAsString(new SequencedEvent(0, ts, e.by(), e.event()));
    return full.substring("{\"seq\":0,".length());
  }

  private static SequencedEvent databindRead(String stored) throws JsonProcessingException {
    return Json.MAPPER.readValue(stored, SequencedEvent.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  @DisplayName("every event type is stored as the same bytes databind wrote, so older nodes read it")
  void sameBytesAsDatabind(Emitted e) throws Exception {
    assertThat(SequencedEvent.bodyWithoutSeq(TS, e)).isEqualTo(databindBody(TS, e));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  @DisplayName("every event type reads back equal to what databind reads from the same text")
  void sameEventAsDatabind(Emitted e) throws Exception {
    String stored = "{\"seq\":41," + databindBody(TS, e);

    SequencedEvent back = SequencedEvent.parse(stored);

    assertThat(back).isEqualTo(databindRead(stored)).isEqualTo(new SequencedEvent(41, TS, e.by(), e.event()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"plain words", "quotes \" and \\ backslash / slash", "tab\tnew\nline\r\u0000\u001f",
      "é ŵ ŷ â Welsh", "emoji \uD83D\uDE00 and \u2028 \u2029 separators", "<script>&amp;</script>"})
  @DisplayName("a contribution's words stored apart: the body holds its id, the literal is its text as JSON")
  void wordsApart(String text) throws Exception {
    Contribution c = new Contribution("c3", 1, Kind.IDEA, text, "p2", "carers", false, null,
        null, TS - 3, null, false, Map.of("agree", Set.of("p1")), 0, null, null, Lang.EN);
    Emitted e = new Emitted("p2", new Event.ContributionAdded(c));

    String apart = SequencedEvent.bodyWithoutWords(TS, e);
    String literal = Json.literal(c.text());

    assertThat(literal).isEqualTo(Json.MAPPER.writeValueAsString(c.text()));
    assertThat(apart).contains("\"text\":{\"$t\":\"c3\"}").doesNotContain(literal);
    // What the append script's joined() gives a reader: the words put back where the id was.
    String joined = apart.replace("\"text\":{\"$t\":\"c3\"}", "\"text\":" + literal);
    assertThat(joined).isEqualTo(databindBody(TS, e));
    assertThat(SequencedEvent.parse("{\"seq\":2," + joined).event()).isEqualTo(e.event());
  }

  @Test
  @DisplayName("an ack's result is written as databind wrote it, whatever its values")
  void ackResults() throws Exception {
    List<Map<String, Object>> results = List.of(Map.of(), Map.of("id", "c\"1\u2028"), Map.of("on", true, "x", 3),
        Map.of("index", 2, "big", 9_007_199_254_740_993L), Map.of("ready", Set.of("p1", "p2")),
        new java.util.HashMap<>(java.util.Collections.singletonMap("none", null)),
        Map.of("joinCode", "ABC234", "replaced", "XYZ789"));
    for (Map<String, Object> r : results) {
      assertThat(Json.result(r)).as(r.toString()).isEqualTo(Json.MAPPER.writeValueAsString(r));
    }
  }

  @Test
  @DisplayName("only events that carry a contribution's words can be stored without them")
  void wordsApartOnlyForContributions() {
    assertThatThrownBy(() -> SequencedEvent.bodyWithoutWords(TS, new Emitted("p1", new Event.FloorGiven("p2"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a contribution stored in another shape (fields reordered, unknown, missing) reads as databind reads it")
  void otherShapes() throws Exception {
    String[] stored = {
        // Before contributions had a language: no lang field.
        "{\"seq\":3,\"ts\":5,\"by\":\"p1\",\"e\":{\"type\":\"ContributionAdded\",\"contribution\":{\"id\":\"c1\","
            + "\"phase\":0,\"kind\":\"IDEA\",\"text\":\"Hi\",\"author\":\"p1\",\"group\":null,\"anonymous\":false,"
            + "\"scribedFor\":null,\"themeId\":null,\"createdAt\":4,\"editedAt\":null,\"hidden\":false,"
            + "\"reactedBy\":{},\"votes\":0,\"parking\":null,\"owner\":null}}}",
        // The type after the fields, the seq last, and a field nobody knows.
        "{\"ts\":5,\"by\":null,\"e\":{\"targetId\":\"c1\",\"participantId\":\"p2\",\"type\":\"VotesChanged\","
            + "\"delta\":1,\"votes\":2,\"extra\":[1,{\"a\":2}]},\"seq\":9}",
        "{\"seq\":3,\"ts\":5,\"by\":null,\"e\":{\"type\":\"ContributionMoved\",\"id\":\"c1\",\"themeId\":null,"
            + "\"later\":{\"x\":[true]}},\"note\":\"kept by nobody\"}",
        // A number as text: databind coerces it.
        "{\"seq\":\"3\",\"ts\":5,\"by\":null,\"e\":{\"type\":\"ContributionMoved\",\"id\":\"c1\",\"themeId\":\"t1\"}}"};
    for (String s : stored) assertThat(SequencedEvent.parse(s)).as(s).isEqualTo(databindRead(s));
  }

  @Test
  @DisplayName("what databind refuses is refused with its error: a second object, an unknown type, a cut-off text")
  void badInputFailsAsBefore() {
    String head = "{\"seq\":3,\"ts\":5,\"by\":null,\"e\":";
    String good = head + "{\"type\":\"ContributionMoved\",\"id\":\"c1\",\"themeId\":null}}";
    // A contribution with no kind: its record refuses it, whoever reads it.
    String post = head + "{\"type\":\"ContributionAdded\",\"contribution\":{\"id\":\"c1\"}}}";
    for (String bad : List.of(good + "{}", good.replace("ContributionMoved", "NoSuchEvent"), "[]", "{\"seq\":1",
        good.substring(0, good.length() - 3), post, post.replace("\"c1\"", "7"))) {
      assertThatThrownBy(() -> SequencedEvent.parse(bad)).as(bad).isInstanceOf(RuntimeException.class);
    }
  }
}
