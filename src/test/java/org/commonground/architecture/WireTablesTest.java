package org.commonground.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonground.protocol.CloseCode;
import org.commonground.workshop.Event;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each wire fact is written in one table per side, and every place that must know an event type does:
 * the domain's apply, the frame encoder, docs/protocol.md and the web client's reducer.
 */
class WireTablesTest {
  private static final Path MAIN = Path.of("src/main/java/org/commonground");

  private static String read(Path p) throws IOException { return Files.readString(p); }

  /** Each event record of Event.java with its wire name ({@code name() { return "…"; }}). */
  static Map<String, String> eventTypes() throws IOException {
    String source = read(MAIN.resolve("workshop/Event.java"));
    Matcher m = Pattern.compile("record (\\w+)\\((?s:.*?)name\\(\\) \\{ return \"([a-z.]+)\"; }").matcher(source);
    Map<String, String> types = new LinkedHashMap<>();
    while (m.find()) types.put(m.group(1), m.group(2));
    return types;
  }

  @Test
  @DisplayName("every event type is applied by the domain, encoded as a frame, documented and reduced by the web client")
  void everyEventTypeIsHandledEverywhere() throws IOException {
    Map<String, String> types = eventTypes();
    assertThat(types.keySet()).as("every record of the sealed Event has a wire name")
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Event.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
    String apply = read(MAIN.resolve("workshop/Workshop.java"));
    String frames = read(MAIN.resolve("protocol/EventFrames.java"));
    String docs = read(Path.of("docs/protocol.md"));
    String reducer = read(Path.of("web/js/reducer.js"));
    types.forEach((record, wire) -> {
      assertThat(apply).as("Workshop.apply handles %s", record).containsPattern("instanceof (Event\\.)?" + record + "\\b");
      assertThat(frames).as("EventFrames encodes %s", record).containsPattern("instanceof (Event\\.)?" + record + "\\b");
      assertThat(docs).as("docs/protocol.md describes %s", wire).contains("`" + wire);
      assertThat(reducer).as("web/js/reducer.js reduces %s", wire).contains("'" + wire + "'");
    });
  }

  @Test
  @DisplayName("every close code the server sends is in docs/protocol.md, and none is written outside its table")
  void closeCodes() throws IOException {
    String docs = read(Path.of("docs/protocol.md"));
    for (CloseCode c : CloseCode.values()) assertThat(docs).as("%s", c).contains(Short.toString(c.code()));
    try (var files = Files.walk(MAIN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("CloseCode.java")).toList()) {
        assertThat(read(p)).as("%s writes a close code itself", p).doesNotContainPattern("\\(short\\) ?(1001|1009|1011|1013|44\\d\\d)\\b")
            .doesNotContainPattern("short CLOSE_");
      }
    }
  }
}
