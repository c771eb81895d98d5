package org.gyrus.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Values;

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
 * </pre>
 */
public record Experiment(
    String study,
    Value space,
    Value algorithm,
    Value evaluator,
    List<Direction> directions,
    int trials,
    long seed,
    Value pruner) {

  private static final Set<String> KEYS =
      Set.of(
          "study",
          "space",
          "space_file",
          "algorithm",
          "evaluator",
          "direction",
          "directions",
          "trials",
          "seed",
          "pruner",
          "description");

  public static Experiment read(Path file) {
    Value v = SpecCodec.read(file);
    String where = file.toString();
    if (!(v instanceof Value.Node n) || !n.type().equals("experiment")) {
      if (v instanceof Value.Node other) {
        throw new SpecError(where + ": _type", "'experiment'", "'" + other.type() + "'");
      }
      throw new SpecError(where, "a map with '_type: experiment'", "something else");
    }
    for (String k : n.args().keySet()) {
      if (!KEYS.contains(k)) {
        throw new SpecError(
            where + ": " + k, "one of the keys " + KEYS.stream().sorted().toList(), "'" + k + "'");
      }
    }
    Value space = n.arg("space");
    if (n.arg("space_file") instanceof Value.StrVal sf) {
      Path p = file.toAbsolutePath().getParent().resolve(sf.value());
      space = SpecCodec.read(p);
    } else if (n.arg("space_file") != null) {
      throw new SpecError(where + ": space_file", "a file path", n.arg("space_file").toString());
    }
    List<Direction> dirs = new ArrayList<>();
    if (n.arg("directions") instanceof Value.ListVal l) {
      for (Value d : l.items()) {
        dirs.add(direction(d, where + ": directions"));
      }
    } else if (n.arg("direction") != null) {
      dirs.add(direction(n.arg("direction"), where + ": direction"));
    } else {
      dirs.add(Direction.MAXIMIZE);
    }
    if (dirs.isEmpty()) {
      throw new SpecError(where + ": directions", "at least one direction", "an empty list");
    }
    Value evaluator = n.arg("evaluator");
    if (evaluator == null) {
      throw new SpecError(where + ": evaluator", "an evaluator, e.g. {_type: nb201}", "nothing");
    }
    if (space == null) {
      space = Evaluators.defaultSpace(evaluator);
    }
    if (space == null) {
      throw new SpecError(where + ": space", "a space (or space_file)", "nothing");
    }
    long trials = n.intArg("trials", 20);
    if (trials < 1
        || trials > 10_000_000
        || (n.arg("trials") != null && !(n.arg("trials") instanceof Value.IntVal))) {
      throw new SpecError(
          where + ": trials", "a whole number of trials >= 1", String.valueOf(n.arg("trials")));
    }
    Value algorithm = n.arg("algorithm") == null ? new Value.StrVal("tpe") : n.arg("algorithm");
    String study =
        n.strArg("study", file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", ""));
    return new Experiment(
        study,
        space,
        algorithm,
        evaluator,
        dirs,
        (int) trials,
        n.intArg("seed", 0),
        n.arg("pruner"));
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
    if (pruner == null) {
      return Pruner.NONE;
    }
    Value.Node p = Values.nodeOrName(pruner, "pruner", "a pruner");
    return switch (p.type()) {
      case "median" -> new MedianPruner((int) p.intArg("startup", 5), p.intArg("warmup", 0));
      case "successive_halving" ->
          new SuccessiveHalvingPruner(p.intArg("min_resource", 1), (int) p.intArg("eta", 3));
      case "none" -> Pruner.NONE;
      default ->
          throw new SpecError("pruner", "median, successive_halving or none", "'" + p.type() + "'");
    };
  }
}
