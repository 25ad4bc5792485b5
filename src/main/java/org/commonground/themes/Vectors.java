package org.commonground.themes;

/** The little vector arithmetic the engine needs, on plain float arrays. */
final class Vectors {
  private Vectors() {}

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** A unit-length copy; a zero vector stays zero (it has no direction to keep). */
  static float[] unit(float[] v) {
    double n = Math.sqrt(dot(v, v));
    float[] out = new float[v.length];
    if (n < 1e-12) {
      return out;
    }
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / n);
    }
    return out;
  }

  static float[] mean(float[][] vs) {
    float[] m = new float[vs[0].length];
    for (float[] v : vs) {
      for (int i = 0; i < m.length; i++) {
        m[i] += v[i];
      }
    }
    for (int i = 0; i < m.length; i++) {
      m[i] /= vs.length;
    }
    return m;
  }

  /**
   * Each vector minus the set's mean, made unit length again. Sentence embeddings of notes from one
   * workshop share a large common direction (the topic of the day, the model's own bias), which
   * makes every pair look similar; taking it away leaves what tells the notes apart, and makes a
   * fixed threshold mean the same thing in every workshop.
   */
  static float[][] centred(float[][] vs) {
    float[] m = mean(vs);
    float[][] out = new float[vs.length][];
    for (int k = 0; k < vs.length; k++) {
      float[] d = new float[m.length];
      for (int i = 0; i < m.length; i++) {
        d[i] = vs[k][i] - m[i];
      }
      out[k] = unit(d);
    }
    return out;
  }
}
