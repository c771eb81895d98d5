package org.example.gyrus.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.fol.Linc;
import org.gyrus.logic.fol.TptpParser;
import org.gyrus.logic.fol.prover.Prover;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainAndEvaluate;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.search.Direction;
import org.gyrus.search.Metrics;
import org.gyrus.search.Study;
import org.gyrus.search.Trial;
import org.gyrus.search.store.MemoryTrialStore;

/**
 * A tour of Gyrus as a Java library, one method per step of docs/java-api.md. {@code main} prints
 * one line per step; the test checks each result.
 */
public final class LibraryTour {
  private LibraryTour() {}

  public static void main(String[] args) {
    System.out.println("same space from Java and YAML: " + sameSpaceFromJavaAndYaml());
    Trial best = searchWithAJavaObjective();
    System.out.printf(Locale.ROOT, "best of 60 trials: %.4f at %s%n", best.value(), best.params());
    TrainResult r = trainASpec();
    System.out.printf(Locale.ROOT, "trained: test accuracy %.3f%n", r.testAccuracy());
    System.out.println("ancestors of carol: " + queryDatalog());
    System.out.println("Socrates is mortal: " + proveAFormula());
  }

  /** The space built with Java builders. */
  public static Value javaSpace() {
    return Value.Node.of(
        "model",
        "body",
        Value.ListVal.of(
            Value.Node.of("conv2d", "filters", Values.oneOf(8, 16), "kernel", 3),
            Value.Node.of("max_pool", "kernel", 2),
            Value.Node.of("flatten"),
            Value.Node.of("dropout", "rate", Values.floatRange(0.0, 0.5, false))));
  }

  /** The same space written in YAML. */
  public static final String YAML_SPACE =
      String.join(
          "\n",
          "_type: model",
          "body:",
          "  - {_type: conv2d, filters: {oneOf: [8, 16]}, kernel: 3}",
          "  - {_type: max_pool, kernel: 2}",
          "  - {_type: flatten}",
          "  - {_type: dropout, rate: {floatRange: {lo: 0.0, hi: 0.5}}}");

  /** Both give the same spec and the same decisions (DNA spec). */
  public static boolean sameSpaceFromJavaAndYaml() {
    Value fromYaml = SpecCodec.fromYaml(YAML_SPACE);
    Space a = new Space(javaSpace());
    Space b = new Space(fromYaml);
    return javaSpace().equals(fromYaml) && a.dnaSpec().decisions().equals(b.dnaSpec().decisions());
  }

  /** A study over two numbers whose objective is a plain Java function (maximum 0 at 3, -2). */
  public static Trial searchWithAJavaObjective() {
    Value space =
        Value.Node.of(
            "point",
            "x",
            Values.floatRange(-5.0, 5.0, false),
            "y",
            Values.floatRange(-5.0, 5.0, false));
    try (Study study =
        Study.open(
            new MemoryTrialStore(),
            "tour",
            space,
            List.of(Direction.MAXIMIZE),
            new Value.StrVal("tpe"),
            1,
            Study.Options.DEFAULT)) {
      study.optimize(
          (concrete, ctx) -> {
            Value.Node p = (Value.Node) concrete;
            double x = p.floatArg("x", 0);
            double y = p.floatArg("y", 0);
            return Metrics.of(-((x - 3) * (x - 3) + (y + 2) * (y + 2)));
          },
          60,
          Study.TrialListener.NONE);
      return study.best().orElseThrow();
    }
  }

  /** One point of the space, trained for one epoch on the embedded Fashion-MNIST split. */
  public static TrainResult trainASpec() {
    Space space = new Space(javaSpace());
    Value concrete = space.materialise(space.sample(new java.util.SplittableRandom(0)));
    Recipe recipe = Recipe.from(Value.Node.of("recipe", "epochs", 1, "batch_size", 64));
    return TrainAndEvaluate.run(concrete, recipe, Datasets.embeddedDemo(0), rep -> true);
  }

  /** A Datalog program and a query with a bound argument. */
  public static List<String> queryDatalog() {
    String program =
        String.join(
            "\n",
            "parent(alice, bob). parent(bob, carol). parent(eve, alice).",
            "ancestor(X, Y) :- parent(X, Y).",
            "ancestor(X, Z) :- ancestor(X, Y), parent(Y, Z).");
    Engine engine = new Engine(Parser.parse(program, "family.dl"));
    engine.run();
    List<String> out = new ArrayList<>();
    var rel = engine.relation("ancestor");
    for (int row : engine.answers(Parser.parseQuery("ancestor(X, carol)"))) {
      out.add(engine.show(rel, row));
    }
    out.sort(null);
    return out;
  }

  /** A first-order formula proved from premises (LINC's protocol, saturation prover). */
  public static Linc.Answer proveAFormula() {
    var premises =
        List.of(
            TptpParser.parseFormula("![X]: (human(X) => mortal(X))"),
            TptpParser.parseFormula("human(socrates)"));
    return Linc.decide(
            premises, TptpParser.parseFormula("mortal(socrates)"), Prover.Limits.seconds(5))
        .answer();
  }
}
