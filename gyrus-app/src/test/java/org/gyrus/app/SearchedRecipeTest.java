package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.Dna;
import org.gyrus.search.Experiment;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hyper-values inside the evaluator are searched with the model: a recipe-only search trains every
 * trial with the learning rate and optimiser it proposed (as the trainer's own epoch log shows),
 * the decisions are named from the evaluator and shown by {@code study show} and {@code export},
 * and a hyper where nothing can be searched is refused before trial 0.
 */
class SearchedRecipeTest {
  @TempDir Path dir;

  private static final String RECIPE_SEARCH =
      """
      _type: experiment
      study: hpo
      algorithm: tpe
      evaluator:
        _type: train
        train_examples: {oneOf: [300, 600]}
        recipe:
          _type: recipe
          optimizer:
            oneOf:
              - {_type: sgd, momentum: {floatRange: {lo: 0.5, hi: 0.95}}}
              - {_type: adam, beta2: {oneOf: [0.99, 0.999]}}
          lr: {floatRange: {lo: 1.0e-4, hi: 1.0e-1, log: true}}
          batch_size: {oneOf: [64, 128]}
          epochs: 1
          max_seconds: 2
      trials: 4
      space:
        _type: model
        body:
          - {_type: flatten}
          - {_type: dense, units: {oneOf: [16, 32]}, activation: relu}
      """;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void eachTrialTrainsWithTheRecipeItProposed() throws Exception {
    String db = "sqlite:" + dir.resolve("s.db");
    Path file = write("hpo.yaml", RECIPE_SEARCH);
    CliTest.Result r = CliTest.run("search", file.toString(), "--storage", db);
    assertThat(r.code()).as(r.err()).isZero();

    List<Trial> trials;
    try (TrialStore store = TrialStores.open(db)) {
      trials = Study.load(store, "hpo").trials();
    }
    assertThat(trials).hasSize(4);
    for (Trial t : trials) {
      Dna dna = t.dna();
      // model decisions keep the ids they have in the space alone
      assertThat(dna.values()).containsKey("body[1].units");
      double lr = dna.get("evaluator.recipe.lr").doubleValue();
      long opt = dna.get("evaluator.recipe.optimizer").longValue();
      String optimizer = opt == 0 ? "sgd" : "adam";
      assertThat(dna.values())
          .containsKey(
              opt == 0
                  ? "evaluator.recipe.optimizer#0.momentum"
                  : "evaluator.recipe.optimizer#1.beta2");
      long examples = dna.get("evaluator.train_examples").longValue() == 0 ? 300 : 600;
      assertThat(t.attrs().get("evaluator"))
          .contains("\"train_examples\":" + examples)
          .contains("\"lr\":" + lr)
          .contains("\"_type\":\"" + optimizer + "\"");
      // the trainer's own log: a constant schedule trains at exactly the proposed rate
      assertThat(t.attrs().get("train_log"))
          .as("trial %d", t.number())
          .contains(String.format(Locale.ROOT, "lr %.6g ", lr));
    }
    assertThat(trials.stream().map(t -> t.dna().get("evaluator.recipe.lr")).distinct()).hasSize(4);

    String show = CliTest.run("study", "show", "--storage", db, "--study", "hpo").out();
    assertThat(show)
        .contains("| train_examples=")
        .contains(" recipe.optimizer=")
        .contains(" recipe.lr=");
    String csv = CliTest.run("study", "export", "--storage", db, "--study", "hpo").out();
    assertThat(csv.lines().findFirst().orElseThrow())
        .contains("param:body[1].units")
        .contains("param:evaluator.recipe.lr")
        .contains("param:evaluator.recipe.optimizer#0.momentum");
  }

  @Test
  void theExamplesSearchTheRecipeAloneAndWithTheModel() {
    for (String name : List.of("fashion-hpo", "fashion-joint")) {
      Experiment.Checked c = Experiment.read(Path.of("../examples/" + name + ".yaml")).check();
      List<String> ids = c.space().dnaSpec().decisions().stream().map(d -> d.id()).toList();
      assertThat(ids)
          .contains(
              "evaluator.recipe.lr",
              "evaluator.recipe.optimizer",
              "evaluator.recipe.optimizer#0.momentum",
              "evaluator.recipe.optimizer#1.beta2");
      assertThat(ids.stream().anyMatch(id -> id.startsWith("body")))
          .as(name)
          .isEqualTo(name.equals("fashion-joint"));
    }
  }

  @Test
  void aHyperWhereNothingIsSearchedIsRefusedBeforeTrialZero() throws Exception {
    refused(
        "name.yaml",
        RECIPE_SEARCH.replace("study: hpo", "study: {oneOf: [a, b]}"),
        "study: expected a plain value (hyper-values may stand in 'space' and inside 'evaluator'",
        "got a hyper-value");
    refused(
        "trials.yaml",
        RECIPE_SEARCH.replace("trials: 4", "trials: {intRange: {lo: 1, hi: 4}}"),
        "trials: expected a plain value");
    refused(
        "pruner.yaml",
        RECIPE_SEARCH + "pruner: {_type: median, startup: {oneOf: [1, 5]}}\n",
        "pruner.startup: expected a plain value");
    refused(
        "algorithm.yaml",
        RECIPE_SEARCH.replace("algorithm: tpe", "algorithm: {oneOf: [tpe, random]}"),
        "algorithm: expected a plain value");
    refused(
        "which.yaml",
        RECIPE_SEARCH.replace(
            "evaluator:\n", "evaluator: {oneOf: [{_type: nb201}, {_type: train}]}\nunused:\n"),
        "evaluator: expected one evaluator");
    // a searched value is checked like a plain one, at every option: the bad one is named
    refused(
        "badopt.yaml",
        RECIPE_SEARCH.replace("beta2: {oneOf: [0.99, 0.999]}", "beta2: {oneOf: [0.99, 1.5]}"),
        "evaluator.recipe.optimizer#1.beta2 = 1.5",
        "recipe.optimizer.beta2");
  }

  private void refused(String name, String text, String... messageParts) throws Exception {
    Path file = write(name, text);
    Path db = dir.resolve(name + ".db");
    CliTest.Result r = CliTest.run("search", file.toString(), "--storage", "sqlite:" + db);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: " + file + ": ").contains(messageParts);
    assertThat(db).as("no study file").doesNotExist();
  }
}
