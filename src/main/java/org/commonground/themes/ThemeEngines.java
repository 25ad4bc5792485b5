package org.commonground.themes;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the theme engine comes from. The model (quantized all-MiniLM-L6-v2, shipped inside its
 * Maven artifact) is loaded once per process, on first use, and shared by every engine handed out.
 * Loading takes about a second and adds about 150 MB to the process, nearly all of it native (ONNX
 * Runtime, the session, the tokenizer); the Java heap holds only the embedding cache.
 */
public final class ThemeEngines {

  /**
   * Texts whose embeddings are kept. One entry is 384 floats plus its text, about 2 KB, so the
   * cache stays under about 20 MB while holding every note of several busy workshops.
   */
  public static final int CACHE_SIZE = 10_000;

  private static Embedder shared;
  private static ThemeModelUnavailableException failure;

  private ThemeEngines() {}

  /**
   * The embedding-backed engine. Blocks for about a second the first time (loading the model).
   *
   * @throws ThemeModelUnavailableException if the model cannot be loaded; every later call throws
   *     the same, quickly, and nothing else in the server depends on it
   */
  public static ThemeSuggester load() {
    return new EmbeddingThemeSuggester(embedder());
  }

  /** The shared embedder, for code that needs raw embeddings (the benchmark's baseline). */
  public static synchronized Embedder embedder() {
    if (shared == null && failure == null) {
      try {
        shared = load(MiniLmModel::open);
      } catch (ThemeModelUnavailableException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return shared;
  }

  /**
   * Loads a model through {@code factory}, which is given the executor to embed on. Any failure,
   * including the linkage errors a missing native library or model file raises, becomes a
   * {@link ThemeModelUnavailableException}.
   */
  static Embedder load(ModelFactory factory) {
    ExecutorService pool = embeddingPool();
    try {
      EmbeddingModel model = factory.open(pool);
      model.embed("warm up");
      return new Embedder(model, CACHE_SIZE);
    } catch (Exception | LinkageError e) {
      pool.shutdownNow();
      throw new ThemeModelUnavailableException(
          "Theme suggestions are unavailable: the sentence embedding model could not be loaded ("
              + e + ")", e);
    }
  }

  /** Opens a model that embeds on the given executor. */
  @FunctionalInterface
  interface ModelFactory {
    EmbeddingModel open(ExecutorService pool) throws Exception;
  }

  /**
   * One thread per core, each running one note at a time on a single-threaded ONNX session
   * (see {@link MiniLmModel}), so the notes of a call are spread over the cores. Daemon threads
   * that time out, so an idle engine holds none and none keeps the JVM alive.
   */
  private static ExecutorService embeddingPool() {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "themes-embed-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
