package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.workshop.Code;
import org.commonground.workshop.Command;
import org.commonground.workshop.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Decoding commands from name and args")
class CommandDecoderTest {

  private static Command decode(String name, String argsJson) {
    return CommandDecoder.decode(name, new Args(Json.parseObject(argsJson)));
  }

  private static void assertRejected(String name, String argsJson, Code code) {
    assertThatThrownBy(() -> decode(name, argsJson))
        .as("%s %s", name, argsJson)
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  @DisplayName("contribution.add with only text is a named idea")
  void addMinimal() {
    assertThat(decode("contribution.add", "{\"text\":\" Ideas! \"}"))
        .isEqualTo(new Command.AddContribution("Ideas!", Kind.IDEA, null, null, null));
  }

  @Test
  @DisplayName("contribution.add reads kind, anonymous and onBehalfOf")
  void addFull() {
    Command c = decode("contribution.add",
        "{\"text\":\"Bus passes\",\"kind\":\"parking\",\"anonymous\":false,"
            + "\"onBehalfOf\":{\"name\":\"Mrs Khan\",\"group\":\"carers\"},\"extra\":\"ignored\"}");

    assertThat(c).isEqualTo(new Command.AddContribution("Bus passes", Kind.PARKING, false, "Mrs Khan", "carers"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"idea", "story", "question", "takeaway", "parking"})
  @DisplayName("each of the five kinds is understood")
  void kinds(String kind) {
    Command.AddContribution c = (Command.AddContribution) decode("contribution.add",
        "{\"text\":\"x\",\"kind\":\"" + kind + "\"}");

    assertThat(c.kind().wire()).isEqualTo(kind);
  }

  @Test
  @DisplayName("the other contribution and reaction commands decode to their domain commands")
  void otherCommands() {
    assertThat(decode("contribution.edit", "{\"id\":\"c1\",\"text\":\"new\"}"))
        .isEqualTo(new Command.EditContribution("c1", "new"));
    assertThat(decode("contribution.withdraw", "{\"id\":\"c1\"}")).isEqualTo(new Command.WithdrawContribution("c1"));
    assertThat(decode("contribution.hide", "{\"id\":\"c1\",\"reason\":\"off topic\"}"))
        .isEqualTo(new Command.HideContribution("c1", "off topic"));
    assertThat(decode("contribution.hide", "{\"id\":\"c1\"}")).isEqualTo(new Command.HideContribution("c1", null));
    assertThat(decode("contribution.unhide", "{\"id\":\"c1\"}")).isEqualTo(new Command.UnhideContribution("c1"));
    assertThat(decode("reaction.toggle", "{\"contributionId\":\"c1\",\"reaction\":\"insight\"}"))
        .isEqualTo(new Command.ToggleReaction("c1", "insight"));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"contribution.delete", "CONTRIBUTION.ADD", "", "join", "workshop.created",
      "contribution.add "})
  @DisplayName("a command name the server does not know is UNKNOWN_COMMAND")
  void unknownCommand(String name) {
    assertRejected(name, "{\"text\":\"x\"}", Code.UNKNOWN_COMMAND);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "contribution.add      | {}",
      "contribution.add      | {\"text\":null}",
      "contribution.add      | {\"text\":42}",
      "contribution.add      | {\"text\":[\"hi\"]}",
      "contribution.add      | {\"text\":\"   \"}",
      "contribution.add      | {\"text\":\"hi\",\"anonymous\":\"true\"}",
      "contribution.add      | {\"text\":\"hi\",\"anonymous\":1}",
      "contribution.add      | {\"text\":\"hi\",\"kind\":\"comment\"}",
      "contribution.add      | {\"text\":\"hi\",\"kind\":\"IDEA\"}",
      "contribution.add      | {\"text\":\"hi\",\"kind\":3}",
      "contribution.add      | {\"text\":\"hi\",\"onBehalfOf\":\"Mrs Khan\"}",
      "contribution.add      | {\"text\":\"hi\",\"onBehalfOf\":{}}",
      "contribution.add      | {\"text\":\"hi\",\"onBehalfOf\":{\"name\":\"Kim\",\"group\":5}}",
      "contribution.edit     | {\"id\":\"c1\"}",
      "contribution.edit     | {\"text\":\"x\"}",
      "contribution.edit     | {\"id\":1,\"text\":\"x\"}",
      "contribution.edit     | {\"id\":\"c1\",\"text\":false}",
      "contribution.withdraw | {}",
      "contribution.withdraw | {\"id\":true}",
      "contribution.hide     | {\"id\":\"c1\",\"reason\":9}",
      "contribution.unhide   | {\"id\":null}",
      "reaction.toggle       | {\"contributionId\":\"c1\",\"reaction\":\"like\"}",
      "reaction.toggle       | {\"contributionId\":\"c1\",\"reaction\":\"AGREE\"}",
      "reaction.toggle       | {\"contributionId\":\"c1\"}",
      "reaction.toggle       | {\"contributionId\":\"c1\",\"reaction\":1}",
      "reaction.toggle       | {\"reaction\":\"agree\"}"})
  @DisplayName("wrong types, missing fields and unknown values are INVALID")
  void invalid(String name, String args) {
    assertRejected(name, args, Code.INVALID);
  }

  @Test
  @DisplayName("a contribution over 1000 characters is INVALID with a message the client can show")
  void tooLong() {
    assertThatThrownBy(() -> decode("contribution.add", "{\"text\":\"" + "a".repeat(1001) + "\"}"))
        .isInstanceOfSatisfying(ProtocolException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.INVALID);
          assertThat(e.getMessage()).contains("1000");
        });
  }

  @Test
  @DisplayName("a command decoded from a parsed cmd frame keeps its args")
  void fromFrame() {
    ClientFrame.Cmd cmd = (ClientFrame.Cmd) ClientFrame.parse(
        "{\"t\":\"cmd\",\"ref\":\"c-1\",\"name\":\"contribution.add\",\"args\":{\"text\":\"hi\",\"anonymous\":true}}");

    assertThat(CommandDecoder.decode(cmd.name(), cmd.args()))
        .isEqualTo(new Command.AddContribution("hi", Kind.IDEA, true, null, null));
  }
}
