package org.gyrus.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.DataDir;
import org.gyrus.core.Decision;
import org.gyrus.core.Dna;
import org.gyrus.core.DnaSpec;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.search.Evaluator;
import org.gyrus.search.Experiment;
import org.gyrus.search.Metrics;
import org.gyrus.search.TrialContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gyrus trial serve EXPERIMENT}: the experiment's evaluator as a long-lived process, so an
 * outside optimiser (Optuna in {@code bench/hpo_vs_optuna}) scores points of the same objective a
 * Gyrus study would. The first stdout line describes the decisions; then each stdin line {@code
 * {"number": N, "seed": S, "dna": {...}}} is answered by one line with the trial's values.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate points of an experiment sent as JSON lines on stdin (for outside optimisers).",
      "First line out: {\"decisions\": [...], \"directions\": [...]}; then per line in",
      "{\"number\": N, \"seed\": S, \"dna\": {id: value}}, one line out with \"values\" and",
      "\"extra\" (or \"error\"). Nothing is stored."
    })
final class TrialServe implements Callable<Integer> {
  @Parameters(paramLabel = "EXPERIMENT", description = "Experiment file (YAML or JSON).")
  Path file;

  @Option(names = "--data", description = "Data directory (default: $GYRUS_DATA).")
  Path data;

  @Override
  public Integer call() throws Exception {
    Experiment.Checked checked = Experiment.read(file).check();
    Evaluator evaluator = checked.buildEvaluator(DataDir.resolve(data));
    DnaSpec spec = checked.space().dnaSpec();
    PrintStream out = System.out;
    System.setOut(System.err); // stdout carries the protocol only
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("decisions", spec.decisions().stream().map(TrialServe::describe).toList());
    head.put("directions", checked.experiment().directions().stream().map(Enum::name).toList());
    out.println(SpecCodec.json().writeValueAsString(head));
    out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (!line.isBlank()) {
        out.println(SpecCodec.json().writeValueAsString(answer(checked, evaluator, line, lineNo)));
        out.flush();
      }
    }
    return 0;
  }

  private static Map<String, Object> answer(
      Experiment.Checked checked, Evaluator evaluator, String line, int lineNo) {
    Map<String, Object> res = new LinkedHashMap<>();
    try {
      JsonNode req = SpecCodec.readTree(SpecCodec.json(), line, "<stdin>:" + lineNo);
      int number = req.path("number").asInt(lineNo - 1);
      long seed = req.path("seed").asLong(0);
      Dna dna = typed(checked.space().dnaSpec(), Dna.fromJson(req.path("dna").toString()));
      Value concrete = checked.space().materialise(dna);
      long t0 = System.nanoTime();
      Metrics m = evaluator.evaluate(concrete, context(number, seed, dna));
      res.put("number", number);
      res.put("values", m.objectives());
      res.put("extra", m.extra());
      res.put("seconds", (System.nanoTime() - t0) / 1e9);
    } catch (Exception e) {
      res.put("error", "line " + lineNo + ": " + e.getMessage());
    }
    return res;
  }

  /** JSON numbers as the decisions want them: options and integers whole, reals as doubles. */
  private static Dna typed(DnaSpec spec, Dna dna) {
    Map<String, Number> values = new HashMap<>();
    for (Map.Entry<String, Number> e : dna.values().entrySet()) {
      Decision d = spec.get(e.getKey());
      if (d == null) {
        throw new SpecError("dna." + e.getKey(), "a decision of the experiment", "unknown id");
      }
      Number v = e.getValue();
      values.put(
          e.getKey(),
          d instanceof Decision.FloatChoice ? (Number) v.doubleValue() : (Number) v.longValue());
    }
    return new Dna(values);
  }

  private static Map<String, Object> describe(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    if (d instanceof Decision.Choice c) {
      m.put("kind", "choice");
      m.put("labels", c.labels());
    } else if (d instanceof Decision.IntChoice i) {
      m.put("kind", "int");
      m.put("lo", i.lo());
      m.put("hi", i.hi());
      m.put("step", i.step());
    } else {
      Decision.FloatChoice f = (Decision.FloatChoice) d;
      m.put("kind", "float");
      m.put("lo", f.lo());
      m.put("hi", f.hi());
      m.put("log", f.log());
    }
    if (d.when() != null) {
      List<Long> values = new ArrayList<>(d.when().values());
      values.sort(null);
      m.put("when", Map.of("parent", d.when().parent(), "values", values));
    }
    return m;
  }

  private static TrialContext context(int number, long seed, Dna dna) {
    return new TrialContext() {
      @Override
      public int number() {
        return number;
      }

      @Override
      public long seed() {
        return seed;
      }

      @Override
      public Dna dna() {
        return dna;
      }

      @Override
      public boolean report(long step, double value) {
        return false; // an outside optimiser here prunes nothing
      }

      @Override
      public void setAttr(String key, String value) {}
    };
  }
}
