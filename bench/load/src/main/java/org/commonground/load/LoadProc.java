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
 * started as a child of the load tool so its pid is known ({@link LoadProcStats} reads what Linux says about
 * them). Everything listens on 127.0.0.1 only.
 */
final class LoadProc implements AutoCloseable {
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

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
