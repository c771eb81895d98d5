package org.gyrus.nesy.kb;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule learning with knowledge expansion: mine rules, derive the target facts of every subject
 * outside the queries, add those whose best rule's confidence is at least {@code threshold} to the
 * graph, and mine again on the expanded graph (for {@code rounds} rounds). A training graph whose
 * target facts are missing for some entities (Countries S3 drops the regions of the test countries'
 * neighbours) then supports the rules that need them. Query subjects (and {@code exclude}) never
 * receive expanded facts, so no answer is read back from the graph it was derived into.
 */
public final class KbCompletion {
  /** The final graph, the rules mined on it, and the scores of the query subjects. */
  public record Outcome(
      KnowledgeGraph graph,
      List<ChainRule> rules,
      Map<String, Map<String, Double>> scores,
      int added) {}

  private KbCompletion() {}

  public static Outcome run(
      KnowledgeGraph g,
      int target,
      RuleMiner.Options mining,
      Collection<String> queries,
      Collection<String> exclude,
      RuleScorer.Aggregation agg,
      boolean pca,
      int rounds,
      double threshold) {
    List<ChainRule> rules = new RuleMiner(g, mining).mine(target);
    int added = 0;
    Set<String> skip = new java.util.HashSet<>(queries);
    skip.addAll(exclude);
    for (int round = 0; round < rounds; round++) {
      // expansion trusts single rules only: noisy-or saturates on many weak groundings
      Map<String, Map<String, Double>> all =
          new RuleScorer(g, rules, pca).score(null, RuleScorer.Aggregation.MAX);
      int before = g.triples().size();
      String rel = g.relationName(target);
      for (Map.Entry<String, Map<String, Double>> e : all.entrySet()) {
        if (skip.contains(e.getKey())) {
          continue;
        }
        e.getValue()
            .forEach(
                (o, v) -> {
                  if (v >= threshold) {
                    g.add(e.getKey(), rel, o);
                  }
                });
      }
      added += g.triples().size() - before;
      rules = new RuleMiner(g, mining).mine(target);
    }
    return new Outcome(g, rules, new RuleScorer(g, rules, pca).score(queries, agg), added);
  }
}
