package org.gyrus.nas.discover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.core.Value.ListVal;
import org.gyrus.core.Value.Node;

/**
 * The non-LLM researcher: the seeds first, then programs derived from past winners — a mutation of
 * a tournament-selected parent (replace, tweak, wrap in residual / gate / parallel, insert,
 * delete), a crossover of two, or a fresh grammar draw. Each proposal writes {@code proposals} such
 * options and picks one by a softmax over what the memory says their new motifs are worth (an
 * unseen motif gets an exploration bonus), so the lineage's statistics steer the search.
 */
public final class MotifProposer implements Proposer {
  private static final int MAX_NODES = 14;
  private final Grammar grammar;
  private final List<String> seedNames;
  private final List<Value> seeds;
  private final int proposals;
  private final double exploration;
  private final double temperature;
  private final Predicate<Value> fits;

  /** An option under consideration: program, parents, operator and its motif value. */
  private record Option(Value program, List<Integer> parents, String operator, double value) {}

  public MotifProposer(
      Grammar grammar,
      List<String> seedNames,
      List<Value> seeds,
      int proposals,
      double exploration,
      double temperature) {
    this(grammar, seedNames, seeds, proposals, exploration, temperature, p -> true);
  }

  /**
   * With {@code fits}: the constraint the researcher is told (the parameter budget); options that
   * break it are dropped while others remain, so proposals are not spent on known refusals.
   */
  public MotifProposer(
      Grammar grammar,
      List<String> seedNames,
      List<Value> seeds,
      int proposals,
      double exploration,
      double temperature,
      Predicate<Value> fits) {
    this.fits = fits;
    this.grammar = grammar;
    this.seedNames = List.copyOf(seedNames);
    this.seeds = List.copyOf(seeds);
    this.proposals = proposals;
    this.exploration = exploration;
    this.temperature = temperature;
  }

