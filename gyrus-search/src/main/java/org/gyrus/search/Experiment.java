package org.gyrus.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.Dna;
import org.gyrus.core.NodeType;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.core.plugin.Registry;
import org.gyrus.search.algo.Algorithms;

/**
 * An experiment file: what to search, how, and how to judge a point.
 *
 * <pre>
 * study: nb201-tpe
 * space: {_type: cell, ...}          # or space_file: other.yaml (relative to this file)
 * algorithm: {_type: tpe}            # or a bare name
 * evaluator: {_type: nb201}
 * directions: [maximize]             # or direction: maximize
 * trials: 100
 * seed: 0
 * pruner: {_type: median, startup: 5, warmup: 1}   # optional; or successive_halving
 * constraints: ["latency_ms &lt;= 2.5"]  # optional hard specs on reported metrics
 * </pre>
 *
 * <p>Hyper-values may stand in {@code space} and anywhere inside {@code evaluator} (e.g. {@code
 * recipe: {lr: {floatRange: {lo: 1.0e-4, hi: 1.0e-2, log: true}}}}): both are searched as one
 * {@link Space#joint joint space}, the evaluator's decisions named from {@code evaluator} ({@code
 * evaluator.recipe.lr}) and the model's exactly as in {@code space} alone. Anywhere else a hyper is
 * refused with its path. {@link #check} validates every part before anything runs.
 */
