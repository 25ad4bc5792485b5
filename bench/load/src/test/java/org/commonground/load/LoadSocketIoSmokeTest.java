package org.commonground.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the Socket.IO comparison target working, as {@link LoadSmokeTest} does the others: a few seconds of
 * the tool's traffic over Socket.IO to bench/socketio/server.js (started as the benchmark starts it, with a
 * private redis-server on a free port). Skipped where node or the target's modules are missing (bench/run.sh
 * installs them with npm ci; so does {@code npm ci --prefix bench/socketio}).
 */
class LoadSocketIoSmokeTest {
  private static final Path PROJECT = Path.of(System.getProperty("cg.project", "../..")).toAbsolutePath().normalize();

  @Test
  @DisplayName("the Socket.IO target creates, joins, connects, broadcasts and acknowledges, losing nothing")
  void socketIo(@TempDir Path work) throws Exception {
    String missing = LoadProc.socketIoMissing(PROJECT);
    assumeTrue(missing == null, () -> "Socket.IO target not runnable here: " + missing);
    int redisPort = LoadProc.freePort(17500, 17599);
    int port = LoadProc.freePort(18500, 18599);
    try (LoadProc redis = LoadProc.redis(work.resolve("redis"), redisPort, "everysec");
         LoadProc node = LoadProc.socketIo(PROJECT, port, "redis://127.0.0.1:" + redisPort, work);
         LoadEngine engine = new LoadEngine(List.of(port), 1, true)) {
      List<LoadEngine.Room> rooms = engine.prepare(2, 5);
      engine.connect(rooms, 10);
      assertThat(engine.liveClients.sum()).as("every client welcomed").isEqualTo(10);
      LoadWindow w = SmokeRun.postAndCheck(engine, rooms, node.pid(), redis.pid());
      assertThat(engine.closeCounts()).as("unexpected closes").isEmpty();
      assertThat(w.serverRssKb()).as("its resident memory").isGreaterThan(0);
    }
  }
}
