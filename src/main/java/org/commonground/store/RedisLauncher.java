package org.commonground.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * Starts a private redis-server on a free loopback port: the one on PATH if there is one, else the
 * binary bundled in the embedded-redis artifact. Persistence is append-only under {@code dataDir},
 * so workshops survive a restart. The server and the tests use this same launcher.
 */
public final class RedisLauncher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisLauncher.class);
  /** Written by Redis itself in the data directory: which process serves it. */
  static final String PID_FILE = "redis.pid";
  private static final long STOP_WAIT_SECONDS = 10;

  private final RedisServer server;
  private final int port;
  private final Path dataDir;
  private final FileChannel lockFile;
  private final FileLock lock;

  private RedisLauncher(RedisServer server, int port, Path dataDir, FileChannel lockFile, FileLock lock) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /** Blocking: call it off the event loop. Port 0 takes a free one. */
  public static RedisLauncher start(Path dataDir, int port, String appendfsync) throws IOException {
    Files.createDirectories(dataDir);
    // Two Redis servers appending to one file would corrupt it: one launcher per data directory.
    FileChannel lockFile = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = lockFile.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockFile.close();
      throw new IOException("another server is already using " + dataDir.toAbsolutePath()
          + "; stop it, or set CG_DATA_DIR to another directory");
    }
    stopLeftOver(dataDir);
    int p = port > 0 ? port : freePort();
    ExecutableProvider exe;
    String source;
    try {
      exe = ExecutableProvider.newExecutableInPath("redis-server");
      source = "redis-server from PATH";
    } catch (IOException notOnPath) {
      exe = ExecutableProvider.newJarResourceProvider();
      source = "the bundled redis-server";
    }
    RedisServer server = RedisServer.newRedisServer()
        .executableProvider(exe)
        .port(p)
        .setting("bind 127.0.0.1")
        .setting("dir " + dataDir.toAbsolutePath())
        .setting("appendonly yes")
        .setting("appendfsync " + appendfsync)
        .setting("save \"\"")
        .setting("daemonize no")
        .setting("pidfile " + dataDir.resolve(PID_FILE).toAbsolutePath())
        .onShutdownForceStop(true)
        .build();
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      lock.release();
      lockFile.close();
      throw e;
    }
    LOG.info("Started {} on 127.0.0.1:{} with append-only persistence in {}", source, p, dataDir.toAbsolutePath());
    return new RedisLauncher(server, p, dataDir, lockFile, lock);
  }

  /**
   * A node stopped outright (SIGKILL, the kernel's out-of-memory killer) cannot stop its Redis, which runs
   * on in this directory after the node's lock has gone with it; a second Redis beside it would append to
   * the same file. So the one named in the directory's pid file, if it is still a redis-server working in
   * this directory, is stopped first: asked (SIGTERM, on which Redis writes out its file), then made to.
   */
  private static void stopLeftOver(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve(PID_FILE);
    if (!Files.exists(pidFile)) return;
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile).trim());
    } catch (NumberFormatException e) {
      Files.delete(pidFile);
      return;
    }
    ProcessHandle left = ProcessHandle.of(pid).filter(h -> isRedisIn(h, dataDir)).orElse(null);
    if (left != null) {
      LOG.warn("A Redis left running by a node that was stopped outright (pid {}) still uses {}; stopping it first",
          pid, dataDir.toAbsolutePath());
      left.destroy();
      try {
        left.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        left.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while stopping the Redis left running in " + dataDir, e);
      } catch (ExecutionException e) {
        throw new IOException("could not stop the Redis left running in " + dataDir, e);
      }
    }
    Files.deleteIfExists(pidFile);
  }

  /**
   * A redis-server (by its process title: Debian's binary is redis-check-rdb under another name) whose
   * working directory is this one, as Redis moves into its data directory: not a stranger given a reused pid.
   */
  private static boolean isRedisIn(ProcessHandle h, Path dataDir) {
    Path proc = Path.of("/proc", Long.toString(h.pid()));
    try {
      return Files.readString(proc.resolve("cmdline")).contains("redis-server")
          && Files.readSymbolicLink(proc.resolve("cwd")).equals(dataDir.toAbsolutePath().toRealPath());
    } catch (IOException | UnsupportedOperationException e) {
      return false; // no /proc (not Linux), or it has just gone: not known to be ours, so left alone
    }
  }

  public int port() { return port; }

  public String url() { return "redis://127.0.0.1:" + port; }

  public Path dataDir() { return dataDir; }

  /** Stops the server; Redis flushes its append-only file as it shuts down. */
  @Override
  public void close() throws IOException {
    try {
      server.stop();
    } finally {
      lock.release();
      lockFile.close();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
