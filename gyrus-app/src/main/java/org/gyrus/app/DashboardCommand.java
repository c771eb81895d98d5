package org.gyrus.app;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gyrus.app.draw.ShapeInference;
import org.gyrus.app.web.DashboardServer;
import org.gyrus.core.SpecError;
import org.gyrus.search.store.TrialStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gyrus dashboard}: a read-only local web view of the studies in a store. */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a read-only dashboard of the studies in --storage (127.0.0.1 unless --host).",
      "Binding any address beyond loopback prints an access token every request must carry."
    })
final class DashboardCommand implements Callable<Integer> {
  @Mixin StorageOption storage;

  @Option(
      names = "--port",
      defaultValue = "7860",
      description = "Port, 0..65535 (0 picks a free one; default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      description = "Address to bind instead of 127.0.0.1; a non-loopback one needs the token.")
  String host;

  @Option(
      names = "--allowed-host",
      paramLabel = "NAME",
      description =
          "A further name the dashboard answers to in the Host header (a DNS name of this"
              + " machine, a reverse proxy's); repeatable. Other names are refused (DNS rebinding).")
  List<String> allowedHosts = new ArrayList<>();

  @Option(
      names = "--poll-ms",
      defaultValue = "500",
      description =
          "How often live pages check the store, in ms, 50..60000 (default: ${DEFAULT-VALUE}).")
  long pollMillis;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new SpecError("--port", "a port in 0..65535", Integer.toString(port));
    }
    if (pollMillis < 50 || pollMillis > 60_000) {
      throw new SpecError("--poll-ms", "50..60000", Long.toString(pollMillis));
    }
    InetAddress address = resolve(host == null ? "127.0.0.1" : host);
    String token = address.isLoopbackAddress() ? null : newToken();
    List<String> names = new ArrayList<>();
    for (String name : allowedHosts) {
      names.add(checkHostName(name));
    }
    if (host != null) {
      names.add(host);
    }
    try (DashboardServer server =
        DashboardServer.start(
            storage.url,
            new InetSocketAddress(address, port),
            token,
            pollMillis,
            ShapeInference.discover(),
            names)) {
      String shown = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
      if (shown.contains(":")) {
        shown = "[" + shown + "]";
      }
      String url =
          "http://" + shown + ":" + server.port() + "/" + (token == null ? "" : "?token=" + token);
      System.out.println("dashboard: " + url);
      if (token != null) {
        System.out.println("access token: " + token);
      }
      System.out.flush();
      System.err.println("serving " + TrialStores.redact(storage.url) + " read-only; Ctrl-C stops");
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      stop.await();
    }
    return 0;
  }

  static String checkHostName(String name) {
    if (!name.matches("[A-Za-z0-9.\\-]{1,253}")) {
      throw new SpecError(
          "--allowed-host", "a host name such as gyrus.example.org", "'" + name + "'");
    }
    return name;
  }

  static InetAddress resolve(String host) {
    if (!host.matches("[A-Za-z0-9.:\\-\\[\\]]{1,255}")) {
      throw new SpecError("--host", "an IP address or host name", "'" + host + "'");
    }
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new SpecError("--host", "a resolvable address", "'" + host + "'");
    }
  }

  static String newToken() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
