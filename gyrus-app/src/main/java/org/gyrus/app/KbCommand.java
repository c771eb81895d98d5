package org.gyrus.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecError;
import org.gyrus.nesy.kb.ChainRule;
import org.gyrus.nesy.kb.KbCompletion;
import org.gyrus.nesy.kb.KbEvaluation;
import org.gyrus.nesy.kb.KnowledgeGraph;
import org.gyrus.nesy.kb.RuleMiner;
import org.gyrus.nesy.kb.RuleScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyrus kb}: rule learning over TSV knowledge graphs and rule-based completion. */
@Command(
    name = "kb",
    mixinStandardHelpOptions = true,
    description = "Knowledge-base completion with learned chain rules (AMIE-style mining).",
    subcommands = {KbCommand.Learn.class, KbCommand.Eval.class})
public final class KbCommand implements Runnable {
  @Override
  public void run() {
    System.out.println(
        "usage: gyrus kb learn TRIPLES.tsv --target REL | gyrus kb eval TRAIN.tsv --target REL"
            + " --test TEST.tsv [--candidates FILE]");
  }

  /** Mining options shared by both subcommands. */
  static final class Mining {
    @Option(names = "--target", required = true, description = "the relation to learn rules for")
    String target;

    @Option(names = "--max-length", defaultValue = "3", description = "longest rule body, 1..3")
    int maxLength;

    @Option(names = "--min-support", defaultValue = "2", description = "least support (facts)")
    int minSupport;

    @Option(names = "--min-head-coverage", defaultValue = "0.01")
    double minHeadCoverage;

    @Option(names = "--min-confidence", defaultValue = "0.05", description = "least PCA conf.")
    double minConfidence;

    @Option(names = "--sample", defaultValue = "2000", description = "target facts for candidates")
    int sample;

    List<ChainRule> mine(KnowledgeGraph g, Path file) {
      Flags.inRange("--max-length", maxLength, 1, 3);
      Flags.inRange("--min-support", minSupport, 1, Integer.MAX_VALUE);
      Flags.inRange("--min-head-coverage", minHeadCoverage, 0, 1, false);
      Flags.inRange("--min-confidence", minConfidence, 0, 1, false);
      Flags.inRange("--sample", sample, 1, Integer.MAX_VALUE);
      int rel = g.relationIdOf(target);
      if (rel < 0) {
        throw new SpecError(file + ": --target", "a relation of the graph", target);
      }
      return new RuleMiner(g, options()).mine(rel);
    }

    RuleMiner.Options options() {
      return new RuleMiner.Options(
          maxLength, minSupport, minHeadCoverage, minConfidence, sample, 1);
    }
  }

  @Command(
      name = "learn",
      mixinStandardHelpOptions = true,
      description = "Mine chain rules for a target relation and print them with their statistics.")
  static final class Learn implements Callable<Integer> {
    @Parameters(index = "0", description = "triples: subject<TAB>relation<TAB>object per line")
    Path triples;

    @Mixin Mining mining;

    @Option(names = "--expand", description = "write the derived target facts (TSV + score)")
    Path expand;

    @Option(names = "--aggregate", defaultValue = "NOISY_OR_GROUNDINGS")
    RuleScorer.Aggregation aggregate;

