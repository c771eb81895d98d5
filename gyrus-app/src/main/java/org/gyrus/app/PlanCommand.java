package org.gyrus.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecError;
import org.gyrus.logic.plan.Pddl;
import org.gyrus.logic.plan.PddlParser;
import org.gyrus.logic.plan.Planner;
import org.gyrus.logic.plan.Planners;
import org.gyrus.logic.plan.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyrus plan DOMAIN PROBLEM}: a classical PDDL planner with a validated plan. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Find a plan for a PDDL problem (STRIPS, typing, negative/disjunctive/quantified"
            + " preconditions, equality, conditional effects, derived predicates, action"
            + " costs). Prints one '(action arg ...)' per line and '; cost = N'. Exit 0: plan"
            + " found or unsolvability proven ('; unsolvable'); 1: no plan within the limit;"
            + " 2: bad input.")
public final class PlanCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "domain file (.pddl)")
  Path domain;

  @Parameters(index = "1", description = "problem file (.pddl)")
  Path problem;

  @Option(
      names = "--optimal",
      description = "A* with LM-cut (h^max with conditional effects): a proven optimal plan")
  boolean optimal;

  @Option(
      names = "--anytime",
      description =
          "after the first plan, keep improving it (weighted A* with weights 5, 3, 2, 1) until"
              + " --timeout")
  boolean anytime;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      description = "seconds, more than 0 and at most 86400 (default: ${DEFAULT-VALUE})")
  double timeout;

  @Option(names = "--stats", description = "print search statistics as '; ...' lines")
  boolean stats;

  @Option(
      names = "--planner",
      paramLabel = "NAME[:ARG]",
      description =
          "a registered planner configuration, e.g. lama-first (default), lama, wastar:5,"
              + " gbfs-add, astar:hmax ('gyrus types' lists them, 'gyrus explain NAME' shows"
              + " the arguments)")
  String planner;

  @Override
  public Integer call() {
    Flags.inRange("--timeout", timeout, 0, 86_400, true);
    if (optimal && anytime) {
      throw new SpecError("--anytime", "not with --optimal (already optimal)");
    }
    if (planner != null && (optimal || anytime)) {
      throw new SpecError("--planner", "either --planner or --optimal/--anytime, not both");
    }
    String name = planner != null ? planner : optimal ? "astar" : anytime ? "lama" : "lama-first";
    Planner.Options options = Planners.of(name, timeout);
    Pddl.Domain d = PddlParser.parseDomain(domain);
    Pddl.Problem p = PddlParser.parseProblem(problem, d);
    Planner.Result r = Planner.solve(d, p, options);
    if (stats) {
      System.out.printf(
          Locale.ROOT,
          "; facts = %d, operators = %d, expanded = %d, evaluated = %d, ground %.2f s,"
              + " total %.2f s%n",
          r.facts(),
          r.operators(),
          r.expanded(),
          r.evaluated(),
          r.groundSeconds(),
          r.totalSeconds());
    }
    switch (r.status()) {
      case SOLVED:
        Validator.Verdict v = Validator.validate(d, p, r.plan());
        if (!v.valid()) {
          throw new IllegalStateException("the plan failed validation: " + v.error());
        }
        r.plan().forEach(System.out::println);
        System.out.println("; cost = " + r.cost() + (r.optimal() ? " (optimal)" : ""));
        return 0;
      case UNSOLVABLE:
        System.out.println("; unsolvable: no plan exists (proven by exhaustive search)");
        return 0;
      case OUT_OF_MEMORY:
        System.out.println("; no plan found: out of memory");
        return 1;
      default:
        System.out.println("; no plan found within " + timeout + " s");
        return 1;
    }
  }
}
