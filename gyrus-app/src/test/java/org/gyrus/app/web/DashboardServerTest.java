package org.gyrus.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gyrus.core.SpecCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over a real SQLite study, through a plain HTTP client and raw sockets. */
class DashboardServerTest {
  @TempDir static Path dir;
  static Path db;
  static DashboardServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    db = dir.resolve("studies.db");
    StudyFixtures.demo(db, 6);
    StudyFixtures.multi(db);
    server =
        DashboardServer.start(
            "sqlite:" + db, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 50);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(DashboardServer s, String pathAndQuery, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + pathAndQuery))
            .timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends a request line exactly as written (no client-side normalisation). */
  static String raw(int port, String requestLine) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = s.getOutputStream();
      out.write(
          (requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void studyListShowsBothStudiesEscaped() throws Exception {
    HttpResponse<String> r = get(server, "/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains(">demo<").contains("&lt;b&gt;multi&lt;/b&gt;");
    assertThat(r.body()).doesNotContain("<b>multi</b>");
    assertThat(r.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("script-src 'self'");
  }

  @Test
  void apiGivesRowsHistoryImportanceAndPareto() throws Exception {
    var doc = SpecCodec.json().readTree(get(server, "/api/study?name=demo").body());
    assertThat(doc.get("trials").size()).isEqualTo(8);
    // best so far: the steps where it improves and the last, each with the trial that holds it
    var best = doc.get("best");
    assertThat(best.size()).isBetween(2, 6);
    assertThat(best.get(0).get(0).asInt()).isZero();
    assertThat(best.get(best.size() - 1).get(0).asInt()).isEqualTo(5);
    int holder = best.get(best.size() - 1).get(2).asInt();
    double top = -1;
    int argmax = -1;
    for (var t : doc.get("trials")) {
      if (t.get("state").asText().equals("COMPLETE") && t.get("values").get(0).asDouble() > top) {
        top = t.get("values").get(0).asDouble();
        argmax = t.get("number").asInt();
      }
    }
    assertThat(holder).isEqualTo(argmax);
    assertThat(doc.get("params").size()).isEqualTo(2);
    var multi =
        SpecCodec.json()
            .readTree(get(server, "/api/study?name=" + Html.url(StudyFixtures.XSS_STUDY)).body());
    assertThat(multi.get("directions").size()).isEqualTo(2);
    assertThat(multi.get("pareto").size()).isBetween(1, 8);
  }

  @Test
  void trialPageEscapesParamsAndErrorsAndDrawsTheSpec() throws Exception {
    var doc = SpecCodec.json().readTree(get(server, "/api/study?name=demo").body());
    int failed = -1;
    for (var t : doc.get("trials")) {
      if (t.get("state").asText().equals("FAIL")) {
        failed = t.get("number").asInt();
      }
    }
    HttpResponse<String> r = get(server, "/trial?study=demo&number=" + failed);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("&lt;img src=x onerror=").doesNotContain("<img src=x");
    assertThat(r.body()).contains("<svg").contains(">dense<").contains("×2");
    for (int n = 0; n < 8; n++) {
      String body = get(server, "/trial?study=demo&number=" + n).body();
      assertThat(body).doesNotContain("<script>window");
    }
    HttpResponse<String> svg = get(server, "/diagram.svg?study=demo&number=0");
    assertThat(svg.headers().firstValue("Content-Type")).get().asString().startsWith("image/svg");
  }

  @Test
  void routingRejectsWhatItShould() throws Exception {
    assertThat(get(server, "/nope").statusCode()).isEqualTo(404);
    assertThat(get(server, "/study?name=absent").statusCode()).isEqualTo(404);
    assertThat(get(server, "/trial?study=demo&number=999").statusCode()).isEqualTo(404);
    assertThat(get(server, "/study?name=demo&evil=1").statusCode()).isEqualTo(400);
    assertThat(get(server, "/trial?study=demo&number=abc").statusCode()).isEqualTo(400);
    assertThat(get(server, "/study?name=" + "x".repeat(300)).statusCode()).isEqualTo(400);
    assertThat(get(server, "/study?name=" + "x".repeat(3000)).statusCode()).isEqualTo(414);
    HttpResponse<String> post =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET");
    assertThat(raw(server.port(), "GET /static/../../pom.xml HTTP/1.1")).startsWith("HTTP/1.1 400");
    assertThat(raw(server.port(), "GET /static/%2e%2e/%2e%2e/pom.xml HTTP/1.1"))
        .startsWith("HTTP/1.1 400");
    assertThat(raw(server.port(), "DELETE / HTTP/1.1")).startsWith("HTTP/1.1 405");
    HttpResponse<String> js = get(server, "/static/echarts.min.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.body()).contains("echarts");
  }

  @Test
  void tokenIsRequiredWhenSet() throws Exception {
    try (DashboardServer guarded =
        DashboardServer.start(
            "sqlite:" + db,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            "s3cret",
            50)) {
      assertThat(get(guarded, "/").statusCode()).isEqualTo(401);
      assertThat(get(guarded, "/static/dashboard.js").statusCode()).isEqualTo(401);
      assertThat(get(guarded, "/?token=wrong").statusCode()).isEqualTo(401);
      HttpResponse<String> ok = get(guarded, "/?token=s3cret");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Set-Cookie"))
          .get()
          .asString()
          .contains("gyrus_token=s3cret")
          .contains("HttpOnly");
      assertThat(get(guarded, "/study?name=demo", "X-Gyrus-Token", "s3cret").statusCode())
          .isEqualTo(200);
      assertThat(get(guarded, "/api/study?name=demo", "Cookie", "gyrus_token=s3cret").statusCode())
          .isEqualTo(200);
      assertThat(get(guarded, "/nope").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void missingOrCorruptDatabaseGivesAClearPage() throws Exception {
    Path corrupt = dir.resolve("corrupt.db");
    Files.writeString(corrupt, "this is not a database, just text ".repeat(200));
    for (String url : new String[] {"sqlite:" + dir.resolve("absent.db"), "sqlite:" + corrupt}) {
      try (DashboardServer s =
          DashboardServer.start(
              url, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 50)) {
        for (String page : new String[] {"/", "/study?name=demo", "/api/study?name=demo"}) {
          HttpResponse<String> r = get(s, page);
          assertThat(r.statusCode()).as(url + page).isEqualTo(503);
          assertThat(r.body()).contains("Study database unavailable").doesNotContain("\tat org.");
        }
      }
    }
    assertThat(Files.exists(dir.resolve("absent.db"))).isFalse();
  }

  @Test
  void eventsAnnounceEveryNewVersion() throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/events?name=demo"))
            .build();
    HttpResponse<InputStream> r = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(r.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/event-stream");
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      long first = nextVersion(in);
      StudyFixtures.addTrial(db, 0.5);
      long second = nextVersion(in);
      assertThat(second).isGreaterThan(first);
    }
  }

  @Test
  void aShapeInferenceOnTheServerLabelsTheDiagramWires() throws Exception {
    org.gyrus.app.draw.ShapeInference shapes =
        spec ->
            new org.gyrus.app.draw.ShapeAnnotator() {
              @Override
              public java.util.Optional<String> outputLabel(
                  String path, org.gyrus.core.Value.Node node) {
                return java.util.Optional.of("[B, " + (path.isEmpty() ? "out" : path) + "]");
              }

              @Override
              public java.util.Optional<String> inputLabel() {
                return java.util.Optional.of("[B, 784]");
              }
            };
    try (DashboardServer s =
        DashboardServer.start(
            "sqlite:" + db,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            null,
            50,
            shapes)) {
      String body = get(s, "/trial?study=demo&number=0").body();
      assertThat(body).contains(">[B, 784]<", ">[B, layers[1]]<", ">[B, out]<");
      assertThat(get(server, "/trial?study=demo&number=0").body()).doesNotContain("[B, ");
    }
  }

  private static long nextVersion(BufferedReader in) throws Exception {
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("data: ")) {
        return Long.parseLong(line.substring(6));
      }
    }
    throw new AssertionError("stream ended");
  }
}
