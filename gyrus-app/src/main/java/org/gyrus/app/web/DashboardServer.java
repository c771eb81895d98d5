package org.gyrus.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.gyrus.app.draw.ShapeInference;
import org.gyrus.app.draw.SpecDiff;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.TrialStore;

/**
 * The read-only dashboard over a study store, on {@link NioHttpServer} (idle or slow clients hold
 * no thread). GET only; the {@code Host} header must name this dashboard; a fixed set of routes
 * with a fixed set of query parameters each; static files from a fixed list (never from a path the
 * client names); an access token when bound beyond loopback, taken from the {@code token} query
 * parameter, the {@code X-Gyrus-Token} header or the cookie set after the first good request.
 */
public final class DashboardServer implements AutoCloseable, NioHttpServer.Handler {
  static final String COOKIE = "gyrus_token";
  private static final int MAX_STREAMS = 16;
  private static final Map<String, Set<String>> ROUTES =
      Map.of(
          "/", Set.of(),
          "/study", Set.of("name"),
          "/trial", Set.of("study", "number"),
          "/diagram.svg", Set.of("study", "number"),
          "/compare", Set.of("study", "numbers"),
          "/lineage", Set.of("study"),
          "/api/study", Set.of("name"),
          "/events", Set.of("name"));
  private static final Map<String, String[]> STATIC =
      Map.of(
          "/static/echarts.min.js", new String[] {"vendor/echarts.min.js", "text/javascript"},
          "/static/ECHARTS-LICENSE", new String[] {"vendor/ECHARTS-LICENSE", "text/plain"},
          "/static/dashboard.js", new String[] {"dashboard.js", "text/javascript"},
          "/static/study-charts.js", new String[] {"study-charts.js", "text/javascript"},
          "/static/dashboard.css", new String[] {"dashboard.css", "text/css"});

  private NioHttpServer server;
  private HostCheck hosts;
  private final StoreAccess store;
  private final String token;
  private final long pollMillis;
  private final ShapeInference shapes;
  private final Semaphore streams = new Semaphore(MAX_STREAMS);
  private final Map<Long, CachedJson> jsonCache = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean running = true;

  private DashboardServer(StoreAccess store, String token, long pollMillis, ShapeInference shapes) {
    this.store = store;
    this.token = token;
    this.pollMillis = pollMillis;
    this.shapes = shapes;
  }

  /**
   * Starts serving {@code storageUrl} at {@code address}; a non-null {@code token} must come with
   * every request. Live pages poll the store every {@code pollMillis}; diagrams take their wire
   * labels from the {@link ShapeInference} found on the class path.
   */
  public static DashboardServer start(
      String storageUrl, InetSocketAddress address, String token, long pollMillis)
      throws IOException {
    return start(storageUrl, address, token, pollMillis, ShapeInference.discover());
  }

  /** As above, with the given source of wire labels. */
  public static DashboardServer start(
      String storageUrl,
      InetSocketAddress address,
      String token,
      long pollMillis,
      ShapeInference shapes)
      throws IOException {
    return start(storageUrl, address, token, pollMillis, shapes, List.of());
  }

  /**
   * As above; {@code hostNames} are further names the dashboard answers to in the {@code Host}
   * header (a DNS name of this machine, a reverse proxy's name).
   */
  public static DashboardServer start(
      String storageUrl,
      InetSocketAddress address,
      String token,
      long pollMillis,
      ShapeInference shapes,
      List<String> hostNames)
      throws IOException {
    DashboardServer d = new DashboardServer(new StoreAccess(storageUrl), token, pollMillis, shapes);
    d.hosts = new HostCheck(address.getAddress(), hostNames);
    d.server =
        NioHttpServer.start(
            address, NioHttpServer.Limits.defaults(MAX_STREAMS + 8), d, "gyrus-dashboard");
    return d;
  }

  public int port() {
    return server.address().getPort();
  }

  public Optional<String> token() {
    return Optional.ofNullable(token);
  }

  @Override
  public void close() {
    running = false;
    server.close();
    store.close();
  }

  @Override
  public void handle(Exchange ex) throws IOException {
    try {
      route(ex);
    } catch (HttpError e) {
      refuse(ex, e);
    } catch (RuntimeException e) {
      store.reset();
      send(
          ex,
          500,
          "text/html",
          Html.errorPage(
              500,
              "Cannot read the studies",
              "The study database "
                  + store.url()
                  + " could not be read: "
                  + store.scrub(e.getMessage())));
    }
  }

