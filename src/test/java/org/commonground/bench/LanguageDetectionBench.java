package org.commonground.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.commonground.language.WelshOrEnglish;

/**
 * What finding a post's language costs: the models' first load (time, heap, resident memory) and one
 * detection of texts of several lengths, on one thread, after warming up. Prints a table for
 * docs/performance.md. Run from the repository root: {@value #COMMAND}
 */
public final class LanguageDetectionBench {
  static final String COMMAND = "mvn -q -B test-compile exec:java "
      + "-Dexec.mainClass=org.commonground.bench.LanguageDetectionBench -Dexec.classpathScope=test";
  private static final int RUNS = 3000;

  private LanguageDetectionBench() {}

  public static void main(String[] args) throws Exception {
    long heap0 = heapMb();
    long rss0 = rssMb();
    long t0 = System.nanoTime();
    WelshOrEnglish.warm();
    long loadMs = (System.nanoTime() - t0) / 1_000_000;
    long heap1 = heapMb();
    long rss1 = rssMb();
    String english = "Care agency did not start until three days after Mum came home from hospital.";
    String[][] texts = {
        {"a few words (14 characters)", "Diolch am y te"},
        {"a sentence in Welsh (80 characters)",
            "Roedd y gofal yn y cartref yn hwyr yn dechrau ar ôl i Mam ddod adref o'r ysbyty."},
        {"a sentence in English (78 characters)", english},
        {"the longest post (1000 characters)", (english + " ").repeat(13).substring(0, 1000)}};
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "First use: models loaded in %d ms; heap %d MB to %d MB; resident memory %d MB"
        + " to %d MB.%n%n| text | mean per detection |%n|---|---|%n", loadMs, heap0, heap1, rss0, rss1));
    for (String[] t : texts) {
      for (int i = 0; i < RUNS; i++) WelshOrEnglish.askModels(t[1]);
      long start = System.nanoTime();
      for (int i = 0; i < RUNS; i++) WelshOrEnglish.askModels(t[1]);
      md.append(String.format(Locale.ROOT, "| %s, the models | %.0f µs |%n", t[0],
          (System.nanoTime() - start) / 1e3 / RUNS));
    }
    // What most posts cost now: plainly English, answered without the models.
    for (int i = 0; i < RUNS * 10; i++) WelshOrEnglish.detect(english);
    long start = System.nanoTime();
    for (int i = 0; i < RUNS * 10; i++) WelshOrEnglish.detect(english);
    md.append(String.format(Locale.ROOT, "| a sentence in English (78 characters), plainly English: no models | %.1f µs |%n",
        (System.nanoTime() - start) / 1e3 / RUNS / 10));
    md.append("\nLoad average (1, 5, 15 min) after: ").append(Files.readString(Path.of("/proc/loadavg")).trim()
        .replaceAll("^(\\S+) (\\S+) (\\S+).*", "$1, $2, $3")).append(".\n");
    System.out.println(md);
  }

  private static long heapMb() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return (r.totalMemory() - r.freeMemory()) >> 20;
  }

  private static long rssMb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
    }
    return -1;
  }
}
