package org.gyrus.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 over real sockets: slowloris, Host checks, secrets never shown, read-only opens. */
class DashboardHardeningTest {
  @TempDir static Path dir;
  static Path db;
  static DashboardServer server;

  @BeforeAll
  static void start() throws Exception {
    db = dir.resolve("studies.db");
    StudyFixtures.demo(db, 4);
    server =
        DashboardServer.start(
            "sqlite:" + db, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 50);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A raw request with the given Host line (null: none); the status line of the answer. */
  static String status(int port, String host) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(5_000);
      String head = "GET / HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n") + "\r\n";
      s.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return answer.substring(0, answer.indexOf("\r\n"));
    }
  }

  @Test
  void thirtyHalfOpenConnectionsDoNotStarveOtherClients() throws Exception {
    int port = server.port();
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 30; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = s.getOutputStream();
        out.write("GET /study?name=demo HTTP/1.1\r\nHost: 127".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        idle.add(s);
      }
      Thread.sleep(300);
      double worst = 0;
      for (int i = 0; i < 20; i++) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = DashboardServerTest.get(server, "/");
        worst = Math.max(worst, (System.nanoTime() - t0) / 1e9);
        assertThat(r.statusCode()).isEqualTo(200);
      }
      assertThat(worst).as("slowest of 20 requests, s").isLessThan(1.0);
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void onLoopbackOnlyLoopbackNamesAreAnswered() throws Exception {
    int port = server.port();
    assertThat(status(port, "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
    assertThat(status(port, "localhost:" + port)).startsWith("HTTP/1.1 200");
    assertThat(status(port, "LOCALHOST.")).startsWith("HTTP/1.1 200");
    assertThat(status(port, "[::1]:" + port)).startsWith("HTTP/1.1 200");
    assertThat(status(port, "evil.example")).startsWith("HTTP/1.1 421");
    assertThat(status(port, "evil.example:" + port)).startsWith("HTTP/1.1 421");
    assertThat(status(port, "127.0.0.1.evil.example")).startsWith("HTTP/1.1 421");
    assertThat(status(port, "localhost@evil.example")).startsWith("HTTP/1.1 421");
    assertThat(status(port, "10.0.0.1")).startsWith("HTTP/1.1 421");
    assertThat(status(port, null)).startsWith("HTTP/1.1 421");
    HttpResponse<String> r = DashboardServerTest.get(server, "/static/dashboard.js");
    assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void beyondLoopbackTheBoundAddressAndGivenNamesOnly() throws Exception {
    HostCheck lan = new HostCheck(InetAddress.getByName("192.0.2.7"), List.of("gyrus.example.org"));
    assertThat(lan.allows("192.0.2.7:7860")).isTrue();
    assertThat(lan.allows("gyrus.example.org")).isTrue();
    assertThat(lan.allows("localhost")).isFalse();
    assertThat(lan.allows("127.0.0.1:7860")).isFalse();
    assertThat(lan.allows("[::1]")).isFalse();
    assertThat(lan.allows("192.0.2.8")).isFalse();
    assertThat(lan.allows("evil.example")).isFalse();
    HostCheck any = new HostCheck(InetAddress.getByName("0.0.0.0"), List.of());
    assertThat(any.allows("localhost")).isTrue();
    assertThat(any.allows("127.0.0.1")).isTrue();
    assertThat(any.allows("192.0.2.99")).isFalse(); // not an address of this machine
    assertThat(any.allows("evil.example")).isFalse();
  }

  @Test
  void aPasswordInTheStorageUrlIsNeverShown() throws Exception {
    int closedPort;
    try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
      closedPort = ss.getLocalPort();
    }
    String secret = "SuperSecret123";
    String[] urls = {
      "postgresql://gyrus:" + secret + "@127.0.0.1:" + closedPort + "/postgres",
      "postgresql://gyrus:p%40" + secret + "@127.0.0.1:" + closedPort + "/postgres",
      "postgresql://gyrus@127.0.0.1:" + closedPort + "/postgres?password=" + secret,
    };
    for (String url : urls) {
      try (DashboardServer s =
          DashboardServer.start(
              url, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 50)) {
        for (String page : new String[] {"/", "/study?name=demo", "/api/study?name=demo"}) {
          HttpResponse<String> r = DashboardServerTest.get(s, page);
          assertThat(r.statusCode()).isEqualTo(503);
          assertThat(r.body()).as(url).contains("***").doesNotContain(secret);
        }
      }
    }
    String pg = System.getenv("GYRUS_PG_URL");
    if (pg == null) {
      System.err.println("GYRUS_PG_URL unset: the index page over a live PostgreSQL is skipped");
      return;
    }
    // a trust-auth server takes any password: the page must show the URL without it
    String withPassword = pg.replaceFirst("://([^@/]+)@", "://$1:" + secret + "@");
    org.gyrus.search.store.TrialStores.open(withPassword).close(); // creates the tables
    try (DashboardServer s =
        DashboardServer.start(
            withPassword, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 50)) {
      HttpResponse<String> r = DashboardServerTest.get(s, "/");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains(":***@").doesNotContain(secret);
      // the server drops the dashboard's connection: the next page fails (500) or recovers
      var m = java.util.regex.Pattern.compile("postgresql://([^@/:]+)@([^/]+)/([^?]+)").matcher(pg);
      assertThat(m.find()).isTrue();
      var props = new java.util.Properties();
      props.setProperty("user", m.group(1));
      props.setProperty("ApplicationName", "gyrus-test-killer");
      try (var c =
              DriverManager.getConnection(
                  "jdbc:postgresql://" + m.group(2) + "/" + m.group(3), props);
          var st = c.createStatement()) {
        st.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'gyrus' AND pid <> pg_backend_pid()");
      }
      HttpResponse<String> after = DashboardServerTest.get(s, "/");
      assertThat(after.statusCode()).isIn(200, 500);
      assertThat(after.body()).doesNotContain(secret);
      if (after.statusCode() == 500) {
        assertThat(after.body()).contains(":***@");
      }
    }
  }

  @Test
  void aForeignFileIsRefusedAndLeftByteIdentical() throws Exception {
    Path foreign = dir.resolve("foreign.db");
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + foreign);
        var st = c.createStatement()) {
      st.execute("create table users(id int)");
      st.execute("insert into users values (1)");
    }
    byte[] before = Files.readAllBytes(foreign);
    try (DashboardServer s =
        DashboardServer.start(
            "sqlite:" + foreign,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            null,
            50)) {
      HttpResponse<String> r = DashboardServerTest.get(s, "/");
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).contains("holds other tables");
    }
    assertThat(Files.readAllBytes(foreign)).isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("foreign.db-"));
    }
  }

  @Test
  void servingAStudyLeavesItsFileUnchanged() throws Exception {
    byte[] before = digest(db);
    for (String page : new String[] {"/", "/study?name=demo", "/api/study?name=demo"}) {
      assertThat(DashboardServerTest.get(server, page).statusCode()).isEqualTo(200);
    }
    assertThat(digest(db)).isEqualTo(before);
  }

  static byte[] digest(Path p) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
  }
}
