package org.gyrus.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gyrus.app.eval.TrainEvaluatorFactory;
import org.gyrus.core.Args;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.search.EvaluatorFactory;
import org.gyrus.search.Evaluators;
import org.gyrus.search.Experiment;
import org.gyrus.search.Provenance;
import org.gyrus.search.StudyInfo;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialStore;

/**
 * A trained model kept by a study's trial ({@code keep_weights}) and the data its study trained it
 * on, resolved and checked before any analysis runs, so bad input never reaches the store. The
 * analysis result goes back with {@link #store}: one attribute written in one statement.
 *
 * @param study the study's name
 * @param number the trial's number in the study
 * @param trialId the store's id of the trial
 * @param spec the trial's concrete model spec
 * @param weights the kept weights file
 * @param data the name of the study's data set ({@code evaluator.data})
 * @param evaluator the evaluator arguments the trial ran with (data, validation share, seed)
 */
record AnalysedTrial(
    String study, int number, long trialId, Value spec, Path weights, String data, Args evaluator) {

  /** The trial attribute prefix of stored analyses; the dashboard's trial page renders them. */
  static final String PREFIX = "analysis.";

  /**
   * Reads the trial from an existing store. Every missing piece is one {@link SpecError} naming
   * what was expected: the store, the study, the trial, its kept weights, a train evaluator.
   */
  static AnalysedTrial load(String url, String study, int number) {
    try (TrialStore store = StudyCommand.openExisting(url)) {
      StudyInfo info =
          store
              .study(study)
              .orElseThrow(() -> new SpecError("--study", "a study stored in " + url, study));
      Trial t =
          store.trialsByNumber(info.id(), List.of(number)).stream()
              .findFirst()
              .orElseThrow(
                  () ->
                      new SpecError(
                          "--trial",
                          "a trial number of study "
                              + study
                              + " (0.."
                              + (count(store, info) - 1)
                              + ")",
                          "" + number));
      String kept = t.attrs().get(TrainEvaluatorFactory.WEIGHTS);
      if (kept == null) {
        throw new SpecError(
            "--trial",
            "a trial with kept weights (evaluator keep_weights: true)",
            "trial "
                + number
                + " of "
                + study
                + " has no '"
                + TrainEvaluatorFactory.WEIGHTS
                + "' attribute");
      }
      Path weights = Path.of(kept);
      if (!Files.isRegularFile(weights)) {
        throw new SpecError(
            "--trial", "the kept weights file of trial " + number, "no file at " + weights);
      }
      if (t.params() == null) {
        throw new SpecError("--trial", "a trial with a stored model spec", "none");
      }
      requireReluMlp(t.params(), number);
      Args ev = evaluatorArgs(store.studyAttrs(info.id()), t, study);
      return new AnalysedTrial(study, number, t.id(), t.params(), weights, ev.string("data"), ev);
    }
  }

  /**
   * NAP analysis reads the network as a ReLU MLP: a body of {@code flatten} and {@code dense}
   * layers with ReLU (the weights alone would not show another activation).
   */
  private static void requireReluMlp(Value spec, int number) {
    Value body = spec instanceof Value.Node n ? n.args().get("body") : null;
    if (!(body instanceof Value.ListVal list)) {
      throw new SpecError("--trial", "a trial whose model has a body list", "trial " + number);
    }
    for (Value v : list.items()) {
      Value.Node n = v instanceof Value.Node node ? node : null;
      boolean ok =
          n != null
              && (n.type().equals("flatten")
                  || n.type().equals("dense")
                      && n.args().get("activation") instanceof Value.StrVal a
                      && a.value().equals("relu"));
      if (!ok) {
        throw new SpecError(
            "--trial",
            "a ReLU MLP (a body of flatten and dense layers with activation: relu)",
            "trial " + number + " has " + (n == null ? v.toString() : describe(n)));
      }
    }
  }

  private static String describe(Value.Node n) {
    Value a = n.args().get("activation");
    return n.type().equals("dense")
        ? "dense with activation " + (a instanceof Value.StrVal sv ? sv.value() : "none")
        : n.type();
  }

  private static int count(TrialStore store, StudyInfo info) {
    return store.trialCount(info.id());
  }

  /** The evaluator arguments the trial ran with (its own point where the evaluator is searched). */
  private static Args evaluatorArgs(Map<String, String> attrs, Trial t, String study) {
    String json = attrs.get(Provenance.EXPERIMENT);
    if (json == null) {
      throw new SpecError(
          "--study " + study, "a study that recorded its experiment (made by this version)");
    }
    Experiment exp = Experiment.from((Value.Node) SpecCodec.fromJson(json), Path.of("."), study);
    Space s = new Space(exp.space());
    Value ev =
        s.parts().isEmpty() ? exp.evaluator() : s.materialisePart(Experiment.EVALUATOR, t.dna());
    Registry.Resolved<EvaluatorFactory> r = Evaluators.resolve(ev);
    if (!(r.component() instanceof TrainEvaluatorFactory)) {
      throw new SpecError(
          "--study " + study,
          "a study whose evaluator trains networks (_type: train)",
          r.component().type().name());
    }
    return r.args();
  }

  /** The data the trial was trained and tested on. */
  DataSplits splits(Path dataDir) {
    return TrainEvaluatorFactory.trialData(evaluator, dataDir);
  }

  /** Writes the analysis as the trial attribute {@code analysis.KIND} (one atomic write). */
  void store(String url, String kind, String json) {
    try (TrialStore store = StudyCommand.openExistingForWriting(url)) {
      store.setAttr(trialId, PREFIX + kind, json);
    }
  }
}
