package org.gyrus.agents.household;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Relation;

/**
 * The symbolic commonsense knowledge base: a Datalog program (resource {@code commonsense.dl}:
 * affordances, likely locations, preconditions, sub-goal rules) run by the gyrus-logic engine over
 * the facts of the agent's semantic map and task. Ids in the program: goals {@code g0..}, items
 * {@code o<id>}, furniture {@code f<id>}, rooms {@code r0..r3}.
 */
public final class CommonSense {
  static final String RULES = resource("commonsense.dl");

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
    for (SemanticMap.Furniture f : map.furniture().values()) {
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
    Engine e = new Engine(Parser.parse(RULES + facts(map, task), "commonsense.dl+map"));
    e.run();
    Map<Integer, List<Integer>> candidates = new TreeMap<>();
    for (Object[] row : rows(e, "candidate")) {
      candidates.computeIfAbsent(id(row[0]), k -> new ArrayList<>()).add(id(row[1]));
    }
    Map<Integer, Map<Integer, Integer>> search = new TreeMap<>();
    for (Object[] row : rows(e, "search")) {
      int rank = ((Number) row[2]).intValue();
      search.computeIfAbsent(id(row[0]), k -> new TreeMap<>()).merge(id(row[1]), rank, Math::min);
    }
    List<String> subgoals = new ArrayList<>();
    for (Object[] row : rows(e, "subgoal")) {
      subgoals.add(row[0] + " " + row[1] + " " + row[2]);
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
    for (Object[] row : rows(e, pred)) {
      out.add(id(row[0]));
    }
    return out;
  }

  /** The number in an id such as {@code f12}. */
  private static int id(Object sym) {
    return Integer.parseInt(sym.toString().substring(1));
  }

  static List<Object[]> rows(Engine e, String pred) {
    Relation rel = e.relation(pred);
    List<Object[]> out = new ArrayList<>();
    if (rel == null) {
      return out;
    }
    for (int r = 0; r < rel.size(); r++) {
      Object[] row = new Object[rel.arity()];
      for (int c = 0; c < row.length; c++) {
        row[c] = e.symbols().value(rel.get(r, c));
      }
      out.add(row);
    }
    return out;
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

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
