package org.commonground.load;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * The processes a benchmark run measures (redis-server, the server jar, the bare broadcast server), each
 * started as a child of the load tool so its pid is known, and what Linux says about them: CPU time from
 * {@code /proc/<pid>/stat}, resident memory from {@code /proc/<pid>/status}, the machine's load from
 * {@code /proc/loadavg} and {@code /proc/stat}. Everything listens on 127.0.0.1 only.
 */
final class LoadProc implements AutoCloseable {
  /** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux this runs on). */
  static final long CLK_TCK = clkTck();

  final String name;
  final Process process;
  final Path log;
  final int port;

  private LoadProc(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
  }

  long pid() { return process.pid(); }

  // ------------------------------------------------------------------ starting

  /** The redis-server on PATH if there is one, else the binary bundled in the embedded-redis artifact (as RedisLauncher does). */
  static File redisBinary() throws IOException {
    try {
      return ExecutableProvider.newExecutableInPath("redis-server").get();
    } catch (IOException notOnPath) {
      File f = ExecutableProvider.newJarResourceProvider().get();
      f.setExecutable(true);
      return f;
    }
  }

  /** A redis-server configured as the server's embedded one: append-only, fsync on every write. */
  static LoadProc redis(Path dir, int port, String appendfsync) throws IOException {
    Files.createDirectories(dir);
    List<String> cmd = List.of(redisBinary().getAbsolutePath(), "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--dir", dir.toAbsolutePath().toString(), "--appendonly", "yes",
        "--appendfsync", appendfsync, "--save", "", "--daemonize", "no", "--protected-mode", "no",
        "--maxclients", "10000");
    Path log = dir.resolve("redis.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    LoadProc p = new LoadProc("redis", pb.start(), log, port);
    long deadline = System.currentTimeMillis() + 15_000;
    while (!redisPing(port)) {
      if (!p.process.isAlive() || System.currentTimeMillis() > deadline) {
        p.close();
        throw new IOException("redis-server did not start on port " + port + "; see " + log);
      }
      sleep(50);
    }
    return p;
  }

  static boolean redisPing(int port) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(1_000);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] b = new byte[16];
      int n = s.getInputStream().read(b);
      return n > 0 && new String(b, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  static String redisVersion() {
    try {
      Process p = new ProcessBuilder(redisBinary().getAbsolutePath(), "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor(5, TimeUnit.SECONDS);
      return out;
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  /**
   * The real server, as an operator starts it: {@code java @config/jvm.options -jar target/common-ground.jar}
   * in the project directory (so it reads config/), with its port and Redis from the environment; the
   * tool's extra options ({@code --server-jvm}) come after the file's, so they win.
   */
  static LoadProc server(String name, Path projectDir, Path jar, int port, String redisUrl, Path workDir,
                         List<String> jvmArgs) throws IOException {
    Files.createDirectories(workDir);
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin());
    Path options = projectDir.resolve("config/jvm.options");
    if (Files.exists(options)) cmd.add("@" + options.toAbsolutePath());
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(privateCopy(jar, jar.toAbsolutePath().getParent().resolve("bench-work")).toAbsolutePath().toString());
    Path log = workDir.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(projectDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("CG_HTTP_PORT", Integer.toString(port));
    env.put("CG_HTTP_HOST", "127.0.0.1");
    env.put("CG_REDIS_URL", redisUrl);
    // Several nodes share this machine: each takes a free metrics port (the tool reads /proc, not metrics).
    env.put("CG_METRICS_PORT", "0");
    // Every simulated client connects from 127.0.0.1: 10,000 idle ones and the reconnect storms among them,
    env.put("CG_CONNECTIONS_PER_ADDRESS", "1000000");
    // and creates hundreds of workshops there within minutes.
    env.put("CG_CREATIONS_PER_WINDOW", "1000000");
    env.put("CG_DATA_DIR", workDir.resolve("data").toAbsolutePath().toString());
    env.remove("CG_ORGANISER_KEY");
    LoadProc p = new LoadProc(name, pb.start(), log, port);
    p.awaitHealthy(90_000);
    return p;
  }

  /**
   * The jar, byte for byte, under a name of the benchmark's own: on a machine shared with other sessions,
   * a clean-up that stops "common-ground.jar" processes by name must not take the measured server with it.
   */
  static Path privateCopy(Path jar, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path copy = dir.resolve("cg-load-bench-node.jar");
    if (!Files.exists(copy) || Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(jar)) < 0
        || Files.size(copy) != Files.size(jar)) {
      Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    }
    return copy;
  }

  /** The bare Vert.x broadcast server of this package, in a JVM of its own with the tool's class path. */
  static LoadProc bare(int port, Path workDir, List<String> jvmArgs) throws IOException {
    Files.createDirectories(workDir);
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(LoadBareServer.class.getName());
    cmd.add(Integer.toString(port));
    Path log = workDir.resolve("bare.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    LoadProc p = new LoadProc("bare", pb.start(), log, port);
    p.awaitHealthy(30_000);
    return p;
  }

  /**
   * Why the Socket.IO target cannot run here (no node on PATH, or bench/socketio's modules not installed:
   * bench/run.sh runs {@code npm ci --prefix bench/socketio}), or null if it can.
   */
  static String socketIoMissing(Path projectDir) {
    Path dir = projectDir.resolve("bench/socketio");
    if (!Files.isRegularFile(dir.resolve("server.js"))) return "no " + dir.resolve("server.js");
    if (!Files.isDirectory(dir.resolve("node_modules/socket.io"))
        || !Files.isDirectory(dir.resolve("node_modules/@socket.io/redis-adapter"))) {
      return "its modules are not installed (npm ci --prefix bench/socketio)";
    }
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return "node --version failed";
      return null;
    } catch (IOException e) {
      return "no node on PATH";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Node's, Socket.IO's and the Redis adapter's versions as installed, for the results. */
  static io.vertx.core.json.JsonObject socketIoVersions(Path projectDir) {
    io.vertx.core.json.JsonObject v = new io.vertx.core.json.JsonObject();
    Path modules = projectDir.resolve("bench/socketio/node_modules");
    for (String[] m : new String[][] {{"socketIo", "socket.io"}, {"redisAdapter", "@socket.io/redis-adapter"},
        {"redisClient", "redis"}}) {
      try {
        v.put(m[0], new io.vertx.core.json.JsonObject(Files.readString(modules.resolve(m[1]).resolve("package.json")))
            .getString("version"));
      } catch (IOException | RuntimeException e) {
        v.put(m[0], "?");
      }
    }
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      v.put("node", new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      v.put("node", "?");
    }
    return v;
  }

  /** The Socket.IO 4 comparison server, bench/socketio/server.js, with node from PATH. */
  static LoadProc socketIo(Path projectDir, int port, String redisUrl, Path workDir) throws IOException {
    Files.createDirectories(workDir);
    Path dir = projectDir.resolve("bench/socketio");
    List<String> cmd = List.of("node", dir.resolve("server.js").toAbsolutePath().toString(), Integer.toString(port),
        redisUrl);
    Path log = workDir.resolve("socketio.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("NODE_ENV", "production");
    LoadProc p = new LoadProc("socketio", pb.start(), log, port);
    p.awaitHealthy(30_000);
    return p;
  }

  private void awaitHealthy(long timeoutMs) throws IOException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (health(port) != 200) {
      if (!process.isAlive()) throw new IOException(name + " exited with " + process.exitValue() + "; see " + log);
      if (System.currentTimeMillis() > deadline) {
        close();
        throw new IOException(name + " not healthy within " + timeoutMs + " ms; see " + log);
      }
      sleep(100);
    }
  }

  /** GET /health: the status code, or -1 if nothing answered within a second. */
  static int health(int port) {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health").toURL().openConnection();
      c.setConnectTimeout(1_000);
      c.setReadTimeout(1_000);
      int code = c.getResponseCode();
      try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
        if (in != null) in.readAllBytes();
      }
      c.disconnect();
      return code;
    } catch (IOException e) {
      return -1;
    }
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A free loopback port, preferring the given range (the benchmark's own, away from 8080). */
  static int freePort(int from, int to) throws IOException {
    for (int p = from; p <= to; p++) {
      if (portFree(p)) return p;
    }
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static boolean portFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGKILL: what a crash looks like to everyone else. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, then SIGKILL after 20 s. */
  @Override
  public void close() {
    if (!process.isAlive()) return;
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  // ------------------------------------------------------------------ measuring

  /** utime + stime of a process, in clock ticks, or -1 if it is gone. */
  static long cpuTicks(long pid) {
    try {
      String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      // After "pid (comm) ", field 3 (state) is f[0]; utime is field 14, stime field 15.
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** utime and stime of a process, in clock ticks ({-1, -1} if it is gone). */
  static long[] userSystemTicks(long pid) {
    try {
      String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }

  /**
   * CPU ticks per kind of thread of a process, from /proc/<pid>/task/<tid>/stat, the thread names with their
   * numbers taken out ("vert.x-eventloop-thread-#", "C2 CompilerThre#", "G1 Conc#"...).
   */
  static Map<String, Long> threadTicks(long pid) {
    Map<String, Long> m = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        try {
          String s = Files.readString(t.resolve("stat"));
          String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')')).replaceAll("\\d+", "#");
          String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
          m.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone
    }
    return m;
  }

  static long cpuTicks(List<Long> pids) {
    long sum = 0;
    for (long pid : pids) sum += Math.max(0, cpuTicks(pid));
    return sum;
  }

  /** A field of /proc/<pid>/status in kB (VmRSS, VmHWM), or -1. */
  static long statusKb(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  static long rssKb(long pid) { return statusKb(pid, "VmRSS"); }

  static long threads(long pid) { return statusKb(pid, "Threads"); }

  /** The 1, 5 and 15 minute load averages. */
  static double[] loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    } catch (IOException | RuntimeException e) {
      return new double[] {-1, -1, -1};
    }
  }

  /** The whole machine's busy ticks (all but idle and iowait) from /proc/stat. */
  static long machineBusyTicks() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
        if (line.startsWith("cpu ")) {
          String[] f = line.trim().split("\\s+");
          long busy = 0;
          for (int i = 1; i < f.length && i <= 8; i++) {
            if (i == 4 || i == 5) continue; // idle, iowait
            busy += Long.parseLong(f[i]);
          }
          return busy;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Runs jcmd against a JVM and returns its output (GC.run, GC.heap_info). */
  static String jcmd(long pid, String... command) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    cmd.add(Long.toString(pid));
    cmd.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  /** Java heap in use and committed (kB) after a full collection, as jcmd GC.heap_info reports it; -1 if unknown. */
  static long[] heapKbAfterGc(long pid) {
    jcmd(pid, "GC.run");
    sleep(1_000);
    String info = jcmd(pid, "GC.heap_info");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
    return m.find() ? new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(1))} : new long[] {-1, -1};
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static long clkTck() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      p.waitFor(5, TimeUnit.SECONDS);
      return Long.parseLong(out);
    } catch (IOException | InterruptedException | NumberFormatException e) {
      return 100;
    }
  }
}
