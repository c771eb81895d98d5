package org.gyrus.nesy.kb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.plugin.Register;
import org.gyrus.nesy.kb.ChainRule.Step;

/**
 * AMIE-style mining of closed chain rules for one target relation. Candidates are the relation
 * paths (length 1..maxLength, both directions, no entity twice) that connect the two ends of a
 * target fact; each candidate is then measured exactly on the whole graph (support, head coverage,
 * standard and PCA confidence) under object identity, so a rule never counts the head fact it
 * predicts as its own evidence.
 */
public final class RuleMiner {
  /**
   * Mining thresholds.
   *
   * @param maxLength longest body (1..3)
   * @param minSupport least number of head facts a rule predicts correctly
   * @param minHeadCoverage least support / head facts
   * @param minConfidence least PCA confidence
   * @param sampleFacts target facts used to propose candidates (all when fewer)
   * @param seed sampling seed
   */
  public record Options(
      int maxLength,
      int minSupport,
      double minHeadCoverage,
      double minConfidence,
      int sampleFacts,
      long seed) {
    public static Options defaults() {
      return new Options(3, 2, 0.01, 0.05, 2_000, 1);
    }
  }

  /** The registered learner {@code amie}. */
  @Register
  public static final class Factory implements RuleLearnerFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "amie",
          "AMIE-style mining of closed chain rules (support, head coverage, PCA confidence)",
          ArgSpec.optional("max_length", Kind.INT, 3).range(1, 3).doc("longest rule body"),
          ArgSpec.optional("min_support", Kind.INT, 2).min(1).doc("least correct predictions"),
          ArgSpec.optional("min_head_coverage", Kind.FLOAT, 0.01)
              .range(0, 1)
              .doc("least support / head facts"),
          ArgSpec.optional("min_confidence", Kind.FLOAT, 0.05)
              .range(0, 1)
              .doc("least PCA confidence"),
          ArgSpec.optional("sample", Kind.INT, 2000).min(1).doc("target facts for candidates"));
    }

    @Override
    public List<ChainRule> learn(KnowledgeGraph g, int target, Args a) {
      Options o =
          new Options(
              a.smallInt("max_length"),
              a.smallInt("min_support"),
              a.number("min_head_coverage"),
              a.number("min_confidence"),
              a.smallInt("sample"),
              1);
      return new RuleMiner(g, o).mine(target);
    }
  }

  private final KnowledgeGraph g;
  private final Options opt;

  public RuleMiner(KnowledgeGraph g, Options opt) {
    if (opt.maxLength() < 1 || opt.maxLength() > 3) {
      throw new SpecError("--max-length", "1, 2 or 3", "" + opt.maxLength());
    }
    this.g = g;
    this.opt = opt;
  }

  /** The rules for {@code target} passing the thresholds, best PCA confidence first. */
  public List<ChainRule> mine(int target) {
    List<KnowledgeGraph.Triple> facts = targetFacts(target);
    Set<List<Step>> candidates = new LinkedHashSet<>();
    for (KnowledgeGraph.Triple t : facts) {
      collectPaths(t.subject(), t.object(), new ArrayList<>(), new int[] {t.subject()}, candidates);
    }
    candidates.remove(List.of(new Step(target, false)));
    int headSize = (int) g.triples().stream().filter(t -> t.relation() == target).count();
    List<ChainRule> rules = new ArrayList<>();
    Set<Long> seenGroundings = new HashSet<>();
    for (List<Step> body : candidates) {
      long[] fingerprint = new long[1];
      ChainRule r = measure(target, body, headSize, fingerprint);
      // an equivalent rule (same derived pairs, e.g. through a symmetric relation) adds nothing
      if (!seenGroundings.add(fingerprint[0])) {
        continue;
      }
      if (r.support() >= opt.minSupport()
          && r.headCoverage() >= opt.minHeadCoverage()
          && r.pcaConfidence() >= opt.minConfidence()) {
        rules.add(r);
      }
    }
    rules.sort(
        Comparator.comparingDouble(ChainRule::pcaConfidence)
            .thenComparingInt(ChainRule::support)
            .reversed());
    return rules;
  }

  private List<KnowledgeGraph.Triple> targetFacts(int target) {
    List<KnowledgeGraph.Triple> facts = new ArrayList<>();
    for (KnowledgeGraph.Triple t : g.triples()) {
      if (t.relation() == target) {
        facts.add(t);
      }
    }
    if (facts.size() > opt.sampleFacts()) {
      java.util.Collections.shuffle(facts, new Random(opt.seed()));
      return facts.subList(0, opt.sampleFacts());
    }
    return facts;
  }

  /** Depth-first over simple paths from the last node of {@code visited} to {@code goal}. */
  private void collectPaths(
      int node, int goal, List<Step> path, int[] visited, Set<List<Step>> out) {
    for (int r = 0; r < g.relationCount(); r++) {
      for (int dir = 0; dir < 2; dir++) {
        boolean inv = dir == 1;
        for (int next : g.step(node, r, inv)) {
          if (contains(visited, next)) {
            continue;
          }
          path.add(new Step(r, inv));
          if (next == goal) {
            out.add(List.copyOf(path));
          } else if (path.size() < opt.maxLength()) {
            collectPaths(next, goal, path, append(visited, next), out);
          }
          path.remove(path.size() - 1);
        }
      }
    }
  }

  /** Exact statistics of one rule body against the head relation. */
  ChainRule measure(int target, List<Step> body, int headSize, long[] fingerprint) {
    Set<Integer> pcaSubjects = g.subjectsOf(target);
    Set<Integer> starts = new HashSet<>();
    Step first = body.get(0);
    for (KnowledgeGraph.Triple t : g.triples()) {
      if (t.relation() == first.relation()) {
        starts.add(first.inverse() ? t.object() : t.subject());
      }
    }
    int support = 0;
    int bodySize = 0;
    fingerprint[0] = 0;
    int pcaBody = 0;
    for (int x : starts) {
      Set<Integer> ends = new HashSet<>();
      walk(body, 0, x, new int[] {x}, ends);
      for (int y : ends) {
        fingerprint[0] += mix(((long) x << 32) ^ y);
        bodySize++;
        if (pcaSubjects.contains(x)) {
          pcaBody++;
        }
        if (g.contains(x, target, y)) {
          support++;
        }
      }
    }
    return new ChainRule(target, List.copyOf(body), support, bodySize, pcaBody, headSize);
  }

  /** The distinct end entities of the body from {@code node}, all variables distinct. */
  void walk(List<Step> body, int i, int node, int[] visited, Set<Integer> ends) {
    Step s = body.get(i);
    for (int next : g.step(node, s.relation(), s.inverse())) {
      if (contains(visited, next)) {
        continue;
      }
      if (i == body.size() - 1) {
        ends.add(next);
      } else {
        walk(body, i + 1, next, append(visited, next), ends);
      }
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static int[] append(int[] a, int v) {
    int[] b = java.util.Arrays.copyOf(a, a.length + 1);
    b[a.length] = v;
    return b;
  }
}
