package org.commonground.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.workshop.Code;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Text that cannot be stored as UTF-8 is refused")
class UnicodeTest {

  @Test
  @DisplayName("a raw lone surrogate anywhere in a frame is INVALID")
  void rawLoneSurrogate() {
    assertThatThrownBy(() -> ClientFrame.parse("{\"t\":\"ping\",\"x\":\"\uD800\"}"))
        .isInstanceOf(ProtocolException.class).extracting(e -> ((ProtocolException) e).code()).isEqualTo(Code.INVALID);
  }

  @Test
  @DisplayName("an escaped lone surrogate in a ref or a text is INVALID, with the ref when it is usable")
  void escapedLoneSurrogate() {
    assertThatThrownBy(() -> ClientFrame.parse("{\"t\":\"cmd\",\"ref\":\"r\\ud800\",\"name\":\"x\"}"))
        .isInstanceOf(ProtocolException.class);
    ClientFrame.Cmd cmd = (ClientFrame.Cmd) ClientFrame.parse(
        "{\"t\":\"cmd\",\"ref\":\"r1\",\"name\":\"contribution.add\",\"args\":{\"text\":\"hi \\udc00\"}}");
    assertThatThrownBy(() -> CommandDecoder.decode(cmd.name(), cmd.args())).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("Unicode");
  }

  @Test
  @DisplayName("emoji and other paired surrogates are fine")
  void pairedSurrogates() {
    ClientFrame.Cmd cmd = (ClientFrame.Cmd) ClientFrame.parse(
        "{\"t\":\"cmd\",\"ref\":\"r1\",\"name\":\"contribution.add\",\"args\":{\"text\":\"tea \\ud83c\\udf75 please\"}}");
    assertThat(CommandDecoder.decode(cmd.name(), cmd.args()).commandName()).isEqualTo("contribution.add");
  }
}
