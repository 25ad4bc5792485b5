package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.protocol.ClientFrame.Cmd;
import org.commonground.protocol.ClientFrame.Hello;
import org.commonground.protocol.ClientFrame.Ping;
import org.commonground.protocol.ClientFrame.RefException;
import org.commonground.protocol.ClientFrame.Resume;
import org.commonground.workshop.Code;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Parsing client frames")
class ClientFrameTest {

  private static void assertInvalid(String frame) {
    assertThatThrownBy(() -> ClientFrame.parse(frame))
        .as("frame %s", frame)
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(Code.INVALID));
  }

  private static RefException refError(String frame) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> ClientFrame.parse(frame));
    assertThat(t).as("frame %s", frame).isInstanceOf(RefException.class);
    return (RefException) t;
  }

  @Nested
  @DisplayName("frames the server cannot use at all (answered with ref null, INVALID)")
  class Garbage {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "hello", "{", "{\"t\":", "not json at all", "{\"t\":\"ping\"", "\u0000"})
    @DisplayName("text that is not JSON is INVALID")
    void notJson(String frame) {
      assertInvalid(frame);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"{\"t\":\"ping\"} trailing", "{\"t\":\"ping\"}}", "{\"t\":\"ping\"}{\"t\":\"ping\"}",
        "{\"t\":\"ping\"} [1]"})
    @DisplayName("a frame holding more than one JSON value, or text after the object, is INVALID")
    void trailingText(String frame) {
      assertInvalid(frame);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"[]", "[{\"t\":\"ping\"}]", "42", "\"ping\"", "null", "true"})
    @DisplayName("JSON that is not an object is INVALID")
    void notAnObject(String frame) {
      assertInvalid(frame);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"{}", "{\"type\":\"ping\"}", "{\"t\":null}", "{\"t\":7}", "{\"t\":[\"ping\"]}"})
    @DisplayName("a frame without a text `t` is INVALID")
    void noT(String frame) {
      assertInvalid(frame);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"{\"t\":\"subscribe\"}", "{\"t\":\"PING\"}", "{\"t\":\"\"}", "{\"t\":\"ack\"}"})
    @DisplayName("an unknown frame type is INVALID")
    void unknownT(String frame) {
      assertInvalid(frame);
    }
  }

  @Nested
  @DisplayName("hello")
  class HelloFrame {

    @Test
    @DisplayName("hello with a token and no resume asks for the full state")
    void plainHello() {
      assertThat(ClientFrame.parse("{\"t\":\"hello\",\"token\":\"tok\"}")).isEqualTo(new Hello("tok", null));
    }

    @Test
    @DisplayName("hello with resume carries the client's epoch and seq")
    void resume() {
      ClientFrame f = ClientFrame.parse("{\"t\":\"hello\",\"token\":\"tok\",\"resume\":{\"epoch\":\"e1\",\"seq\":41}}");

      assertThat(f).isEqualTo(new Hello("tok", new Resume("e1", 41)));
    }

    @Test
    @DisplayName("a resume of null is the same as none, and unknown fields are ignored")
    void nullResume() {
      assertThat(ClientFrame.parse("{\"t\":\"hello\",\"token\":\"tok\",\"resume\":null,\"client\":\"web/1.2\"}"))
          .isEqualTo(new Hello("tok", null));
    }

    @Test
    @DisplayName("a seq beyond the int range still resumes")
    void bigSeq() {
      ClientFrame f = ClientFrame.parse(
          "{\"t\":\"hello\",\"token\":\"tok\",\"resume\":{\"epoch\":\"e1\",\"seq\":5000000000}}");

      assertThat(((Hello) f).resume().seq()).isEqualTo(5_000_000_000L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"t\":\"hello\"}",
        "{\"t\":\"hello\",\"token\":null}",
        "{\"t\":\"hello\",\"token\":42}",
        "{\"t\":\"hello\",\"token\":{\"value\":\"tok\"}}"})
    @DisplayName("hello without a text token is INVALID")
    void noToken(String frame) {
      assertInvalid(frame);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"t\":\"hello\",\"token\":\"tok\",\"resume\":{}}",
        "{\"t\":\"hello\",\"token\":\"tok\",\"resume\":{\"epoch\":\"e1\"}}",
        "{\"t\":\"hello\",\"token\":\"tok\",\"resume\":{\"seq\":41}}",
        "{\"t\":\"hello\",\"token\":\"tok\",\"resume\":{\"epoch\":\"e1\",\"seq\":-1}}",
        "{\"t\":\"hello\",\"token\":\"tok\",\"resume\":{\"epoch\":\"e1\",\"seq\":\"41\"}}",
        "{\"t\":\"hello\",\"token\":\"tok\",\"resume\":{\"epoch\":\"e1\",\"seq\":41.5}}",
        "{\"t\":\"hello\",\"token\":\"tok\",\"resume\":{\"epoch\":7,\"seq\":41}}",
        "{\"t\":\"hello\",\"token\":\"tok\",\"resume\":\"e1:41\"}",
        "{\"t\":\"hello\",\"token\":\"tok\",\"resume\":[\"e1\",41]}"})
    @DisplayName("a resume that is not {epoch: text, seq: whole number >= 0} is INVALID")
    void badResume(String frame) {
      assertInvalid(frame);
    }
  }

  @Nested
  @DisplayName("cmd")
  class CmdFrame {

    @Test
    @DisplayName("a command frame gives its ref, name and args")
    void command() {
      ClientFrame f = ClientFrame.parse(
          "{\"t\":\"cmd\",\"ref\":\"c-17\",\"name\":\"contribution.add\",\"args\":{\"text\":\"hi\"}}");

      assertThat(f).isInstanceOfSatisfying(Cmd.class, c -> {
        assertThat(c.ref()).isEqualTo("c-17");
        assertThat(c.name()).isEqualTo("contribution.add");
        assertThat(c.args().string("text")).isEqualTo("hi");
      });
    }

    @Test
    @DisplayName("args may be left out or null for commands that take none")
    void noArgs() {
      Cmd a = (Cmd) ClientFrame.parse("{\"t\":\"cmd\",\"ref\":\"r1\",\"name\":\"hand.raise\"}");
      Cmd b = (Cmd) ClientFrame.parse("{\"t\":\"cmd\",\"ref\":\"r2\",\"name\":\"hand.raise\",\"args\":null}");

      assertThat(a.args().raw("anything")).isNull();
      assertThat(b.args().raw("anything")).isNull();
    }

    @Test
    @DisplayName("a ref of 1 and of 64 characters is fine")
    void refBounds() {
      assertThat(((Cmd) ClientFrame.parse("{\"t\":\"cmd\",\"ref\":\"x\",\"name\":\"n\"}")).ref()).isEqualTo("x");
      String ref64 = "r".repeat(64);
      assertThat(((Cmd) ClientFrame.parse("{\"t\":\"cmd\",\"ref\":\"" + ref64 + "\",\"name\":\"n\"}")).ref())
          .isEqualTo(ref64);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"t\":\"cmd\",\"name\":\"contribution.add\",\"args\":{}}",
        "{\"t\":\"cmd\",\"ref\":null,\"name\":\"contribution.add\"}",
        "{\"t\":\"cmd\",\"ref\":\"\",\"name\":\"contribution.add\"}",
        "{\"t\":\"cmd\",\"ref\":17,\"name\":\"contribution.add\"}",
        "{\"t\":\"cmd\",\"ref\":[\"c-17\"],\"name\":\"contribution.add\"}"})
    @DisplayName("a cmd whose ref is missing, not text or empty is INVALID, with no ref to answer")
    void badRef(String frame) {
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> ClientFrame.parse(frame));

      assertThat(t).isInstanceOfSatisfying(ProtocolException.class,
          e -> assertThat(e.code()).isEqualTo(Code.INVALID));
    }

    @Test
    @DisplayName("a ref of 65 characters is INVALID, with no ref to answer (it is not the client's ref)")
    void refTooLong() {
      assertInvalid("{\"t\":\"cmd\",\"ref\":\"" + "r".repeat(65) + "\",\"name\":\"contribution.add\",\"args\":{}}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"t\":\"cmd\",\"ref\":\"c-17\"}",
        "{\"t\":\"cmd\",\"ref\":\"c-17\",\"name\":null}",
        "{\"t\":\"cmd\",\"ref\":\"c-17\",\"name\":3}",
        "{\"t\":\"cmd\",\"ref\":\"c-17\",\"name\":{\"n\":\"contribution.add\"}}"})
    @DisplayName("a cmd with a good ref but no usable name is refused with that ref, so the client can match it")
    void badNameCarriesRef(String frame) {
      RefException e = refError(frame);

      assertThat(e.ref()).isEqualTo("c-17");
      assertThat(e.getMessage()).contains("name");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"t\":\"cmd\",\"ref\":\"c-17\",\"name\":\"contribution.add\",\"args\":\"text=hi\"}",
        "{\"t\":\"cmd\",\"ref\":\"c-17\",\"name\":\"contribution.add\",\"args\":[\"hi\"]}",
        "{\"t\":\"cmd\",\"ref\":\"c-17\",\"name\":\"contribution.add\",\"args\":5}"})
    @DisplayName("a cmd with a good ref but args that are not an object is refused with that ref")
    void badArgsCarryRef(String frame) {
      assertThat(refError(frame).ref()).isEqualTo("c-17");
    }
  }

  @Test
  @DisplayName("ping parses, whatever else it carries")
  void ping() {
    assertThat(ClientFrame.parse("{\"t\":\"ping\"}")).isInstanceOf(Ping.class);
    assertThat(ClientFrame.parse("{\"t\":\"ping\",\"at\":123}")).isInstanceOf(Ping.class);
  }
}
