package org.commonground.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the load tool working: a few seconds of its real protocol traffic against the server jar the
 * server's build made (started as the benchmark starts it, with a private redis-server on a free port),
 * 2 workshops of 5 participants, 4 posts a second each. It asserts that nothing is lost and latencies are
 * recorded, never how fast anything is: timings are the benchmark's business (bench/run.sh).
 */
class LoadSmokeTest {
  private static final Path PROJECT = Path.of(System.getProperty("cg.project", "../..")).toAbsolutePath().normalize();
  private static final Path JAR = Path.of(System.getProperty("cg.jar", PROJECT + "/target/common-ground.jar"));

  @Test
  @DisplayName("the load tool creates, joins, connects, posts and counts every delivery, losing none")
  void smoke(@TempDir Path work) throws Exception {
    assertThat(Files.exists(JAR)).as("the server jar %s (build it first: mvn package -DskipTests at the root)", JAR)
        .isTrue();
    int redisPort = LoadProc.freePort(17400, 17499);
    int port = LoadProc.freePort(18400, 18499);
    try (LoadProc redis = LoadProc.redis(work.resolve("redis"), redisPort, "everysec");
         LoadProc node = LoadProc.server("node", PROJECT, JAR, port, "redis://127.0.0.1:" + redisPort, work,
             List.of("-Xmx256m"));
         LoadEngine engine = new LoadEngine(List.of(port), 1)) {
      List<LoadEngine.Room> rooms = engine.prepare(2, 5);
      engine.connect(rooms, 10);
      SmokeRun.postAndCheck(engine, rooms, node.pid(), redis.pid());
      assertThat(engine.expected()).isEqualTo(engine.acked.sum() * 5);
    }
  }

  @Test
  @DisplayName("the bare broadcast baseline speaks enough of the protocol for the same tool")
  void bare() throws Exception {
    int port = LoadProc.freePort(8190, 8199);
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      LoadEngine.await(vertx.deployVerticle(() -> new LoadBareServer(port),
          new io.vertx.core.DeploymentOptions().setInstances(2)), Duration.ofSeconds(10));
      try (LoadEngine engine = new LoadEngine(List.of(port), 1)) {
        List<LoadEngine.Room> rooms = engine.prepare(2, 5);
        engine.connect(rooms, 10);
        engine.startPosting(rooms, 4);
        engine.window(Duration.ofSeconds(2), List.of(), List.of());
        LoadEngine.Drain d = engine.drain(Duration.ofSeconds(10));
        assertThat(d.complete()).as("%s", d).isTrue();
        assertThat(engine.acked.sum()).isGreaterThan(0);
        assertThat(engine.lost()).isZero();
        assertThat(engine.gaps.sum()).isZero();
      }
    } finally {
      LoadEngine.await(vertx.close(), Duration.ofSeconds(10));
    }
  }
}
