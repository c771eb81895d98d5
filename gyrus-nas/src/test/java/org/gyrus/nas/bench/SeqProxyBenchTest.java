package org.gyrus.nas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nas.proxy.Proxies;
import org.gyrus.nas.proxy.Proxy;
import org.gyrus.nas.proxy.ProxyInput;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.Recipe;
import org.junit.jupiter.api.Test;

class SeqProxyBenchTest {
  private static final Path SPACE = Path.of("../bench/nas_proxies/seq-space.yaml");

  @Test
  void theSpaceSamplesDistinctCompilableRecurrentAndAttentionModels() {
    List<Value> models = SeqProxyBench.sample(new Space(SpecCodec.read(SPACE)), 40, 0);
    assertEquals(40, models.size());
    Set<String> specs = new HashSet<>();
    Set<String> mixers = new HashSet<>();
    for (Value m : models) {
      String json = SpecCodec.toCompactJson(m);
      assertTrue(specs.add(json), "sampled twice: " + json);
      CompiledModel.classifier(m, new Shape(28, 28), 10); // throws on a shape error
      for (String k :
          List.of("recall_attention", "neural_memory", "\"attention\"", "causal_conv")) {
        if (json.contains(k)) {
          mixers.add(k);
        }
      }
    }
    assertEquals(4, mixers.size(), "every mixer kind is drawn: " + mixers);
    assertEquals(models, SeqProxyBench.sample(new Space(SpecCodec.read(SPACE)), 40, 0));
  }

  @Test
  void twoTinyModelsAreScoredByEveryProxyAndTrainAboveChance() {
    Dataset all = SeqProxyBench.rows(Datasets.embeddedFashionMnist());
    assertEquals(new Shape(28, 28), all.exampleShape());
    Dataset[] tv = all.head(1200).split(1.0 / 6, new java.util.SplittableRandom(0));
    DataSplits data = new DataSplits(tv[0], tv[1], tv[1]);
    Dataset batch = data.train().head(8);
    List<String> names = Proxies.names();
    List<Proxy> proxies = names.stream().map(Proxies::of).toList();
    Recipe recipe =
        Recipe.from((Value.Node) SpecCodec.fromYaml("{_type: recipe, lr: 0.003, epochs: 2}"));
    for (String mixer :
        List.of("{_type: causal_conv, kernel: 3}", "{_type: recall_attention, kernel: linear}")) {
      Value spec =
          SpecCodec.fromYaml(
              "{_type: model, body: [{_type: dense, units: 8}, {_type: relu},"
                  + " {_type: residual, body: [{_type: layer_norm}, "
                  + mixer
                  + "]}]}");
      ProxyInput in = new ProxyInput(spec, all.exampleShape(), 10, batch.x(), batch.y(), 0);
      JsonNode row = SeqProxyBench.scoreAndTrain("m", in, names, proxies, recipe, data).row();
      assertEquals(0, row.get("errors").size(), mixer + ": " + row.get("errors"));
      for (String p : names) {
        assertTrue(Double.isFinite(row.get("scores").get(p).asDouble()), mixer + " " + p);
      }
      // 1,000 sequences, 2 epochs: well above the 0.1 of chance for any working mixer.
      assertTrue(row.get("accuracy").asDouble() > 0.4, mixer + ": " + row.get("accuracy"));
    }
  }

  @Test
  void aProxyThatCannotRunIsReportedAndLeftOutOfItsRho() throws Exception {
    Proxy fails =
        in -> {
          throw new SpecError("model", "a block this proxy can see", "none");
        };
    Proxy width = in -> SpecCodec.toCompactJson(in.spec()).length();
    Dataset all = SeqProxyBench.rows(Datasets.embeddedFashionMnist().head(300));
    DataSplits data = new DataSplits(all.head(200), all, all);
    Recipe recipe = Recipe.from((Value.Node) SpecCodec.fromYaml("{_type: recipe, epochs: 1}"));
    Value spec = SpecCodec.fromYaml("{_type: model, body: [{_type: dense, units: 4}]}");
    ProxyInput in = new ProxyInput(spec, all.exampleShape(), 10, all.x(), all.y(), 0);
    JsonNode row =
        SeqProxyBench.scoreAndTrain(
                "m", in, List.of("width", "fails"), List.of(width, fails), recipe, data)
            .row();
    assertTrue(Double.isNaN(row.get("scores").get("fails").asDouble()));
    assertTrue(row.get("errors").get("fails").asText().contains("SpecError"));
    // Report rows: "a" ranks the models as their validation accuracy does (and reversed on test);
    // "b" threw on model 2 (cannot run) and gave NaN on model 4 (a non-finite network).
    double[][] ab = {{1, 5}, {2, 7}, {3, Double.NaN}, {4, 6}, {0, Double.NaN}};
    double[] val = {.5, .6, .7, .8, .1};
    double[] test = {.9, .8, .7, .6, 1.0};
    List<JsonNode> models = new java.util.ArrayList<>();
    for (int i = 0; i < ab.length; i++) {
      String err = i == 2 ? ", \"errors\": {\"b\": \"X: no\"}" : "";
      models.add(
          SpecCodec.json()
              .readTree(
                  String.format(
                      java.util.Locale.ROOT,
                      "{\"scores\": {\"a\": %s, \"b\": \"%s\"}, \"ms\": {\"a\": 1, \"b\": 2},"
                          + " \"cpu_ms\": {\"a\": 1, \"b\": 2}, \"accuracy\": %s,"
                          + " \"test_accuracy\": %s%s}",
                      ab[i][0],
                      ab[i][1],
                      val[i],
                      test[i],
                      err)));
    }
    List<SeqProxyReport.Row> rows = SeqProxyReport.rows(models);
    assertEquals(1.0, rows.get(0).rhoVal(), 1e-12);
    assertEquals(-1.0, rows.get(0).rhoTest(), 1e-12);
    SeqProxyReport.Row b = rows.get(1);
    assertEquals(List.of(3, 1, 1), List.of(b.scored(), b.failed(), b.nonFinite()));
    assertEquals(Set.of("X: no"), b.errors());
    assertEquals(0.5, b.rhoVal(), 1e-12); // 5, 7, 6 against 0.5, 0.6, 0.8
    assertEquals(0.8, b.rhoValAll(), 1e-12); // and the NaN model (0.1) ranked last
  }
}
