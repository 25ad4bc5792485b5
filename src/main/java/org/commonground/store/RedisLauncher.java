package org.commonground.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
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
