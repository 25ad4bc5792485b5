package org.commonground.transport;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * This machine's addresses that a phone on the same network could reach. A server started on a laptop
 * is opened at localhost there, but a QR code or a printed address saying localhost sends a phone to
 * itself: these are what to show instead when no public address is configured.
 */
public final class NetworkAddresses {
  private NetworkAddresses() {}

  /** IPv4 addresses of interfaces that are up and not loopback, site-local ones (home and office networks) first. */
  public static List<String> reachable() {
    List<String> local = new ArrayList<>();
    List<String> other = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) continue;
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (!(a instanceof Inet4Address) || a.isLoopbackAddress() || a.isLinkLocalAddress()) continue;
          (a.isSiteLocalAddress() ? local : other).add(a.getHostAddress());
        }
      }
    } catch (SocketException e) {
      return List.of();
    }
    local.addAll(other);
    return local;
  }

  static boolean isLoopback(String host) {
    return host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }
}
