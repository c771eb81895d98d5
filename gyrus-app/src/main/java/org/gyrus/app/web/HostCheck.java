package org.gyrus.app.web;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which {@code Host} header values a dashboard answers to, against DNS rebinding (a page of
 * evil.example whose name comes to resolve to 127.0.0.1 must not read the studies). Loopback names
 * and addresses only when bound on loopback (or every address); otherwise the bound address, this
 * machine's name, and names given explicitly. The port is not compared: an SSH tunnel moves it.
 */
final class HostCheck {
  private final InetAddress bound;
  private final boolean loopbackOk;
  private final Set<String> names = new HashSet<>();
  private final Map<InetAddress, Boolean> local = new ConcurrentHashMap<>();

  HostCheck(InetAddress bound, Collection<String> extraNames) {
    this.bound = bound;
    this.loopbackOk = bound.isLoopbackAddress() || bound.isAnyLocalAddress();
    for (String n : extraNames) {
      names.add(normal(n));
    }
    if (loopbackOk) {
      names.add("localhost");
    }
    if (!bound.isLoopbackAddress()) {
      try {
        names.add(normal(InetAddress.getLocalHost().getHostName()));
      } catch (UnknownHostException ignored) {
        // no name for this machine: addresses still work
      }
    }
  }

  /** Whether a request carrying this {@code Host} header is for this dashboard. */
  boolean allows(String hostHeader) {
    if (hostHeader == null || hostHeader.isEmpty() || hostHeader.length() > 255) {
      return false;
    }
    String host;
    String port;
    if (hostHeader.startsWith("[")) {
      int close = hostHeader.indexOf(']');
      if (close < 0) {
        return false;
      }
      host = hostHeader.substring(1, close);
      port = hostHeader.substring(close + 1);
      if (!host.matches("[0-9A-Fa-f:.]+")) {
        return false;
      }
    } else {
      int colon = hostHeader.indexOf(':');
      host = colon < 0 ? hostHeader : hostHeader.substring(0, colon);
      port = colon < 0 ? "" : hostHeader.substring(colon);
    }
    if (!port.isEmpty() && !port.matches(":[0-9]{1,5}")) {
      return false;
    }
    host = normal(host);
    if (host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || host.contains(":")) {
      return allowsAddress(host);
    }
    if (!host.matches("[a-z0-9.-]+")) {
      return false;
    }
    return names.contains(host) || (loopbackOk && host.endsWith(".localhost"));
  }

  private boolean allowsAddress(String literal) {
    InetAddress a;
    try {
      a = InetAddress.getByName(literal); // a literal: parsed, never looked up
    } catch (UnknownHostException e) {
      return false;
    }
    if (a.isLoopbackAddress()) {
      return loopbackOk;
    }
    if (bound.isAnyLocalAddress()) {
      Boolean known = local.get(a);
      if (known == null) {
        known = isLocal(a);
        if (local.size() < 256) { // the client picks the literal: keep the cache bounded
          local.put(a, known);
        }
      }
      return known;
    }
    return a.equals(bound);
  }

  private static boolean isLocal(InetAddress a) {
    try {
      return NetworkInterface.getByInetAddress(a) != null;
    } catch (SocketException e) {
      return false;
    }
  }

  private static String normal(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("[") && n.endsWith("]")) {
      n = n.substring(1, n.length() - 1);
    }
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}
