package org.commonground.transport;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections per client address, across every event loop of the node (so one map, safe for
 * concurrent use; each change is one atomic {@code compute}). An address is in the map only while it has
 * a connection open, so the map never holds more entries than there are open connections.
 */
public final class AddressCounts {
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
  private final int perAddress;

  public AddressCounts(int perAddress) { this.perAddress = perAddress; }

  /** Counts one more connection from {@code address}; false, counting nothing, when it already has the most allowed. */
  boolean tryOpen(String address) {
    boolean[] counted = {false};
    open.compute(address, (a, n) -> {
      int now = n == null ? 0 : n;
      if (now >= perAddress) return n;
      counted[0] = true;
      return now + 1;
    });
    return counted[0];
  }

  /** One connection from {@code address} has closed. */
  void close(String address) {
    open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
  }

  int count(String address) { return open.getOrDefault(address, 0); }
}
