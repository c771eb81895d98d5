package org.gyrus.nesy.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbRulesTest {

  /** parent facts at random; grandparent = parent o parent with 20% of its facts dropped. */
  private static KnowledgeGraph planted(Set<String> dropped, Set<String> kept) {
    Random rnd = new Random(7);
    KnowledgeGraph g = new KnowledgeGraph();
    int n = 60;
    List<int[]> parent = new ArrayList<>();
    for (int c = 1; c < n; c++) {
      int p = rnd.nextInt(c); // a forest: no entity is its own ancestor
      parent.add(new int[] {p, c});
      g.add("e" + p, "parent", "e" + c);
    }
    for (int i = 0; i < 80; i++) {
      g.add("e" + rnd.nextInt(n), "likes", "e" + rnd.nextInt(n)); // noise relation
    }
    for (int[] a : parent) {
      for (int[] b : parent) {
        if (a[1] == b[0]) {
          String key = "e" + a[0] + " e" + b[1];
          if (rnd.nextDouble() < 0.2) {
            dropped.add(key);
          } else if (kept.add(key)) {
            g.add("e" + a[0], "grandparent", "e" + b[1]);
          }
        }
      }
    }
    return g;
  }

  @Test
  void recoversThePlantedRuleWithItsConfidence() {
    Set<String> dropped = new HashSet<>();
    Set<String> kept = new HashSet<>();
    KnowledgeGraph g = planted(dropped, kept);
    int gp = g.relationIdOf("grandparent");
    List<ChainRule> rules = new RuleMiner(g, RuleMiner.Options.defaults()).mine(gp);
    ChainRule best = rules.get(0);
    // the registered learner with its declared defaults finds the same rules
    RuleLearnerFactory amie = RuleLearnerFactory.registry().get("amie", "test");
    var args = amie.type().check(Value.Node.of("amie"), "test");
    assertThat(amie.learn(g, gp, args)).isEqualTo(rules);
    assertThat(best.show(g)).isEqualTo("grandparent(X, Y) :- parent(X, A), parent(A, Y).");
    // brute force: every parent chain is a body pair (a forest has no repeated entities)
    int body = kept.size() + dropped.size();
    assertThat(best.bodySize()).isEqualTo(body);
    assertThat(best.support()).isEqualTo(kept.size());
    assertThat(best.confidence()).isCloseTo((double) kept.size() / body, within(1e-12));
    assertThat(best.confidence()).isBetween(0.7, 0.9);

    // the rule, run through the Datalog engine, derives exactly the chains, dropped ones included
    var scores = new RuleScorer(g, List.of(best), false).score(null, RuleScorer.Aggregation.MAX);
    Set<String> derived = new HashSet<>();
    scores.forEach((s, m) -> m.keySet().forEach(o -> derived.add(s + " " + o)));
    Set<String> chains = new HashSet<>(kept);
    chains.addAll(dropped);
    assertThat(derived).isEqualTo(chains);
    String someDropped = dropped.iterator().next();
    String[] p = someDropped.split(" ");
    assertThat(scores.get(p[0]).get(p[1])).isCloseTo(best.confidence(), within(1e-6));
  }

  @Test
  void averagePrecisionMatchesHandComputedCases() {
    // ranks 1..4 with positives at 1 and 3: (1/2)*1 + (1/2)*(2/3)
    assertThat(
            AucPr.averagePrecision(
                new double[] {0.9, 0.8, 0.7, 0.6}, new boolean[] {true, false, true, false}))
        .isCloseTo(0.5 + 1.0 / 3, within(1e-12));
    // a tie is one threshold: (1/2)*(1/2) + (1/2)*(2/3)
    assertThat(
            AucPr.averagePrecision(new double[] {0.5, 0.5, 0.2}, new boolean[] {true, false, true}))
        .isCloseTo(0.25 + 1.0 / 3, within(1e-12));
    assertThat(AucPr.averagePrecision(new double[] {1, 0}, new boolean[] {true, false}))
        .isEqualTo(1.0);
  }

  @Test
  void malformedTripleNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("kb.tsv");
    Files.writeString(f, "a\tr\tb\n\nc\tr\n");
    assertThatThrownBy(() -> KnowledgeGraph.load(f))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("kb.tsv:3")
        .hasMessageContaining("subject<TAB>relation<TAB>object");
  }

  @Test
  void countriesS1IsSolvedWithTheCompositionRule() throws IOException {
    String data = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(data != null, "GYRUS_DATA not set: Countries S1 test skipped");
    Path dir = Path.of(data, "kb-countries");
    Assumptions.assumeTrue(Files.isDirectory(dir), "no " + dir + ": Countries S1 test skipped");
    KnowledgeGraph g = KnowledgeGraph.load(dir.resolve("countries_S1.tsv"));
    List<String> regions = Files.readAllLines(dir.resolve("regions.txt"));
    Set<String> test = new LinkedHashSet<>(Files.readAllLines(dir.resolve("test.txt")));
    List<String[]> facts = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("countries.nl"))) {
      String[] a = line.replaceAll("^locatedIn\\((.*),(.*)\\)\\.$", "$1 $2").split(" ");
      if (a.length == 2 && test.contains(a[0]) && regions.contains(a[1])) {
        facts.add(a);
      }
    }
    assertThat(facts).hasSize(test.size());
    int rel = g.relationIdOf("locatedIn");
    List<ChainRule> rules = new RuleMiner(g, RuleMiner.Options.defaults()).mine(rel);
    assertThat(rules.stream().map(r -> r.show(g)))
        .contains("locatedIn(X, Y) :- locatedIn(X, A), locatedIn(A, Y).");
    Map<String, Map<String, Double>> scores =
        new RuleScorer(g, rules, true).score(test, RuleScorer.Aggregation.NOISY_OR_RULES);
    var r = KbEvaluation.evaluate(scores, facts, regions, new HashMap<>());
    assertThat(r.aucPr()).isEqualTo(1.0);
  }
}
