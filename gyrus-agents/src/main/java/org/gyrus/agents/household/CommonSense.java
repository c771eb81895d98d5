package org.gyrus.agents.household;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gyrus.logic.datalog.Ast;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.ilp.Background;

/**
 * The symbolic commonsense knowledge base: a Datalog program (resource {@code commonsense.dl}:
 * affordances, likely locations, preconditions, sub-goal rules) run by the gyrus-logic engine over
 * the facts of the agent's semantic map and task. Ids in the program: goals {@code g0..}, items
 * {@code o<id>}, furniture {@code f<id>}, rooms {@code r0..r3}.
 */
public final class CommonSense {
  static final String RULES = resource("commonsense.dl");

  /** The rules, parsed once; each inference adds the map's facts after them. */
  private static final List<Ast.Rule> RULE_AST = Parser.parse(RULES, "commonsense.dl").rules();

  /**
   * What the knowledge base concludes.
   *
   * @param candidates per goal, known items of its type with a known place
   * @param search per goal, unsearched furniture with its rank (1 likely, 2 any)
   * @param explore goals that need an unvisited room seen first
   * @param subgoals proposed sub-goals such as {@code g0 wash mug}
   */
  public record Beliefs(
      Map<Integer, List<Integer>> candidates,
      Map<Integer, Map<Integer, Integer>> search,
      Set<Integer> explore,
      Set<Integer> accessible,
      Set<Integer> containers,
      Set<Integer> sinks,
      Set<Integer> dirty,
      List<String> subgoals) {}

  private CommonSense() {}

  /** The map's and task's facts in the program's vocabulary. */
  public static String facts(SemanticMap map, Task task) {
    StringBuilder sb = new StringBuilder();
    for (House.Furniture f : map.furniture().values()) {
      sb.append(fact("furniture", "f" + f.id(), f.type().id()));
      if (!f.type().openable || map.open(f.cell())) {
        sb.append(fact("opened", "f" + f.id()));
      }
      if (map.searched(f.id())) {
        sb.append(fact("searched", "f" + f.id()));
      }
    }
    for (SemanticMap.Item it : map.items().values()) {
      String o = "o" + it.id();
      sb.append(fact("item", o, it.type().id()));
      if (it.at() >= 0) {
        sb.append(fact("at", o, "f" + it.at()));
      } else if (it.at() == SemanticMap.HELD) {
        sb.append(fact("held", o));
      }
      if (it.clean()) {
        sb.append(fact("clean", o));
      }
    }
    for (int r = 0; r < 4; r++) {
      if (!map.visited(r)) {
        sb.append(fact("unvisited", "r" + r));
      }
    }
    for (int g = 0; g < task.goals().size(); g++) {
      Task.Goal goal = task.goals().get(g);
      if (goal.receptacle() == null) {
        sb.append(fact("goal_hold", "g" + g, goal.type().id()));
      } else {
        sb.append(fact("goal_put", "g" + g, goal.type().id(), goal.receptacle().id()));
      }
      if (goal.clean()) {
        sb.append(fact("goal_clean", "g" + g));
      }
    }
    return sb.toString();
  }

  private static String fact(String pred, String... args) {
    return pred + "(" + String.join(", ", args) + ").\n";
  }

  /** Runs the program on the map's facts. */
  public static Beliefs infer(SemanticMap map, Task task) {
    List<Ast.Rule> program = new ArrayList<>(RULE_AST);
    program.addAll(Parser.parse(facts(map, task), "map facts").rules());
    Engine e = new Engine(new Ast.Program(program, List.of()));
    e.run();
    Map<Integer, List<Integer>> candidates = new TreeMap<>();
    for (List<Object> row : Background.tuples(e, "candidate")) {
      candidates.computeIfAbsent(id(row.get(0)), k -> new ArrayList<>()).add(id(row.get(1)));
    }
    Map<Integer, Map<Integer, Integer>> search = new TreeMap<>();
    for (List<Object> row : Background.tuples(e, "search")) {
      int rank = ((Number) row.get(2)).intValue();
      search
          .computeIfAbsent(id(row.get(0)), k -> new TreeMap<>())
          .merge(id(row.get(1)), rank, Math::min);
    }
    List<String> subgoals = new ArrayList<>();
    for (List<Object> row : Background.tuples(e, "subgoal")) {
      subgoals.add(row.get(0) + " " + row.get(1) + " " + row.get(2));
    }
    subgoals.sort(null);
    return new Beliefs(
        candidates,
        search,
        ids(e, "explore"),
        ids(e, "accessible"),
        ids(e, "container"),
        ids(e, "sink"),
        ids(e, "dirty"),
        subgoals);
  }

  private static Set<Integer> ids(Engine e, String pred) {
    Set<Integer> out = new TreeSet<>();
    for (List<Object> row : Background.tuples(e, pred)) {
      out.add(id(row.get(0)));
    }
    return out;
  }

  /** The number in an id such as {@code f12}. */
  private static int id(Object sym) {
    return Integer.parseInt(sym.toString().substring(1));
  }

  static String resource(String name) {
    try (InputStream in = CommonSense.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
