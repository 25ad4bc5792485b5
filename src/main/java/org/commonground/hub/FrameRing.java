package org.commonground.hub;

import io.vertx.core.buffer.Buffer;

/**
 * The last encoded {@code ev} frames of a workshop, by seq, so that a resuming client is served from
 * memory. Bounded: older frames are read back from the store.
 */
final class FrameRing {
  private final Buffer[] frames;
  private long lastSeq;

  FrameRing(int capacity) { frames = new Buffer[capacity]; }

  void add(long seq, Buffer frame) {
    frames[(int) (seq % frames.length)] = frame;
    lastSeq = seq;
  }

  /** Forgets every frame held: resumes from before now read the log. */
  void clear() {
    java.util.Arrays.fill(frames, null);
  }

  /** The frame of {@code seq}, or null when it is not (or no longer) held. */
  Buffer get(long seq) {
    if (seq > lastSeq || seq <= lastSeq - frames.length || seq <= 0) return null;
    return frames[(int) (seq % frames.length)];
  }
}