  @Override
  public Candidate propose(int number, Lineage lineage, Memory memory, SplittableRandom r) {
    if (number < seeds.size()) {
      return new Candidate(number, seeds.get(number), List.of(), "seed:" + seedNames.get(number));
    }
    List<Lineage.Entry> ranked = lineage.ranked();
    List<Option> options = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 4 * proposals && options.size() < proposals; i++) {
      Option o = option(ranked, memory, r);
      String key = SpecCodec.toCompactJson(o.program());
      if (SpecTree.nodeCount(o.program()) <= MAX_NODES
          && keys.add(key)
          && !lineage.contains(o.program())) {
        options.add(o);
      }
    }
    if (options.isEmpty()) {
      return new Candidate(number, grammar.program(r, 3), List.of(), "fresh");
    }
    List<Option> fitting = options.stream().filter(o -> fits.test(o.program())).toList();
    Option chosen = softmaxPick(fitting.isEmpty() ? options : fitting, r);
    return new Candidate(number, chosen.program(), chosen.parents(), chosen.operator());
  }

  private Option option(List<Lineage.Entry> ranked, Memory memory, SplittableRandom r) {
    if (ranked.isEmpty() || r.nextDouble() < exploration) {
      Value p = grammar.program(r, 3);
      return new Option(p, List.of(), "fresh", value(Motifs.of(p), Set.of(), memory));
    }
    Lineage.Entry a = tournament(ranked, r);
    if (ranked.size() >= 2 && r.nextInt(5) == 0) {
      Lineage.Entry b = tournament(ranked, r);
      if (b.number() != a.number()) {
        Value child = crossover(a.candidate().program(), b.candidate().program(), r);
        return new Option(
            child,
            List.of(a.number(), b.number()),
            "crossover",
            value(Motifs.of(child), a.motifs(), memory));
      }
    }
    String[] op = {null};
    Value child = mutate(a.candidate().program(), r, op);
    return new Option(
        child, List.of(a.number()), "mutate:" + op[0], value(Motifs.of(child), a.motifs(), memory));
  }

  /** What the memory expects of the motifs a child adds to its parent's. */
  private static double value(Set<String> child, Set<String> parent, Memory memory) {
    double v = 0;
    for (String m : Analyst.difference(child, parent)) {
      v += memory.seen(m) ? memory.weight(m) : 0.02; // an unseen motif: a small exploration bonus
    }
    for (String m : Analyst.difference(parent, child)) {
      v -= memory.seen(m) ? memory.weight(m) * 0.5 : 0;
    }
    return v;
  }

  private Option softmaxPick(List<Option> options, SplittableRandom r) {
    double max = options.stream().mapToDouble(Option::value).max().orElse(0);
    double[] w = new double[options.size()];
    double total = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.exp((options.get(i).value() - max) / temperature);
      total += w[i];
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < w.length; i++) {
      u -= w[i];
      if (u <= 0) {
        return options.get(i);
      }
    }
    return options.get(w.length - 1);
  }

  /** The best of three completed candidates drawn from the best half (all when few). */
  private static Lineage.Entry tournament(List<Lineage.Entry> ranked, SplittableRandom r) {
    int pool = Math.max(1, Math.min(ranked.size(), Math.max(3, ranked.size() / 2)));
    int best = pool;
    for (int i = 0; i < 3; i++) {
      best = Math.min(best, r.nextInt(pool));
    }
    return ranked.get(best);
  }

  /** One random edit of {@code p}; {@code op[0]} receives its name. */
  Value mutate(Value p, SplittableRandom r, String[] op) {
    List<List<Object>> sites = SpecTree.sites(p);
    List<Object> site = sites.get(r.nextInt(sites.size()));
    Value at = SpecTree.get(p, site);
    int size = SpecTree.nodeCount(p);
    int choice = size >= MAX_NODES - 2 ? 6 : r.nextInt(7);
    switch (choice) {
      case 0:
        op[0] = "replace";
        return SpecTree.set(p, site, grammar.primitive(r));
      case 1:
        op[0] = "wrap_residual";
        return SpecTree.set(p, site, Node.of("residual", "body", at));
      case 2:
        op[0] = "wrap_gate";
        return SpecTree.set(p, site, grammar.gate(at, r));
      case 3:
        op[0] = "wrap_parallel";
        return SpecTree.set(
            p,
            site,
            Node.of("parallel", "branches", ListVal.of(at, grammar.primitive(r)), "join", "add"));
      case 4:
        op[0] = "insert";
        Value extra = grammar.primitive(r);
        return SpecTree.set(
            p, site, r.nextBoolean() ? ListVal.of(at, extra) : ListVal.of(extra, at));
      case 5:
        if (at instanceof Node n) {
          op[0] = "tweak";
          return SpecTree.set(p, site, grammar.tweak(n, r));
        }
      // fall through: a list has no arguments to tweak
      default:
        op[0] = "delete";
        return delete(p, sites, r);
    }
  }

  /** Replaces a random combinator by one of its children (unwrap); the root stays non-empty. */
  private static Value delete(Value p, List<List<Object>> sites, SplittableRandom r) {
    List<List<Object>> combinators = new ArrayList<>();
    for (List<Object> s : sites) {
      if (!Grammar.children(SpecTree.get(p, s)).isEmpty()) {
        combinators.add(s);
      }
    }
    if (combinators.isEmpty()) {
      return p;
    }
    List<Object> s = combinators.get(r.nextInt(combinators.size()));
    Value at = SpecTree.get(p, s);
    List<Value> kids = Grammar.children(at);
    if (at instanceof ListVal l && l.items().size() > 2) {
      List<Value> rest = new ArrayList<>(l.items());
      rest.remove(r.nextInt(rest.size()));
      return SpecTree.set(p, s, new ListVal(rest));
    }
    return SpecTree.set(p, s, kids.get(r.nextInt(kids.size())));
  }

  /** {@code a} with a random site replaced by a random sub-program of {@code b}. */
  static Value crossover(Value a, Value b, SplittableRandom r) {
    List<List<Object>> sa = SpecTree.sites(a);
    List<List<Object>> sb = SpecTree.sites(b);
    Value donor = SpecTree.get(b, sb.get(r.nextInt(sb.size())));
    List<Object> site = sa.get(r.nextInt(sa.size()));
    if (site.isEmpty()) {
      return ListVal.of(a, donor); // replacing the whole of a would just copy b's part: chain them
    }
    return SpecTree.set(a, site, donor);
  }
}