  @Override
  public void refuse(Exchange ex, HttpError e) throws IOException {
    if (e.status() == 405) {
      ex.setHeader("Allow", "GET");
    }
    send(
        ex,
        e.status(),
        "text/html",
        Html.errorPage(e.status(), title(e.status()), store.scrub(e.getMessage())));
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Access token required";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Request body not accepted";
      case 414 -> "Request too long";
      case 421 -> "Unknown host name";
      case 431 -> "Request head too long";
      case 503 -> "Study database unavailable";
      default -> "Error";
    };
  }

  private void route(Exchange ex) throws IOException {
    if (!hosts.allows(ex.header("Host"))) {
      throw new HttpError(
          421,
          "Host",
          "This dashboard answers only to the address it is bound to (or a name given with"
              + " --allowed-host).");
    }
    if (!ex.request().method().equals("GET")) {
      throw new HttpError(405, "method", "This dashboard is read-only: GET only.");
    }
    String path = ex.request().rawPath();
    String rawQuery = ex.request().rawQuery();
    checkPath(path);
    checkToken(ex, rawQuery);
    String[] file = STATIC.get(path);
    if (file != null) {
      sendResource(ex, file[0], file[1]);
      return;
    }
    Set<String> allowed = ROUTES.get(path);
    if (allowed == null) {
      throw new HttpError(404, "path", "No page at " + path + ".");
    }
    Set<String> names = new java.util.HashSet<>(allowed);
    names.add("token");
    Query q = Query.parse(rawQuery, names);
    switch (path) {
      case "/" -> send(ex, 200, "text/html", studiesPage());
      case "/study" -> {
        info(q.require("name"));
        send(ex, 200, "text/html", Pages.study(q.require("name")));
      }
      case "/trial" -> {
        StudyData data = data(q.require("study"));
        Trial t = trial(data, q.requireInt("number"));
        String svg =
            t.params() == null
                ? ""
                : org.gyrus.app.draw.Diagrams.svg(
                    t.params(),
                    shapes.annotateOrNone(t.params()),
                    data.info().name() + " trial " + t.number());
        send(ex, 200, "text/html", Pages.trial(data, t, svg));
      }
      case "/diagram.svg" -> {
        StudyData data = data(q.require("study"));
        Trial t = trial(data, q.requireInt("number"));
        if (t.params() == null) {
          throw new HttpError(404, "number", "Trial " + t.number() + " has no spec.");
        }
        send(
            ex,
            200,
            "image/svg+xml",
            org.gyrus.app.draw.Diagrams.svg(
                t.params(), shapes.annotateOrNone(t.params()), "trial " + t.number()));
      }
      case "/compare" -> {
        StudyData data = data(q.require("study"));
        send(ex, 200, "text/html", comparePage(data, q.require("numbers")));
      }
      case "/lineage" -> send(ex, 200, "text/html", LineagePage.html(data(q.require("study"))));
      case "/api/study" -> send(ex, 200, "application/json", studyJson(q.require("name")));
      case "/events" -> events(ex, info(q.require("name")));
      default -> throw new HttpError(404, "path", "No page at " + path + ".");
    }
  }

  /** The compare page of trials "a,b[,c[,d]]": their diagrams with what differs highlighted. */
  private String comparePage(StudyData data, String numbers) {
    String[] parts = numbers.split(",", -1);
    if (parts.length < 2 || parts.length > 4) {
      throw new HttpError(400, "numbers", "Two to four trial numbers, e.g. numbers=3,8,12.");
    }
    List<Trial> ts = new ArrayList<>();
    for (String p : parts) {
      int n;
      try {
        n = Integer.parseInt(p.trim());
      } catch (NumberFormatException e) {
        throw new HttpError(400, "numbers", "Trial numbers, e.g. numbers=3,8,12.");
      }
      ts.add(trial(data, n));
    }
    List<Value> specs = new ArrayList<>();
    for (Trial t : ts) {
      specs.add(t.params() == null ? new Value.ListVal(List.of()) : t.params());
    }
    List<Set<String>> hot = SpecDiff.paths(specs);
    List<String> svgs = new ArrayList<>();
    for (int i = 0; i < ts.size(); i++) {
      Trial t = ts.get(i);
      svgs.add(
          t.params() == null
              ? "<p class=\"muted\">no spec</p>"
              : org.gyrus.app.draw.Diagrams.svg(
                  t.params(),
                  shapes.annotateOrNone(t.params()),
                  "trial " + t.number(),
                  hot.get(i)));
    }
    return Pages.compare(data, ts, svgs);
  }

  /** Paths are plain: no dot segments, no encoded separators, no backslashes, bounded length. */
  static void checkPath(String path) {
    if (path == null
        || path.length() > 128
        || !path.startsWith("/")
        || !path.matches("[A-Za-z0-9/._-]*")
        || path.contains("..")
        || path.contains("//")) {
      throw new HttpError(400, "path", "A plain path (no '..', encoded characters or '//').");
    }
  }

  private void checkToken(Exchange ex, String rawQuery) {
    if (token == null) {
      return;
    }
    String given = ex.header("X-Gyrus-Token");
    boolean fromQuery = false;
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&", -1)) {
        if (pair.startsWith("token=")) {
          given = Query.decode(pair.substring("token=".length()));
          fromQuery = true;
        }
      }
    }
    if (given == null) {
      given = cookie(ex.header("Cookie"));
    }
    if (given == null
        || !MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      throw new HttpError(
          401,
          "token",
          "This dashboard is bound beyond this machine: open it with the ?token=... printed at"
              + " start.");
    }
    if (fromQuery) {
      ex.addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
    }
  }

  private static String cookie(String header) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String p = part.trim();
      if (p.startsWith(COOKIE + "=")) {
        return p.substring(COOKIE.length() + 1);
      }
    }
    return null;
  }

  private StudyInfo info(String name) {
    return store
        .get()
        .study(name)
        .orElseThrow(() -> new HttpError(404, "name", "No study named '" + name + "'."));
  }

  private StudyData data(String name) {
    TrialStore s = store.get();
    return StudyData.load(s, info(name));
  }

  /**
   * The study page's JSON, recomputed only when the store's version moved: every open page
   * refetches on each change, and the importance forest is the expensive part.
   */
  private String studyJson(String name) throws IOException {
    TrialStore s = store.get();
    StudyInfo info = info(name);
    long version = s.version(info.id());
    CachedJson hit = jsonCache.get(info.id());
    if (hit != null && hit.version() == version) {
      return hit.json();
    }
    String json = SpecCodec.json().writeValueAsString(StudyData.load(s, info).toJson());
    jsonCache.put(info.id(), new CachedJson(version, json));
    return json;
  }

  private record CachedJson(long version, String json) {}

  /** The trial of that number, read from the store (a large study's data holds a sample). */
  private Trial trial(StudyData data, int number) {
    for (Trial t : store.get().trialsBetween(data.info().id(), number, number + 1)) {
      return t;
    }
    throw new HttpError(404, "number", "No trial " + number + " in '" + data.info().name() + "'.");
  }

  private String studiesPage() {
    TrialStore s = store.get();
    List<Pages.StudyRow> rows = new ArrayList<>();
    for (StudyInfo info : s.studies()) {
      // answered by the store (counts, one index seek for the best): no trial is read, so the
      // first page stays quick on a million-trial study
      Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
      s.stateCounts(info.id()).forEach((state, n) -> counts.put(state, (int) (long) n));
      String best =
          s.bestByFirstObjective(info.id(), info.directions().get(0))
              .filter(t -> !t.values().isEmpty())
              .map(t -> Pages.fmt(t.value()))
              .orElse("-");
      rows.add(new Pages.StudyRow(info, counts, best));
    }
    return Pages.studies(store.url(), rows);
  }

  /** Server-sent events: one {@code version} event whenever the study's trials change. */
  private void events(Exchange ex, StudyInfo info) throws IOException {
    if (!streams.tryAcquire()) {
      throw new HttpError(503, "events", "Too many live pages open; close some and reload.");
    }
    try {
      securityHeaders(ex, "text/event-stream");
      ex.setHeader("Cache-Control", "no-cache");
      ex.startStream(200);
      long last = Long.MIN_VALUE;
      long lastWrite = System.currentTimeMillis();
      long deadline = lastWrite + 10 * 60_000L;
      ex.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
      while (running && System.currentTimeMillis() < deadline) {
        long v = store.get().version(info.id());
        long now = System.currentTimeMillis();
        if (v != last) {
          ex.write(("event: version\ndata: " + v + "\n\n").getBytes(StandardCharsets.UTF_8));
          last = v;
          lastWrite = now;
        } else if (now - lastWrite > 15_000) {
          ex.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
          lastWrite = now;
        }
        Thread.sleep(pollMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      // The page went away or the store failed mid-stream; the page reconnects on its own.
    } finally {
      ex.end();
      streams.release();
    }
  }

  private static void sendResource(Exchange ex, String name, String type) throws IOException {
    try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new HttpError(404, "path", "Missing bundled file " + name + ".");
      }
      ex.setHeader("Cache-Control", "max-age=3600");
      send(ex, 200, type, in.readAllBytes());
    }
  }

  private static void send(Exchange ex, int status, String type, String body) throws IOException {
    send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(Exchange ex, int status, String type, byte[] body) throws IOException {
    securityHeaders(ex, type);
    if (!ex.hasHeader("Cache-Control")) {
      ex.setHeader("Cache-Control", "no-store");
    }
    ex.send(status, body);
  }

  private static void securityHeaders(Exchange ex, String type) {
    ex.setHeader("Content-Type", type + "; charset=utf-8");
    ex.setHeader("X-Content-Type-Options", "nosniff");
    ex.setHeader("X-Frame-Options", "DENY");
    ex.setHeader("Referrer-Policy", "no-referrer");
    ex.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; frame-ancestors 'none'");
  }
}
