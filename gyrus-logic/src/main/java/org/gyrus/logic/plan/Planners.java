package org.gyrus.logic.plan;

import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Register;
import org.gyrus.core.plugin.Registry;

/** Planner configurations by name, from the plug-in registry: {@code NAME} or {@code NAME:ARG}. */
public final class Planners {
  private Planners() {}

  public static Registry<PlannerFactory> registry() {
    return Registry.of(PlannerFactory.class, "planner");
  }

  /** The options of {@code spec} ({@code NAME} or {@code NAME:ARG}); bad names name the flag. */
  public static Planner.Options of(String spec, double timeoutSeconds) {
    String n = spec.trim();
    int colon = n.indexOf(':');
    String type = colon < 0 ? n : n.substring(0, colon);
    Value.Node node = new Value.Node(type, java.util.Map.of());
    if (colon >= 0) {
      PlannerFactory f = registry().get(type, "--planner");
      if (f.type().args().isEmpty()) {
        throw new SpecError("--planner", type + " without an argument", "'" + n + "'");
      }
      String arg = n.substring(colon + 1);
      Value v;
      try {
        v = new Value.FloatVal(Double.parseDouble(arg));
      } catch (NumberFormatException e) {
        v = new Value.StrVal(arg);
      }
      node = node.with(f.type().args().get(0).name(), v);
    }
    Registry.Resolved<PlannerFactory> r = registry().resolve(node, "--planner");
    return r.component().options(r.args(), timeoutSeconds);
  }

  /**
   * LAMA's first iteration: lazy greedy best-first search alternating FF and the landmark count,
   * preferred operators of both; {@link Portfolio}'s FF search joins it after 50,000 expansions.
   */
  @Register
  public static final class LamaFirst implements PlannerFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "lama-first",
          "lazy greedy best-first search alternating FF and the landmark count, preferred"
              + " operators, 1000-step boosts (first plan, fast); after 50,000 expansions a plain"
              + " FF search takes turns with it");
    }

    @Override
    public Planner.Options options(Args a, double timeout) {
      return new Planner.Options(false, timeout, false);
    }
  }

  /** LAMA's anytime loop. */
  @Register
  public static final class Lama implements PlannerFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "lama",
          "lama-first, then weighted A* (w = 5, 3, 2, 1, FF and landmark count) bounded by the best"
              + " cost so far, until the limit");
    }

    @Override
    public Planner.Options options(Args a, double timeout) {
      return new Planner.Options(false, timeout, true);
    }
  }

  /** Weighted A* (lazy, FF, preferred operators). */
  @Register
  public static final class WeightedAstar implements PlannerFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "wastar",
          "lazy weighted A* (g + w * h) with FF and the landmark count, preferred operators",
          ArgSpec.optional("w", Kind.FLOAT, 3.0).range(0, 1000).doc("weight of h"));
    }

    @Override
    public Planner.Options options(Args a, double timeout) {
      return new Planner.Options(false, timeout, false, false, null, a.number("w"));
    }
  }

  /** Greedy best-first search with one named heuristic. */
  @Register
  public static final class Greedy implements PlannerFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "gbfs",
          "lazy greedy best-first search with one heuristic (ff and lm with preferred operators)",
          ArgSpec.optional("heuristic", Kind.STR, "ff")
              .oneOf("ff", "lm", "add", "lama")
              .doc("ff, lm (landmark count), add, or lama (ff and lm alternating)"));
    }

    @Override
    public Planner.Options options(Args a, double timeout) {
      return new Planner.Options(false, timeout, false, false, a.string("heuristic"), -1);
    }
  }

  /** Greedy best-first search with h^add (no preferred operators). */
  @Register
  public static final class GreedyAdd implements PlannerFactory {
    @Override
    public NodeType type() {
      return NodeType.of("gbfs-add", "lazy greedy best-first search with h^add");
    }

    @Override
    public Planner.Options options(Args a, double timeout) {
      return new Planner.Options(false, timeout, false, false, "add", -1);
    }
  }

  /** Optimal A*. */
  @Register
  public static final class Astar implements PlannerFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "astar",
          "optimal A* with an admissible heuristic",
          ArgSpec.optional("heuristic", Kind.STR, "lmcut")
              .oneOf("lmcut", "hmax", "blind")
              .doc(
                  "lmcut (h^max when the task has conditional effects), hmax, or blind"
                      + " (uniform-cost search)"));
    }

    @Override
    public Planner.Options options(Args a, double timeout) {
      return new Planner.Options(true, timeout, false, false, a.string("heuristic"), -1);
    }
  }
}
