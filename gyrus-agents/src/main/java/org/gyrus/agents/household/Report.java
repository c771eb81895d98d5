package org.gyrus.agents.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.Ranks;

/** The household bench's figures, as JSON and Markdown. */
public record Report(
    HouseholdBench.Config config,
    List<Scenario> tasks,
    List<HouseholdBench.Run> agent,
    List<HouseholdBench.Run> oracle,
    List<HouseholdBench.Run> ppo,
    List<HouseholdBench.Run> random,
    List<HouseholdBench.Run> movedAgent,
    List<HouseholdBench.Run> movedOracle,
    PpoTraining.Summary ppoTraining,
    double symbolicCpuSeconds,
    double ppoEvalCpuSeconds,
    double totalCpuSeconds) {

  /**
   * Figures of one agent over a set of tasks, against the oracle's steps on the same tasks.
   *
   * @param spl mean of success x oracle steps / max(oracle steps, steps) (SPL, Anderson et al.)
   * @param efficiency median oracle steps / steps over tasks both solved
   */
  public record Stats(
      int tasks, double success, double spl, double efficiency, double steps, double replans) {}

  static Stats stats(List<HouseholdBench.Run> runs, List<HouseholdBench.Run> oracle) {
    int n = runs.size();
    if (n == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    int solved = 0;
    double spl = 0;
    double steps = 0;
    double replans = 0;
    List<Double> eff = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      HouseholdBench.Run r = runs.get(i);
      HouseholdBench.Run o = oracle.get(i);
      replans += r.replans();
      if (r.solved()) {
        solved++;
        steps += r.steps();
        if (o.solved()) {
          spl += (double) o.steps() / Math.max(o.steps(), r.steps());
          eff.add((double) o.steps() / r.steps());
        }
      }
    }
    return new Stats(
        n,
        (double) solved / n,
        spl / n,
        Ranks.median(eff.stream().mapToDouble(Double::doubleValue).toArray()),
        solved == 0 ? Double.NaN : steps / solved,
        replans / n);
  }

  private List<Integer> level(int level) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i).task().level() == level) {
        idx.add(i);
      }
    }
    return idx;
  }

  private static List<HouseholdBench.Run> pick(List<HouseholdBench.Run> runs, List<Integer> idx) {
    List<HouseholdBench.Run> out = new ArrayList<>();
    if (runs.isEmpty()) {
      return out;
    }
    for (int i : idx) {
      out.add(runs.get(i));
    }
    return out;
  }

  private static double meanSubgoals(List<HouseholdBench.Run> runs) {
    return runs.stream().mapToInt(HouseholdBench.Run::subgoals).average().orElse(Double.NaN);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String json(Stats s) {
    return String.format(
        Locale.ROOT,
        "{\"tasks\": %d, \"success\": %s, \"spl\": %s, \"efficiency_median\": %s,"
            + " \"steps_mean_solved\": %s, \"replans_mean\": %s}",
        s.tasks(),
        num(s.success()),
        num(s.spl()),
        num(s.efficiency()),
        num(s.steps()),
        num(s.replans()));
  }

  public String json() {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"command\": \"").append(config.command().replace("\"", "\\\"")).append("\",\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "  \"config\": {\"tasks_per_level\": %d, \"moved_tasks\": %d, \"ppo_env_steps\": %d,"
                + " \"ppo_train_levels\": \"1-%d\","
                + " \"seed\": %d, \"max_steps\": \"100 + 100 * level\"},%n",
            config.tasksPerLevel(),
            config.moved(),
            config.ppoSteps(),
            config.ppoMaxLevel(),
            config.seed()));
    sb.append("  \"levels\": [\n");
    for (int level = 1; level <= Scenario.MAX_LEVEL; level++) {
      List<Integer> idx = level(level);
      List<HouseholdBench.Run> o = pick(oracle, idx);
      sb.append(
          String.format(
              Locale.ROOT,
              "    {\"level\": %d, \"oracle_subgoals_mean\": %s,%n",
              level,
              num(meanSubgoals(o))));
      sb.append("     \"subgoal_agent\": ").append(json(stats(pick(agent, idx), o))).append(",\n");
      sb.append("     \"oracle\": ").append(json(stats(o, o))).append(",\n");
      sb.append("     \"ppo\": ").append(json(stats(pick(ppo, idx), o))).append(",\n");
      sb.append("     \"random\": ").append(json(stats(pick(random, idx), o))).append("}");
      sb.append(level < Scenario.MAX_LEVEL ? ",\n" : "\n");
    }
    sb.append("  ],\n");
    sb.append("  \"all\": {\"subgoal_agent\": ").append(json(stats(agent, oracle)));
    sb.append(", \"ppo\": ").append(json(stats(ppo, oracle)));
    sb.append(", \"random\": ").append(json(stats(random, oracle))).append("},\n");
    sb.append("  \"moved\": {\"subgoal_agent\": ").append(json(stats(movedAgent, movedOracle)));
    sb.append(
        String.format(
            Locale.ROOT,
            ", \"surprises_mean\": %s},%n",
            num(
                movedAgent.stream()
                    .mapToInt(HouseholdBench.Run::surprises)
                    .average()
                    .orElse(Double.NaN))));
    if (ppoTraining != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  \"ppo_training\": {\"env_steps\": %d, \"updates\": %d, \"episodes\": %d,"
                  + " \"train_success\": %s, \"train_cpu_s\": %s},%n",
              ppoTraining.envSteps(),
              ppoTraining.updates(),
              ppoTraining.episodes(),
              num(ppoTraining.successRate()),
              num(ppoTraining.cpuSeconds())));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "  \"cpu_s\": {\"subgoal_agent_and_oracle\": %s, \"ppo_eval\": %s, \"total\": %s}%n}%n",
            num(symbolicCpuSeconds),
            num(ppoEvalCpuSeconds),
            num(totalCpuSeconds)));
    return sb.toString();
  }

  private static String row(String name, Stats s) {
    return String.format(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %s | %s | %s |%n",
        name,
        s.success(),
        s.spl(),
        fmt(s.efficiency()),
        fmt(s.steps()),
        Double.isNaN(s.replans()) || s.replans() == 0
            ? "–"
            : String.format(Locale.ROOT, "%.1f", s.replans()));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
  }

  public String markdown() {
    StringBuilder sb =
        new StringBuilder("# Issue 21 §3: sub-goal agents over a semantic map (N10, JARVIS)\n\n");
    sb.append(HouseholdText.INTRO);
    sb.append(
        String.format(
            Locale.ROOT,
            "%n%d tasks per level (seeds 1–%d), step limit 100 + 100 × level.%n%n",
            config.tasksPerLevel(),
            config.tasksPerLevel()));
    sb.append(
        "| level | agent | success | SPL | efficiency (median oracle/steps) | mean steps (solved) | replans |\n");
    sb.append("|---|---|---|---|---|---|---|\n");
    for (int level = 1; level <= Scenario.MAX_LEVEL; level++) {
      List<Integer> idx = level(level);
      List<HouseholdBench.Run> o = pick(oracle, idx);
      String l = String.format(Locale.ROOT, "%d (%.1f sub-goals)", level, meanSubgoals(o));
      sb.append("| ")
          .append(l)
          .append(' ')
          .append(row("sub-goal agent (partial view)", stats(pick(agent, idx), o)));
      if (!ppo.isEmpty()) {
        sb.append("| ")
            .append(l)
            .append(' ')
            .append(row("PPO (same map as input)", stats(pick(ppo, idx), o)));
      }
      sb.append("| ")
          .append(l)
          .append(' ')
          .append(row("uniformly random actions", stats(pick(random, idx), o)));
      sb.append("| ")
          .append(l)
          .append(' ')
          .append(row("oracle (full view, optimal plans)", stats(o, o)));
    }
    sb.append("| all ").append(row("sub-goal agent", stats(agent, oracle)));
    if (!ppo.isEmpty()) {
      sb.append("| all ").append(row("PPO", stats(ppo, oracle)));
    }
    sb.append("| all ").append(row("uniformly random actions", stats(random, oracle)));
    sb.append(
        String.format(
            Locale.ROOT,
            "%n## Replanning: an item moved once seen%n%n%d tasks (levels 3 and 4, seeds 1–%d): once the agent"
                + " sees an item of a goal's type, it is moved to empty furniture in another room.%n%n",
            movedAgent.size(),
            (movedAgent.size() + 1) / 2));
    sb.append(
        "| agent | success | SPL vs unperturbed oracle | efficiency | mean steps | replans |\n|---|---|---|---|---|---|\n");
    sb.append(row("sub-goal agent", stats(movedAgent, movedOracle)));
    sb.append(
        String.format(
            Locale.ROOT,
            "%nItems found missing (map surprises) per task: %.2f.%n",
            movedAgent.stream()
                .mapToInt(HouseholdBench.Run::surprises)
                .average()
                .orElse(Double.NaN)));
    if (ppoTraining != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%n## PPO budget%n%n%d environment steps on training levels 1–%d (%d updates, %d training episodes, success while"
                  + " training %.3f), %.1f CPU s of training; evaluation %.1f CPU s.%n",
              ppoTraining.envSteps(),
              config.ppoMaxLevel(),
              ppoTraining.updates(),
              ppoTraining.episodes(),
              ppoTraining.successRate(),
              ppoTraining.cpuSeconds(),
              ppoEvalCpuSeconds));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%n## Cost%n%nSub-goal agent + oracle on all tasks: %.1f CPU s; whole run %.1f CPU s (process).%n",
            symbolicCpuSeconds,
            totalCpuSeconds));
    sb.append(HouseholdText.METRICS);
    sb.append("\n## Command\n\n```\n").append(config.command()).append("\n```\n");
    return sb.toString();
  }
}
