package org.commonground;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {
  @Test
  @DisplayName("the README's start command takes config/jvm.options as it is, and the JVM prints nothing of its own about them")
  void optionsFileStartsAJvmQuietly() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "@config/jvm.options", "-version").redirectErrorStream(true).start();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) p.destroyForcibly();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(ended).as("java -version ended within a minute").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    // -version prints three lines; anything more is the JVM talking about an option (a CompileCommand echoed,
    // an unknown flag warned about), which would land in every node's log.
    assertThat(out.lines().toList()).as(out).hasSize(3).allMatch(line -> line.contains("version") || line.contains("VM")
        || line.contains("Runtime Environment"));
  }
}
