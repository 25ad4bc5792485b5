package org.commonground.hub.live;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What this node's sockets are told of who came and went: the difference between who is online now and
 * who they were last told of, at most one frame a second. No I/O: the driver asks when to look again
 * ({@link #delay}) and what to send ({@link #since}).
 */
public final class PresenceNews {
  /** The shortest time between two presence frames, so people coming and going never flood a phone. */
  public static final long MIN_GAP_MS = 1_000;

  /** {@code online}: how many are online now; {@code joined} and {@code left}: since the last frame. */
  public record News(int online, List<String> joined, List<String> left) {}

  private Set<String> announced = Set.of();
  private long lastFrameAt;

  /** Who was online when the workshop was loaded here: nobody is told of them as newcomers. */
  public void known(Set<String> online) { announced = new LinkedHashSet<>(online); }

  /** How long after a change to look again: {@code coalesceMs} at least, and a second after the last frame. */
  public long delay(long now, long coalesceMs) { return Math.max(coalesceMs, MIN_GAP_MS - (now - lastFrameAt)); }

  /** The frame to send about {@code online}, or null when nobody came or went since the last one. */
  public News since(Set<String> online, long now) {
    List<String> joined = new ArrayList<>();
    for (String p : online) if (!announced.contains(p)) joined.add(p);
    List<String> left = new ArrayList<>();
    for (String p : announced) if (!online.contains(p)) left.add(p);
    announced = new LinkedHashSet<>(online);
    if (joined.isEmpty() && left.isEmpty()) return null;
    lastFrameAt = now;
    return new News(online.size(), joined, left);
  }
}
