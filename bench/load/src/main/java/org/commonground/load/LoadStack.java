package org.commonground.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonground.load.LoadBench.Target;

/**
 * The processes under test: a Redis and one or more server nodes (or the Socket.IO server), or the bare
 * baseline alone.
 */
final class LoadStack implements AutoCloseable {
  final Target target;
  LoadProc redis;
  final List<LoadProc> nodes = new ArrayList<>();
  final Path dir;

  LoadStack(LoadBench bench, Target target, int nodeCount, String name, List<String> jvmArgs) throws IOException {
    this.target = target;
    this.dir = bench.work.resolve(name + "-" + target.name().toLowerCase() + "-" + System.currentTimeMillis());
    try {
      if (target == Target.SERVER) {
        int redisPort = LoadProc.freePort(8199, 8199);
        redis = LoadProc.redis(dir.resolve("redis"), redisPort, "always");
        for (int i = 0; i < nodeCount; i++) {
          int port = LoadProc.freePort(8190, 8198);
          List<String> args = new ArrayList<>(bench.serverJvm);
          args.addAll(jvmArgs);
          nodes.add(LoadProc.server("node" + (i + 1), bench.project, bench.jar, port, "redis://127.0.0.1:" + redisPort,
              dir.resolve("node" + (i + 1)), args));
        }
      } else if (target == Target.SOCKETIO) {
        // The same redis-server, fsync on every write as for the server.
        int redisPort = LoadProc.freePort(8199, 8199);
        redis = LoadProc.redis(dir.resolve("redis"), redisPort, "always");
        nodes.add(LoadProc.socketIo(bench.project, LoadProc.freePort(8190, 8198), "redis://127.0.0.1:" + redisPort,
            dir.resolve("socketio")));
      } else {
        nodes.add(LoadProc.bare(LoadProc.freePort(8190, 8198), dir, jvmArgs));
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    // Let start-up work (JIT, the theme model loading on its worker) settle before anything is measured.
    LoadProc.sleep(bench.quick ? 2_000 : 5_000);
  }

  List<Integer> ports() { return nodes.stream().map(n -> n.port).toList(); }

  /**
   * Fails the scenario if a measured process is gone: on a shared machine another session's clean-up may
   * kill it, and figures from such a window mean nothing.
   */
  void checkAlive() {
    List<LoadProc> all = new ArrayList<>(nodes);
    if (redis != null) all.add(redis);
    for (LoadProc p : all) {
      if (!p.process.isAlive()) {
        throw new IllegalStateException(p.name + " (pid " + p.pid() + ") died during the run with "
            + p.process.exitValue() + ", not by the benchmark's hand; see " + p.log);
      }
    }
  }

  List<Long> serverPids() { return nodes.stream().map(LoadProc::pid).toList(); }

  List<Long> redisPids() { return redis == null ? List.of() : List.of(redis.pid()); }

  @Override
  public void close() {
    for (LoadProc n : nodes) n.close();
    if (redis != null) redis.close();
  }
}
