package org.gyrus.agents.household;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.plan.Pddl.Domain;
import org.gyrus.logic.plan.Pddl.Problem;
import org.gyrus.logic.plan.PddlParser;
import org.gyrus.logic.plan.Planner;

/**
 * Orders the knowledge base's sub-goals with the gyrus PDDL planner: a problem over the known
 * furniture (distances from the navigator), the goals' candidate items, and for a goal with no
 * known item a hypothetical one at the best search spot the knowledge base proposes (likely place
 * first, then nearest).
 */
public final class SubgoalPlanner {
  static final Domain DOMAIN =
      PddlParser.parseDomain(
          CommonSense.resource("household-domain.pddl"),
          "classpath:org/gyrus/agents/household/household-domain.pddl");

  /** One sub-goal of a plan: {@code op} is go, open, pick, place or wash; place -1 is "here". */
  public record Step(String op, String item, int place) {
    @Override
    public String toString() {
      return op + (item == null ? "" : " " + item) + (place >= 0 ? " f" + place : "");
    }
  }

  /** The ordered sub-goal steps; empty when no plan was found. */
  public record Plan(List<Step> steps) {}

  private SubgoalPlanner() {}

  /**
   * The sub-goals in the planner's order; empty while a goal's item has nowhere left to look or no
   * plan exists.
   */
  public static Plan plan(SemanticMap map, Task task, CommonSense.Beliefs b, Mode mode) {
    String problem = problem(map, task, b);
    if (problem == null) {
      return new Plan(List.of());
    }
    Problem p = PddlParser.parseProblem(problem, "household-problem.pddl", DOMAIN);
    Planner.Result r = Planner.solve(DOMAIN, p, mode.options());
    if (r.status() != Planner.Status.SOLVED && mode != Mode.FIRST) {
      r = Planner.solve(DOMAIN, p, Mode.FIRST.options());
    }
    List<Step> steps = new ArrayList<>();
    for (String s : r.plan()) {
      String[] t = s.replace("(", "").replace(")", "").trim().split("\\s+");
      switch (t[0]) {
        case "go" -> steps.add(new Step("go", null, place(t[2])));
        case "open" -> steps.add(new Step("open", null, place(t[1])));
        case "pick", "place", "wash" -> steps.add(new Step(t[0], t[1], place(t[2])));
        default -> {
          // achieve-* only marks a goal reached
        }
      }
    }
    return new Plan(steps);
  }

  /**
   * How to plan: A* with LM-cut (2 s CPU, then the first plan), LAMA-style anytime search for a
   * fixed CPU budget, or LAMA's first plan only.
   */
  public enum Mode {
    OPTIMAL,
    ANYTIME,
    FIRST;

    /** CPU seconds the anytime search spends improving a plan. */
    static final double ANYTIME_SECONDS = 0.25;

    Planner.Options options() {
      switch (this) {
        case OPTIMAL:
          return Planner.Options.optimal(2.0).onCpuTime();
        case ANYTIME:
          return new Planner.Options(false, ANYTIME_SECONDS, true).onCpuTime();
        default:
          return Planner.Options.satisficing(5.0).onCpuTime();
      }
    }
  }

  private static int place(String name) {
    return name.equals("here") ? -1 : Integer.parseInt(name.substring(1));
  }

  /** The PDDL problem, or null when a goal's item or receptacle cannot be placed anywhere. */
  static String problem(SemanticMap map, Task task, CommonSense.Beliefs b) {
    int[] fromHere =
        Navigator.costsToFace(map, new int[] {Navigator.state(map.agent(), map.facing())});
    Map<Integer, House.Furniture> places = new LinkedHashMap<>();
    for (House.Furniture f : map.furniture().values()) {
      if (fromHere[f.cell()] != Integer.MAX_VALUE) {
        places.put(f.id(), f);
      }
    }
    StringBuilder init =
        new StringBuilder("(agent-at here) (= (total-cost) 0) (= (dist here here) 0)");
    StringBuilder goal = new StringBuilder();
    Set<String> items = new LinkedHashSet<>();
    if (map.held() >= 0) {
      items.add("o" + map.held());
      init.append(" (holding o").append(map.held()).append(')');
    } else {
      init.append(" (handempty)");
    }
    for (int g = 0; g < task.goals().size(); g++) {
      Task.Goal goal0 = task.goals().get(g);
      List<String> fits = new ArrayList<>();
      for (int o : b.candidates().getOrDefault(g, List.of())) {
        fits.add("o" + o);
      }
      if (fits.isEmpty()) {
        int spot = bestSpot(b.search().getOrDefault(g, Map.of()), places, fromHere);
        if (spot < 0) {
          return null;
        }
        String h = "h" + g;
        fits.add(h);
        init.append(" (in ").append(h).append(" f").append(spot).append(')');
        if (!goal0.type().cleanable) {
          init.append(" (clean ").append(h).append(')');
        }
      }
      for (String o : fits) {
        items.add(o);
        init.append(" (fits g").append(g).append(' ').append(o).append(')');
      }
      if (!goalFacts(g, goal0, places, init)) {
        return null;
      }
      goal.append(" (done g").append(g).append(')');
    }
    for (SemanticMap.Item it : map.items().values()) {
      if (items.contains("o" + it.id())) {
        if (it.at() >= 0 && places.containsKey(it.at())) {
          init.append(" (in o").append(it.id()).append(" f").append(it.at()).append(')');
        }
        if (!b.dirty().contains(it.id())) {
          init.append(" (clean o").append(it.id()).append(')');
        }
      }
    }
    Set<Integer> taken = new java.util.HashSet<>();
    for (SemanticMap.Item it : map.items().values()) {
      taken.add(it.at());
    }
    for (String o : items) {
      int at = o.startsWith("h") ? hypSpot(init, o) : -1;
      taken.add(at);
    }
    for (int f : places.keySet()) {
      if (!taken.contains(f)) {
        init.append(" (free f").append(f).append(')');
      }
    }
    placeFacts(map, b, places, fromHere, init);
    return problemText(places.keySet(), items, task.goals().size(), init, goal);
  }

