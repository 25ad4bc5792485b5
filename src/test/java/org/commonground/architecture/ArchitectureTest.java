package org.commonground.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Arrows point inward (read from the imports of src/main/java), and no file grows past what a reader takes in. */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/org/commonground");
  private static final Path WEB = Path.of("web/js");
  /** About 300 lines a class, with a little room so that a fix is not a refactoring. */
  static final int MAX_CLASS_LINES = 320;
  static final int MAX_WEB_MODULE_LINES = 400;
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)(?:\\.\\*)?;", Pattern.MULTILINE);

  /** "package/File.java imports x.y.Z", for every import of every main source file under {@code dir}. */
  private static List<String[]> imports(String dir) throws IOException {
    List<String[]> out = new ArrayList<>();
    try (var files = Files.walk(MAIN.resolve(dir))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = IMPORT.matcher(Files.readString(p));
        while (m.find()) out.add(new String[] {MAIN.relativize(p).toString(), m.group(1)});
      }
    }
    return out;
  }

  private static List<String> violations(String dir, Pattern forbidden) throws IOException {
    return imports(dir).stream().filter(i -> forbidden.matcher(i[1]).find()).map(i -> i[0] + " imports " + i[1]).toList();
  }

  @Test
  @DisplayName("the hub never imports transport: transport uses the hub, not the reverse")
  void hubDoesNotImportTransport() throws IOException {
    assertThat(violations("hub", Pattern.compile("^org\\.commonground\\.transport\\."))).isEmpty();
  }

  @Test
  @DisplayName("the pure live core does no I/O: no store client, socket, timer or event bus")
  void liveCoreIsPure() throws IOException {
    assertThat(violations("hub/live", Pattern.compile("^io\\.vertx\\.(?!core\\.Future$|core\\.Promise$)|^org\\.commonground\\.(hub|transport)\\.")))
        .isEmpty();
  }

  @Test
  @DisplayName("no Vert.x internal API (.impl. or .internal. packages) is used")
  void noVertxImpl() throws IOException {
    assertThat(violations("", Pattern.compile("^io\\.vertx\\..*\\.(impl|internal)\\."))).isEmpty();
  }

  @Test
  @DisplayName("the domain (workshop/) imports nothing but java.*, itself and persistent collections (values, no I/O)")
  void domainIsPure() throws IOException {
    assertThat(violations("workshop", Pattern.compile("^(?!java\\.|org\\.commonground\\.workshop\\.|org\\.pcollections\\.)"))).isEmpty();
  }

  @Test
  @DisplayName("the protocol and the store know nothing of the hub or the transport")
  void innerLayersDoNotLookOut() throws IOException {
    Pattern outer = Pattern.compile("^org\\.commonground\\.(hub|transport)\\.");
    assertThat(violations("protocol", outer)).isEmpty();
    assertThat(violations("store", outer)).isEmpty();
  }

  /** "path: N lines" for every file under {@code root} named {@code suffix} (not a test) longer than {@code max}. */
  private static List<String> longerThan(Path root, String suffix, int max) throws IOException {
    List<String> out = new ArrayList<>();
    try (var files = Files.walk(root)) {
      for (Path p : files.filter(f -> f.toString().endsWith(suffix) && !f.getFileName().toString().contains(".test.")).toList()) {
        long lines = Files.readAllLines(p).size();
        if (lines > max) out.add(p + ": " + lines + " lines");
      }
    }
    return out;
  }

  @Test
  @DisplayName("no main class is over " + MAX_CLASS_LINES + " lines: split it by job before it grows")
  void classesStayShort() throws IOException {
    assertThat(longerThan(MAIN, ".java", MAX_CLASS_LINES)).isEmpty();
  }

  @Test
  @DisplayName("no web module (web/js, not tests) is over " + MAX_WEB_MODULE_LINES + " lines")
  void webModulesStayShort() throws IOException {
    assertThat(longerThan(WEB, ".js", MAX_WEB_MODULE_LINES)).isEmpty();
  }
}