    @Override
    public Integer call() throws Exception {
      KnowledgeGraph g = KnowledgeGraph.load(triples);
      List<ChainRule> rules = mining.mine(g, triples);
      System.out.println("% " + rules.size() + " rules for " + mining.target);
      rules.forEach(r -> System.out.println(r.describe(g)));
      if (expand != null) {
        var scores = new RuleScorer(g, rules, true).score(null, aggregate);
        int rel = g.relationIdOf(mining.target);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Map<String, Double>> e : scores.entrySet()) {
          for (Map.Entry<String, Double> o : e.getValue().entrySet()) {
            int s = g.entityId(e.getKey());
            int ob = g.entityId(o.getKey());
            if (!g.contains(s, rel, ob)) {
              sb.append(
                  String.format(
                      Locale.ROOT,
                      "%s\t%s\t%s\t%.6f%n",
                      e.getKey(),
                      mining.target,
                      o.getKey(),
                      o.getValue()));
            }
          }
        }
        Files.writeString(expand, sb.toString(), StandardCharsets.UTF_8);
        System.err.println(
            "kb: wrote " + sb.toString().lines().count() + " new facts to " + expand);
      }
      return 0;
    }
  }

  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description =
          "Learn rules on TRAIN, rank candidate objects of the test facts' subjects; print AUC-PR"
              + " (NTP Countries protocol), filtered MRR and Hits@1/3.")
  static final class Eval implements Callable<Integer> {
    @Parameters(index = "0", description = "training triples (TSV)")
    Path train;

    @Mixin Mining mining;

    @Option(names = "--test", required = true, description = "test triples (TSV) of the target")
    Path test;

    @Option(names = "--candidates", description = "objects to rank, one per line (default: all)")
    Path candidates;

    @Option(
        names = "--aggregate",
        defaultValue = "NOISY_OR_GROUNDINGS",
        description = "NOISY_OR_GROUNDINGS, NOISY_OR_RULES or MAX (default: ${DEFAULT-VALUE})")
    RuleScorer.Aggregation aggregate;

    @Option(names = "--confidence", defaultValue = "pca", description = "pca or standard")
    String confidence;

    @Option(
        names = "--dev",
        description =
            "dev triples: choose aggregation and expansion by AUC-PR on them (overrides"
                + " --aggregate, --expand-rounds, --expand-threshold)")
    Path dev;

    @Option(names = "--scores", description = "print the score table per test subject")
    boolean showScores;

    @Option(
        names = "--expand-rounds",
        defaultValue = "1",
        description =
            "rounds of knowledge expansion before the final mining (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(
        names = "--expand-threshold",
        defaultValue = "0.5",
        description =
            "least score of a derived fact added to the graph (default: ${DEFAULT-VALUE})")
    double threshold;

    @Override
    public Integer call() throws Exception {
      if (!confidence.equals("pca") && !confidence.equals("standard")) {
        throw new SpecError("--confidence", "pca or standard", confidence);
      }
      KnowledgeGraph g = KnowledgeGraph.load(train);
      List<String[]> facts = targetFacts(test);
      List<String> cands = candidates == null ? null : readCandidates(candidates);
      long t0 = System.nanoTime();
      Flags.inRange("--expand-rounds", rounds, 0, 10);
      Flags.inRange("--expand-threshold", threshold, 0, 1, false);
      var known = KbEvaluation.objects(g, g.relationIdOf(mining.target));
      mining.mine(g, train); // checks the options and the target before the work
      LinkedHashSet<String> subjects = subjects(facts);
      List<String[]> devFacts = dev == null ? List.of() : targetFacts(dev);
      LinkedHashSet<String> devSubjects = subjects(devFacts);
      Setting chosen = new Setting(aggregate, rounds, threshold);
      if (dev != null) {
        chosen = select(devFacts, devSubjects, subjects, cands, known);
      }
      KbCompletion.Outcome out =
          complete(KnowledgeGraph.load(train), chosen, subjects, devSubjects);
      KnowledgeGraph g2 = out.graph();
      List<ChainRule> rules = out.rules();
      System.out.println("% setting: " + chosen + "; expansion added " + out.added() + " facts");
      System.out.println("% " + rules.size() + " rules for " + mining.target);
      rules.forEach(r -> System.out.println(r.describe(g2)));
      var scores = out.scores();
      if (showScores && cands != null) {
        for (String s : subjects) {
          StringBuilder sb = new StringBuilder(s);
          for (String c : cands) {
            sb.append(
                String.format(
                    Locale.ROOT,
                    "  %s=%.3f",
                    c,
                    scores.getOrDefault(s, Map.of()).getOrDefault(c, 0.0)));
          }
          System.out.println("% " + sb);
        }
      }
      KbEvaluation.Result r = KbEvaluation.evaluate(scores, facts, cands, known);
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "auc-pr %.4f  mrr %.4f  hits@1 %.4f  hits@3 %.4f  (%d subjects, %d test facts,"
              + " %d rules, %.2f s)%n",
          r.aucPr(),
          r.mrr(),
          r.hits1(),
          r.hits3(),
          r.subjects(),
          r.testFacts(),
          rules.size(),
          secs);
      return 0;
    }

    /** One choice of aggregation and expansion. */
    record Setting(RuleScorer.Aggregation aggregate, int rounds, double threshold) {
      @Override
      public String toString() {
        return String.format(
            Locale.ROOT,
            "aggregate %s, %d expansion round(s), threshold %.2f",
            aggregate,
            rounds,
            threshold);
      }
    }

    private KbCompletion.Outcome complete(
        KnowledgeGraph g, Setting s, Collection<String> queries, Collection<String> exclude) {
      return KbCompletion.run(
          g,
          g.relationIdOf(mining.target),
          mining.options(),
          queries,
          exclude,
          s.aggregate(),
          confidence.equals("pca"),
          s.rounds(),
          s.threshold());
    }

    /** The setting with the best AUC-PR on the dev facts (simplest first on ties). */
    private Setting select(
        List<String[]> devFacts,
        Collection<String> devSubjects,
        Collection<String> testSubjects,
        List<String> cands,
        java.util.Map<String, java.util.Set<String>> known)
        throws java.io.IOException {
      Setting best = null;
      double bestAuc = -1;
      for (int r : new int[] {0, 1}) {
        for (double th : r == 0 ? new double[] {threshold} : new double[] {0.5, 0.55, 0.6, 0.7}) {
          for (RuleScorer.Aggregation a : RuleScorer.Aggregation.values()) {
            Setting s = new Setting(a, r, th);
            var out = complete(KnowledgeGraph.load(train), s, devSubjects, testSubjects);
            double auc = KbEvaluation.evaluate(out.scores(), devFacts, cands, known).aucPr();
            System.out.printf(Locale.ROOT, "%% dev auc-pr %.4f with %s%n", auc, s);
            if (auc > bestAuc) {
              bestAuc = auc;
              best = s;
            }
          }
        }
      }
      return best;
    }

    private List<String[]> targetFacts(Path file) throws java.io.IOException {
      KnowledgeGraph t = KnowledgeGraph.load(file);
      List<String[]> facts = new ArrayList<>();
      for (KnowledgeGraph.Triple x : t.triples()) {
        if (t.relationName(x.relation()).equals(mining.target)) {
          facts.add(new String[] {t.entityName(x.subject()), t.entityName(x.object())});
        }
      }
      if (facts.isEmpty()) {
        throw new SpecError(file.toString(), "facts of " + mining.target, "none");
      }
      return facts;
    }

    private static LinkedHashSet<String> subjects(List<String[]> facts) {
      LinkedHashSet<String> out = new LinkedHashSet<>();
      facts.forEach(f -> out.add(f[0]));
      return out;
    }

    private static List<String> readCandidates(Path file) throws java.io.IOException {
      if (!Files.isRegularFile(file)) {
        throw new SpecError(file.toString(), "a readable file of candidates", "nothing there");
      }
      List<String> out = new ArrayList<>();
      for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!l.isBlank()) {
          out.add(l.strip());
        }
      }
      if (out.isEmpty()) {
        throw new SpecError(file.toString(), "at least one candidate", "an empty file");
      }
      return out;
    }
  }
}
