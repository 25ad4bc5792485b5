package org.commonground.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.commonground.store.RedisLauncher;

/**
 * A private Sentinel set-up for one test class: a master, a replica and one sentinel (quorum 1), each a
 * real redis-server on a free loopback port, so a master killed with SIGKILL is failed over to the
 * replica within a few seconds.
 */
public final class TestSentinel implements AutoCloseable {
  public static final String MASTER_NAME = "cgmaster";
  private static final Duration READY_WITHIN = Duration.ofSeconds(30);

  private final Path dir;
  private final int sentinelPort;
  private final List<Process> processes = new ArrayList<>();
  private final Process master;
  private final Process replica;
  private final int replicaPort;

  public TestSentinel() {
    try {
      dir = Files.createTempDirectory("cg-sentinel-");
      int masterPort = RedisLauncher.freePort();
      replicaPort = RedisLauncher.freePort();
      sentinelPort = RedisLauncher.freePort();
      master = server(masterPort, "master");
      replica = server(replicaPort, "replica", "--replicaof", "127.0.0.1", Integer.toString(masterPort));
      Path conf = dir.resolve("sentinel.conf");
      Files.writeString(conf, String.join("\n",
          "port " + sentinelPort, "bind 127.0.0.1", "dir " + dir.toAbsolutePath(),
          "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + masterPort + " 1",
          "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
          "sentinel failover-timeout " + MASTER_NAME + " 5000", ""));
      start(List.of("redis-server", conf.toString(), "--sentinel"), "sentinel");
      RedisProcesses.await(() -> RedisProcesses.cli(replicaPort, "INFO", "replication").contains("master_link_status:up"),
          "the replica to sync", READY_WITHIN);
      RedisProcesses.await(() -> RedisProcesses.cli(sentinelPort, "SENTINEL", "replicas", MASTER_NAME)
          .contains(Integer.toString(replicaPort)), "the sentinel to know the replica", READY_WITHIN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the client asks for the master. */
  public String sentinelUrl() { return "redis://127.0.0.1:" + sentinelPort; }

  /** The master goes at once, as a crashed machine would (no shutdown, no last write to disk). */
  public void killMaster() {
    master.destroyForcibly();
    try {
      master.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The replica's address, to read what it has directly (while the master is still the master). */
  public String replicaUrl() { return "redis://127.0.0.1:" + replicaPort; }

  /**
   * Freezes the replica (SIGSTOP): its connection stays open but it reads nothing and acknowledges
   * nothing, as a replica on a stalled machine or a cut network would look to the master.
   */
  public void freezeReplica() { RedisProcesses.signal(replica, "STOP"); }

  /** Lets a frozen replica go on (SIGCONT); it catches up from the master's backlog. */
  public void thawReplica() { RedisProcesses.signal(replica, "CONT"); }

  /** Whether the replica is linked to the master again (after a thaw). */
  public boolean replicaLinked() {
    return RedisProcesses.cli(replicaPort, "INFO", "replication").contains("master_link_status:up");
  }

  private Process server(int port, String name, String... more) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toAbsolutePath().toString()));
    cmd.addAll(List.of(more));
    Process p = start(cmd, name);
    RedisProcesses.await(() -> RedisProcesses.cli(port, "PING").contains("PONG"), name + " to answer", READY_WITHIN);
    return p;
  }

  private Process start(List<String> cmd, String name) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    processes.add(p);
    return p;
  }



  @Override
  public void close() {
    RedisProcesses.killAll(processes);
    RedisProcesses.removeDir(dir);
  }
}
