package org.gyrus.nesy.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks candidate objects for the test queries {@code target(s, ?)} with learned rules. AUC-PR
 * follows the NTP papers' Countries protocol (every test subject x every candidate, pooled, the
 * test facts positive); MRR and Hits@k are filtered (other known objects of s are skipped) with
 * ties ranked at their mean position.
 */
public final class KbEvaluation {
  private KbEvaluation() {}

  /** Figures of one evaluation. */
  public record Result(
      double aucPr, double mrr, double hits1, double hits3, int subjects, int testFacts) {}

  /**
   * @param test the test facts of the target relation as (subject, object) names
   * @param candidates the objects to rank (null: every object of the target in train and test)
   * @param known facts of the target beyond the test ones to filter (train), as subject -> objects
   */
  public static Result evaluate(
      Map<String, Map<String, Double>> scores,
      List<String[]> test,
      List<String> candidates,
      Map<String, Set<String>> known) {
    Map<String, Set<String>> truth = new LinkedHashMap<>();
    for (String[] t : test) {
      truth.computeIfAbsent(t[0], k -> new LinkedHashSet<>()).add(t[1]);
    }
    List<String> cands = candidates;
    if (cands == null) {
      Set<String> all = new LinkedHashSet<>();
      known.values().forEach(all::addAll);
      truth.values().forEach(all::addAll);
      cands = new ArrayList<>(all);
    }
    List<Double> pooled = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    double rr = 0;
    int h1 = 0;
    int h3 = 0;
    int n = 0;
    for (Map.Entry<String, Set<String>> e : truth.entrySet()) {
      Map<String, Double> s = scores.getOrDefault(e.getKey(), Map.of());
      for (String c : cands) {
        pooled.add(s.getOrDefault(c, 0.0));
        labels.add(e.getValue().contains(c));
      }
      Set<String> skip = new HashSet<>(known.getOrDefault(e.getKey(), Set.of()));
      skip.addAll(e.getValue());
      for (String answer : e.getValue()) {
        double rank = rank(s, answer, cands, skip);
        rr += 1 / rank;
        h1 += rank <= 1 ? 1 : 0;
        h3 += rank <= 3 ? 1 : 0;
        n++;
      }
    }
    double[] sc = pooled.stream().mapToDouble(Double::doubleValue).toArray();
    boolean[] lb = new boolean[labels.size()];
    for (int i = 0; i < lb.length; i++) {
      lb[i] = labels.get(i);
    }
    return new Result(
        AucPr.averagePrecision(sc, lb), rr / n, (double) h1 / n, (double) h3 / n, truth.size(), n);
  }

  /** Filtered rank of {@code answer}: 1 + #better + (#tied) / 2 among non-known candidates. */
  static double rank(Map<String, Double> s, String answer, List<String> cands, Set<String> skip) {
    double mine = s.getOrDefault(answer, 0.0);
    int better = 0;
    int tied = 0;
    for (String c : cands) {
      if (c.equals(answer) || skip.contains(c)) {
        continue;
      }
      double v = s.getOrDefault(c, 0.0);
      better += v > mine ? 1 : 0;
      tied += v == mine ? 1 : 0;
    }
    return 1 + better + tied / 2.0;
  }

  /** Known objects per subject of one relation in a graph. */
  public static Map<String, Set<String>> objects(KnowledgeGraph g, int relation) {
    Map<String, Set<String>> out = new HashMap<>();
    if (relation < 0) {
      return out;
    }
    for (KnowledgeGraph.Triple t : g.triples()) {
      if (t.relation() == relation) {
        out.computeIfAbsent(g.entityName(t.subject()), k -> new HashSet<>())
            .add(g.entityName(t.object()));
      }
    }
    return out;
  }
}