  /** The furniture a hypothetical item was put at in {@code init}. */
  private static int hypSpot(StringBuilder init, String h) {
    String key = "(in " + h + " f";
    int i = init.indexOf(key) + key.length();
    return Integer.parseInt(init.substring(i, init.indexOf(")", i)));
  }

  private static boolean goalFacts(
      int g, Task.Goal goal, Map<Integer, House.Furniture> places, StringBuilder init) {
    if (goal.receptacle() == null) {
      init.append(" (hold-goal g").append(g).append(')');
      return true;
    }
    init.append(goal.clean() ? " (clean-goal g" : " (any-goal g").append(g).append(')');
    boolean any = false;
    for (House.Furniture f : places.values()) {
      if (f.type() == goal.receptacle()) {
        init.append(" (put-goal g").append(g).append(" f").append(f.id()).append(')');
        any = true;
      }
    }
    return any;
  }

  /** Rank first (likely places), then the navigator's cost from here. */
  private static int bestSpot(
      Map<Integer, Integer> ranked, Map<Integer, House.Furniture> places, int[] fromHere) {
    int best = -1;
    long bestKey = Long.MAX_VALUE;
    for (Map.Entry<Integer, Integer> e : ranked.entrySet()) {
      House.Furniture f = places.get(e.getKey());
      if (f != null) {
        long key = (long) e.getValue() * 1_000_000 + fromHere[f.cell()];
        if (key < bestKey) {
          bestKey = key;
          best = f.id();
        }
      }
    }
    return best;
  }

  private static void placeFacts(
      SemanticMap map,
      CommonSense.Beliefs b,
      Map<Integer, House.Furniture> places,
      int[] fromHere,
      StringBuilder init) {
    for (House.Furniture f : places.values()) {
      String p = " f" + f.id();
      if (b.accessible().contains(f.id())) {
        init.append(" (accessible").append(p).append(')');
      }
      if (b.containers().contains(f.id())) {
        init.append(" (openable").append(p).append(')');
      }
      if (b.sinks().contains(f.id())) {
        init.append(" (sink").append(p).append(')');
      }
      init.append(" (= (dist here").append(p).append(") ").append(fromHere[f.cell()]).append(')');
      int[] from = Navigator.costsToFace(map, Navigator.facingStates(map, f.cell()));
      for (House.Furniture t : places.values()) {
        int d = from[t.cell()] == Integer.MAX_VALUE ? 1000 : from[t.cell()];
        init.append(" (= (dist").append(p).append(" f").append(t.id()).append(") ");
        init.append(d).append(')');
      }
      init.append(" (= (dist").append(p).append(" here) 1000)");
    }
  }

  private static String problemText(
      Set<Integer> places, Set<String> items, int goals, StringBuilder init, StringBuilder goal) {
    StringBuilder sb = new StringBuilder("(define (problem household-task) (:domain household)\n");
    sb.append(" (:objects here");
    places.forEach(p -> sb.append(" f").append(p));
    sb.append(" - place");
    items.forEach(i -> sb.append(' ').append(i));
    sb.append(" - item");
    for (int g = 0; g < goals; g++) {
      sb.append(" g").append(g);
    }
    sb.append(" - goal)\n (:init ").append(init).append(")\n (:goal (and").append(goal);
    return sb.append("))\n (:metric minimize (total-cost)))\n").toString();
  }
}
