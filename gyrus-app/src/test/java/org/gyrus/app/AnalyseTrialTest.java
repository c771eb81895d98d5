package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gyrus.app.eval.TrainEvaluatorFactory;
import org.gyrus.app.web.DashboardServer;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gyrus analyse naps --study S --trial N}: the network a trial kept is analysed on its
 * study's data, the result is stored with the trial and shown on the dashboard's trial page; bad
 * input is one error line naming what was expected and leaves the store as it was.
 */
class AnalyseTrialTest {
  @TempDir Path dir;

  private static final String EXPERIMENT =
      String.join(
          "\n",
          "_type: experiment",
          "study: %s",
          "algorithm: random",
          "evaluator:",
          "  _type: train",
          "  keep_weights: %s",
          "  recipe: {_type: recipe, epochs: 1, batch_size: 64, max_seconds: 4}",
          "space:",
          "  _type: model",
          "  body:",
          "    - {_type: flatten}",
          "    - {_type: dense, units: {oneOf: [6, 8]}, activation: %s}",
          "trials: 1",
          "");

  private String search(Path db, String study, boolean keep, String activation) throws Exception {
    Path exp = dir.resolve(study + ".yaml");
    Files.writeString(exp, String.format(EXPERIMENT, study, keep, activation));
    CliTest.Result r = CliTest.run("search", exp.toString(), "--storage", "sqlite:" + db);
    assertThat(r.code()).as(r.err()).isZero();
    return "sqlite:" + db;
  }

  /** What a bad call must not change: every attribute of every trial and the change counters. */
  private static List<Object> snapshot(String url) {
    List<Object> s = new ArrayList<>();
    try (TrialStore store = TrialStores.open(url)) {
      for (StudyInfo info : store.studies()) {
        s.add(store.version(info.id()));
        for (Trial t : store.trials(info.id())) {
          s.add(Map.copyOf(t.attrs()));
        }
      }
    }
    return s;
  }

  private static Trial trial(String url, String study) {
    try (TrialStore store = TrialStores.open(url)) {
      long id = store.study(study).orElseThrow().id();
      return store.trials(id).get(0);
    }
  }

  private static CliTest.Result analyse(String url, String study, String trial) {
    return CliTest.run(
        "analyse",
        "naps",
        "--storage",
        url,
        "--study",
        study,
        "--trial",
        trial,
        "--delta",
        "0.9",
        "--solver",
        "crown-only",
        "--attack",
        "20",
        "--timeout",
        "2",
        "--balls",
        "0");
  }

  @Test
  void analysisIsStoredWithTheTrialAndShownOnItsPage() throws Exception {
    Path db = dir.resolve("s.db");
    String url = search(db, "mlp", true, "relu");
    search(db, "plain", false, "relu");
    search(db, "smooth", true, "tanh");

    List<Object> before = snapshot(url);
    CliTest.Result unknownStudy = analyse(url, "nosuch", "0");
    assertThat(unknownStudy.code()).isEqualTo(2);
    assertThat(unknownStudy.err()).startsWith("error: ").contains("--study").contains("nosuch");
    CliTest.Result unknownTrial = analyse(url, "mlp", "7");
    assertThat(unknownTrial.code()).isEqualTo(2);
    assertThat(unknownTrial.err()).contains("--trial").contains("a trial number of study mlp");
    CliTest.Result noWeights = analyse(url, "plain", "0");
    assertThat(noWeights.code()).isEqualTo(2);
    assertThat(noWeights.err()).contains("keep_weights: true").contains("'weights'");
    CliTest.Result notRelu = analyse(url, "smooth", "0");
    assertThat(notRelu.code()).isEqualTo(2);
    assertThat(notRelu.err()).contains("a ReLU MLP").contains("dense with activation tanh");
    assertThat(snapshot(url)).isEqualTo(before);

    CliTest.Result ok = analyse(url, "mlp", "0");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("stored as attribute analysis.naps of trial 0 of mlp");
    Trial t = trial(url, "mlp");
    String stored = t.attrs().get("analysis.naps");
    assertThat(stored).isNotNull();
    JsonNode root = new ObjectMapper().readTree(stored);
    assertThat(root.path("dataset").asText()).isEqualTo("embedded-fashion-mnist");
    List<JsonNode> classes = new ArrayList<>();
    root.path("rows")
        .forEach(
            r -> {
              if (r.path("kind").asText().equals("nap_class")) {
                classes.add(r);
              }
            });
    assertThat(classes).hasSize(10);
    for (JsonNode c : classes) {
      assertThat(c.path("coverage").asDouble()).isBetween(0.0, 1.0);
      assertThat(c.path("verdict").asText()).isIn("proven", "refuted", "unknown");
      // the stored row is the one the analysis printed, not a stand-in
      assertThat(ok.out())
          .contains("class " + c.path("class").asInt() + " nap_size " + c.path("nap_size").asInt());
    }

    DashboardServer server =
        DashboardServer.start(
            url, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 50);
    try {
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + server.port() + "/trial?study=mlp&number=0"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      JsonNode c0 = classes.get(0);
      assertThat(page.body())
          .contains("Analysis: naps")
          .contains("<table class=\"nap\">")
          .contains("δ = 0.9")
          .contains(
              "<tr><td>"
                  + c0.path("class").asInt()
                  + "</td><td>"
                  + c0.path("nap_size").asInt()
                  + "</td>")
          .doesNotContain("attr analysis.naps"); // rendered as a table, not as raw JSON
    } finally {
      server.close();
    }

    // the kept weights gone: one error naming the file, the stored analysis untouched
    Files.delete(Path.of(t.attrs().get(TrainEvaluatorFactory.WEIGHTS)));
    List<Object> withAnalysis = snapshot(url);
    CliTest.Result gone = analyse(url, "mlp", "0");
    assertThat(gone.code()).isEqualTo(2);
    assertThat(gone.err()).contains("the kept weights file of trial 0").contains("no file at");
    assertThat(snapshot(url)).isEqualTo(withAnalysis);
  }
}
