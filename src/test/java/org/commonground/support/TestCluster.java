package org.commonground.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.commonground.store.RedisLauncher;

/**
 * A private Redis Cluster for one test class: three masters, each with one replica, every one a real
 * redis-server on free loopback ports (its cluster bus too), with the same append-only persistence as
 * {@link TestRedis}, in its own temporary directory that {@link #close()} removes. A master killed with
 * SIGKILL is replaced by its replica within a few seconds (node timeout 1 s).
 */
public final class TestCluster implements AutoCloseable {
  private static final int NODES = 6;
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private final Path dir;
  /** Client port → its process, in start order. */
  private final Map<Integer, Process> nodes = new LinkedHashMap<>();

  public TestCluster() {
    try {
      dir = Files.createTempDirectory("cg-cluster-");
      java.util.Set<Integer> ports = new java.util.LinkedHashSet<>();
      // Distinct: a port just handed out and closed again may be handed out once more.
      while (ports.size() < 2 * NODES) ports.add(RedisLauncher.freePort());
      List<Integer> all = new ArrayList<>(ports);
      for (int i = 0; i < NODES; i++) start(all.get(2 * i), all.get(2 * i + 1));
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      nodes.keySet().forEach(p -> create.add("127.0.0.1:" + p));
      create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
      String out = RedisProcesses.run(create, Duration.ofSeconds(60));
      if (!out.contains("All 16384 slots covered")) {
        close();
        throw new IllegalStateException("redis-cli --cluster create failed:\n" + out);
      }
      RedisProcesses.await(() -> nodes.keySet().stream().allMatch(p -> {
        String info = RedisProcesses.cli(p, "CLUSTER", "INFO");
        return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + NODES);
      }), "every node to say cluster_state:ok", READY_WITHIN);
      RedisProcesses.await(() -> replicaPorts().size() == NODES / 2 && replicaPorts().stream()
          .allMatch(p -> RedisProcesses.cli(p, "INFO", "replication").contains("master_link_status:up")),
          "the replicas to sync", READY_WITHIN);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Every node, comma-separated, as {@code redis.url} takes them: the client finds the slots from any it reaches. */
  public String url() {
    return String.join(",", nodes.keySet().stream().map(p -> "redis://127.0.0.1:" + p).toList());
  }

  /** Every node's address, for a client that is given them one by one. */
  public List<String> urls() { return nodes.keySet().stream().map(p -> "redis://127.0.0.1:" + p).toList(); }

  /**
   * Kills the master that holds {@code key}'s slot at once, as a crashed machine would (no shutdown, no
   * last write to disk); returns its port.
   */
  public int killMasterOf(String key) {
    int any = alivePort();
    String slot = RedisProcesses.cli(any, "CLUSTER", "KEYSLOT", key).strip();
    int port = masterOfSlot(any, Integer.parseInt(slot));
    Process p = nodes.get(port);
    p.destroyForcibly();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) throw new IllegalStateException("redis-server on " + port + " did not die");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return port;
  }

  /** The address of a replica of the master that holds {@code key}'s slot. */
  public String replicaUrlOf(String key) {
    int any = alivePort();
    int slot = Integer.parseInt(RedisProcesses.cli(any, "CLUSTER", "KEYSLOT", key).strip());
    int master = masterOfSlot(any, slot);
    String masterId = null;
    String[] lines = RedisProcesses.cli(any, "CLUSTER", "NODES").split("\n");
    for (String line : lines) {
      String[] f = line.strip().split(" ");
      if (f.length >= 8 && f[1].startsWith("127.0.0.1:" + master + "@")) masterId = f[0];
    }
    for (String line : lines) {
      String[] f = line.strip().split(" ");
      if (f.length >= 8 && f[2].contains("slave") && f[3].equals(masterId)) {
        return "redis://127.0.0.1:" + f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@'));
      }
    }
    throw new IllegalStateException("no replica of the master of slot " + slot);
  }

  /** The port of the master that serves {@code slot}, as CLUSTER NODES says. */
  private int masterOfSlot(int askPort, int slot) {
    for (String line : RedisProcesses.cli(askPort, "CLUSTER", "NODES").split("\n")) {
      String[] f = line.strip().split(" ");
      if (f.length < 9 || !f[2].contains("master") || f[2].contains("fail")) continue;
      for (int i = 8; i < f.length; i++) {
        if (f[i].startsWith("[")) continue; // a slot being migrated
        String[] range = f[i].split("-");
        int from = Integer.parseInt(range[0]);
        int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
        if (slot >= from && slot <= to) return Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@')));
      }
    }
    throw new IllegalStateException("no master serves slot " + slot);
  }

  private List<Integer> replicaPorts() {
    List<Integer> out = new ArrayList<>();
    for (String line : RedisProcesses.cli(alivePort(), "CLUSTER", "NODES").split("\n")) {
      String[] f = line.strip().split(" ");
      if (f.length >= 8 && f[2].contains("slave")) out.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1, f[1].indexOf('@'))));
    }
    return out;
  }

  private int alivePort() {
    return nodes.entrySet().stream().filter(e -> e.getValue().isAlive()).map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new IllegalStateException("no cluster node is running"));
  }

  private void start(int port, int busPort) throws IOException {
    Path nodeDir = Files.createDirectories(dir.resolve(Integer.toString(port)));
    List<String> cmd = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--cluster-enabled", "yes", "--cluster-port", Integer.toString(busPort),
        "--cluster-config-file", nodeDir.resolve("nodes.conf").toString(), "--cluster-node-timeout", "1000",
        "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--dir", nodeDir.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(nodeDir.resolve("redis.log").toFile()).start();
    nodes.put(port, p);
    RedisProcesses.await(() -> RedisProcesses.cli(port, "PING").contains("PONG"), "redis-server on " + port + " to answer",
        READY_WITHIN);
  }



  @Override
  public void close() {
    RedisProcesses.killAll(nodes.values());
    RedisProcesses.removeDir(dir);
  }
}