public record Experiment(
    String study,
    Value space,
    Value algorithm,
    Value evaluator,
    List<Direction> directions,
    int trials,
    long seed,
    Value pruner,
    List<Constraint> constraints) {

  public Experiment {
    constraints = List.copyOf(constraints);
  }

  /** An experiment without hard specs. */
  public Experiment(
      String study,
      Value space,
      Value algorithm,
      Value evaluator,
      List<Direction> directions,
      int trials,
      long seed,
      Value pruner) {
    this(study, space, algorithm, evaluator, directions, trials, seed, pruner, List.of());
  }

  /** The declared keys of an experiment file ({@code gyrus explain experiment}). */
  public static final NodeType TYPE =
      NodeType.of(
          "experiment",
          "what to search, how, and how to judge a point",
          ArgSpec.optional("study", Kind.STR).doc("study name (default: the file name)"),
          ArgSpec.optional("description", Kind.STR).doc("free text"),
          ArgSpec.optional("space", Kind.ANY).doc("the search space: a spec with hyper-values"),
          ArgSpec.optional("space_file", Kind.STR).doc("or the space in another file"),
          ArgSpec.optional("algorithm", Kind.ANY, "tpe").doc("a search algorithm"),
          ArgSpec.required("evaluator", Kind.ANY).doc("how a point is scored"),
          ArgSpec.optional("direction", Kind.STR).oneOf("maximize", "minimize"),
          ArgSpec.optional("directions", Kind.LIST).doc("one per objective"),
          ArgSpec.optional("trials", Kind.INT, 20).range(1, 10_000_000).doc("trials in total"),
          ArgSpec.optional("seed", Kind.INT, 0).doc("seed of the search"),
          ArgSpec.optional("pruner", Kind.ANY).doc("stops weak trials early (default none)"),
          ArgSpec.optional("constraints", Kind.LIST)
              .doc(
                  "hard specs on reported metrics, e.g. 'latency_ms <= 2.5'; only designs that"
                      + " meet all of them count as best"));

  public static Experiment read(Path file) {
    String where = file.toString();
    Value v = SpecCodec.read(file);
    if (!(v instanceof Value.Node n) || !n.type().equals("experiment")) {
      if (v instanceof Value.Node other) {
        throw new SpecError(where + ": _type", "'experiment'", "'" + other.type() + "'");
      }
      throw new SpecError(where, "a map with '_type: experiment'", "something else");
    }
    try {
      return from(n, file.toAbsolutePath().getParent(), file.getFileName().toString());
    } catch (SpecError e) {
      throw e.inFile(where);
    }
  }

  /** An experiment from its node; {@code dir} resolves {@code space_file}. */
  public static Experiment from(Value.Node n, Path dir, String fileName) {
    refuseHypers(n);
    Args a = TYPE.check(n, "");
    Value evaluator = a.value(EVALUATOR);
    Value space = a.value("space");
    if (a.has("space_file")) {
      space = SpecCodec.read(dir.resolve(a.string("space_file")));
    }
    if (space == null) {
      Space searched = new Space(evaluator); // the evaluator's own space names its default
      Registry.Resolved<EvaluatorFactory> ev =
          Evaluators.resolve(searched.materialise(searched.sample(new SplittableRandom(0))));
      space = ev.component().defaultSpace(ev.args());
    }
    if (space == null) {
      throw new SpecError("space", "a space (or space_file)", "nothing");
    }
    space = Space.joint(space, Map.of(EVALUATOR, evaluator));
    List<Direction> dirs = new ArrayList<>();
    for (Value d : a.list("directions")) {
      dirs.add(direction(d, "directions"));
    }
    if (a.has("direction")) {
      dirs.add(direction(a.value("direction"), "direction"));
    } else if (dirs.isEmpty()) {
      dirs.add(Direction.MAXIMIZE);
    }
    List<Constraint> constraints = new ArrayList<>();
    List<Value> raw = a.list("constraints");
    for (int i = 0; i < raw.size(); i++) {
      String where = "constraints[" + i + "]";
      if (!(raw.get(i) instanceof Value.StrVal s)) {
        throw new SpecError(where, "a string 'metric <= number'", String.valueOf(raw.get(i)));
      }
      constraints.add(Constraint.parse(s.value(), where));
    }
    String study =
        a.has("study") ? a.string("study") : fileName.replaceFirst("\\.(ya?ml|json)$", "");
    return new Experiment(
        study,
        space,
        a.value("algorithm"),
        evaluator,
        dirs,
        a.smallInt("trials"),
        a.integer("seed"),
        a.value("pruner"),
        constraints);
  }

  /** The part of a joint space that holds the evaluator's hyper-values. */
  public static final String EVALUATOR = "evaluator";

  /**
   * Hyper-values stand only in {@code space} and inside {@code evaluator}: the study name, the
   * budget, the seed and the directions say what the study is; the algorithm and the pruner compare
   * trials with each other, so they cannot change from one trial to the next.
   */
  private static void refuseHypers(Value.Node n) {
    for (Map.Entry<String, Value> e : n.args().entrySet()) {
      String key = e.getKey();
      String at = Values.firstHyper(e.getValue(), key);
      if (at == null || key.equals("space")) {
        continue;
      }
      if (!key.equals(EVALUATOR)) {
        throw new SpecError(
            at,
            "a plain value (hyper-values may stand in 'space' and inside 'evaluator' only; "
                + key
                + " is the same for every trial of a study)",
            "a hyper-value");
      }
      if (at.equals(EVALUATOR) || at.equals(EVALUATOR + "._type")) {
        throw new SpecError(
            at,
            "one evaluator (its arguments may hold hyper-values, the evaluator itself not)",
            "a hyper-value");
      }
    }
  }

  private static Direction direction(Value v, String where) {
    if (!(v instanceof Value.StrVal s)) {
      throw new SpecError(where, "maximize or minimize", v.toString());
    }
    try {
      return Direction.parse(s.value());
    } catch (SpecError e) {
      throw new SpecError(where, "maximize or minimize", "'" + s.value() + "'");
    }
  }

  /** The pruner the file names, or none. */
  public Pruner makePruner() {
    return pruner == null ? Pruner.NONE : Pruner.of(pruner, "pruner");
  }

  /**
   * Everything checked before trial 0: the algorithm and pruner with their arguments, the
   * evaluator's arguments, the space's syntax over every branch, and every point of the space (or a
   * covering sample) against the evaluator. Nothing is read or stored.
   */
  public Checked check() {
    Algorithms.of(algorithm);
    makePruner();
    Space s = new Space(space);
    if (s.parts().isEmpty()) {
      Registry.Resolved<EvaluatorFactory> ev = checkedEvaluator(evaluator);
      checkSpace(ev, s);
      SpaceCheck.run(s, seed, "space", c -> ev.component().checkPoint(ev.args(), c));
      return new Checked(this, s, List.of(ev));
    }
    // The evaluator is searched too: check it, and the model with it, at every covering point.
    List<Registry.Resolved<EvaluatorFactory>> variants = new ArrayList<>();
    for (Dna dna : SpaceCheck.points(s, seed)) {
      try {
        Registry.Resolved<EvaluatorFactory> ev =
            checkedEvaluator(s.materialisePart(EVALUATOR, dna));
        if (variants.isEmpty()) {
          checkSpace(ev, s);
        }
        variants.add(ev);
        ev.component().checkPoint(ev.args(), s.materialise(dna));
      } catch (SpecError e) {
        throw new SpecError("", "with " + SpaceCheck.describe(s, dna) + ": " + e.getMessage(), e);
      }
    }
    return new Checked(this, s, variants);
  }

  private static Registry.Resolved<EvaluatorFactory> checkedEvaluator(Value spec) {
    Registry.Resolved<EvaluatorFactory> ev = Evaluators.resolve(spec);
    try {
      ev.component().checkArgs(ev.args());
    } catch (SpecError e) {
      throw e.under(EVALUATOR);
    }
    return ev;
  }

  private static void checkSpace(Registry.Resolved<EvaluatorFactory> ev, Space s) {
    try {
      ev.component().checkSpace(ev.args(), s);
    } catch (SpecError e) {
      throw e.under("space");
    }
  }

  /**
   * An experiment whose every part was checked, ready to build its evaluator. {@code variants}
   * holds the evaluator with its arguments at each checked point (one when nothing in it is
   * searched).
   */
  public record Checked(
      Experiment experiment, Space space, List<Registry.Resolved<EvaluatorFactory>> variants) {
    public Evaluator buildEvaluator(Path dataDir) {
      Registry.Resolved<EvaluatorFactory> first = variants.get(0);
      return space.parts().isEmpty()
          ? first.component().create(first.args(), dataDir)
          : new SearchedEvaluator(space, first.component(), dataDir);
    }

    /** Every file any variant reads, once. */
    public List<Path> dataFiles(Path dataDir) {
      Set<Path> files = new LinkedHashSet<>();
      for (Registry.Resolved<EvaluatorFactory> v : variants) {
        files.addAll(v.component().dataFiles(v.args(), dataDir));
      }
      return List.copyOf(files);
    }

    /** What the objective is measured on; a search that mixes test and validation says so. */
    public String selectsOn() {
      Set<String> on = new LinkedHashSet<>();
      for (Registry.Resolved<EvaluatorFactory> v : variants) {
        on.add(v.component().selectsOn(v.args()));
      }
      return String.join(" or ", on);
    }
  }

  /** The experiment as one spec, stored with the study so a resume can be compared. */
  public Value.Node toValue() {
    List<Value> dirs =
        directions.stream()
            .map(d -> (Value) new Value.StrVal(d.name().toLowerCase(java.util.Locale.ROOT)))
            .toList();
    Value.Node n =
        Value.Node.of(
            "experiment",
            "space",
            new Space(space).spec(), // the evaluator's hypers stay in the evaluator
            "algorithm",
            algorithm,
            "evaluator",
            evaluator,
            "directions",
            new Value.ListVal(dirs));
    if (!constraints.isEmpty()) {
      // only when present, so experiments stored before constraints existed still compare equal
      n =
          n.with(
              "constraints",
              new Value.ListVal(
                  constraints.stream().map(c -> (Value) new Value.StrVal(c.toString())).toList()));
    }
    return pruner == null ? n : n.with("pruner", pruner);
  }
}
