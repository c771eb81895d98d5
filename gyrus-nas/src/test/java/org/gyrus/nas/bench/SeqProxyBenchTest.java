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
    // Report rows: 4 models, "a" ranks them as their accuracy does, "b" failed on one.
    List<JsonNode> models = new java.util.ArrayList<>();
    double[][] ab = {{1, 5}, {2, 7}, {3, Double.NaN}, {4, 6}};
    for (int i = 0; i < ab.length; i++) {
      String err = Double.isNaN(ab[i][1]) ? ", \"errors\": {\"b\": \"X: no\"}" : "";
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
                      0.5 + i / 10.0,
                      0.9 - i / 10.0,
                      err)));
    }
    List<SeqProxyReport.Row> rows = SeqProxyReport.rows(models);
    assertEquals(1.0, rows.get(0).rhoVal(), 1e-12);
    assertEquals(-1.0, rows.get(0).rhoTest(), 1e-12);
    assertEquals(3, rows.get(1).scored());
    assertEquals(1, rows.get(1).failed());
    assertEquals(Set.of("X: no"), rows.get(1).errors());
    assertEquals(0.5, rows.get(1).rhoVal(), 1e-12); // b 5,7,6 vs acc 0.5,0.6,0.8
  }
}
