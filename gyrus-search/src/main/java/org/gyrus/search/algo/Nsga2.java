package org.gyrus.search.algo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.Decision;
import org.gyrus.core.Dna;
import org.gyrus.core.DnaSpec;
import org.gyrus.core.NodeType;
import org.gyrus.core.Space;
import org.gyrus.core.plugin.Register;
import org.gyrus.search.Algorithm;
import org.gyrus.search.AlgorithmFactory;
import org.gyrus.search.History;
import org.gyrus.search.Pareto;
import org.gyrus.search.Trial;

/**
 * NSGA-II (Deb et al. 2002) with Deb's constraint domination for the study's hard specs. Completed
 * trials form generations of {@code population} in number order; generation 0 is uniform. The
 * parents of generation g are the best {@code population} of the parents of g-1 and generation g-1
 * itself, by (constrained) non-domination rank and then crowding distance. A child is two
 * binary-tournament winners crossed (uniform for choices, SBX for numbers) with probability {@code
 * crossover}, then each decision mutated with probability {@code mutation} (1/decisions by
 * default). The parents are a function of the history alone, cached per generation.
 */
public final class Nsga2 implements Algorithm {
  private static final double SBX_ETA = 15;

  private final int population;
  private final double crossover;
  private final double mutation;
  private final double swap;
  private final Generations generations = new Generations();

  public Nsga2(int population, double crossover, double mutation, double swap) {
    this.population = population;
    this.crossover = crossover;
    this.mutation = mutation;
    this.swap = swap;
  }

  /** {@code nsga2}: the registered factory. */
  @Register
  public static final class Factory implements AlgorithmFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "nsga2",
          "NSGA-II, Deb et al. 2002: non-dominated sorting, crowding distance, constraint"
              + " domination for hard specs (multi-objective; works on one objective too)",
          ArgSpec.optional("population", Kind.INT, 50).min(2).doc("trials per generation"),
          ArgSpec.optional("crossover", Kind.FLOAT, 0.9)
              .range(0, 1)
              .doc("probability that a child crosses two parents"),
          ArgSpec.optional("mutation", Kind.FLOAT, -1.0)
              .range(-1, 1)
              .doc("per-decision mutation probability; -1: 1/number of decisions"),
          ArgSpec.optional("swap", Kind.FLOAT, 0.5)
              .range(0, 1)
              .doc("per-decision probability of taking the second parent's value"));
    }

    @Override
    public Nsga2 create(Args a) {
      return new Nsga2(
          a.smallInt("population"), a.number("crossover"), a.number("mutation"), a.number("swap"));
    }
  }

  /** A parent: its trial, non-domination rank and crowding distance in its selection pool. */
  public record Member(Trial trial, int rank, double crowding) {
    boolean beats(Member o) {
      return rank != o.rank ? rank < o.rank : crowding > o.crowding;
    }
  }

  @Override
  public Dna propose(Space space, History history, RandomGenerator rng) {
    List<Trial> done = history.completed();
    if (done.size() < population) {
      return new RandomSearch().propose(space, history, rng);
    }
    List<Member> parents = generations.parents(history, population);
    Dna a = tournament(parents, rng).trial().dna();
    Dna b = tournament(parents, rng).trial().dna();
    Map<String, Number> child =
        rng.nextDouble() < crossover
            ? cross(space.dnaSpec(), a, b, rng)
            : new LinkedHashMap<>(a.values());
    mutate(space.dnaSpec(), child, rng);
    return space.complete(child, rng);
  }

  private static Member tournament(List<Member> pool, RandomGenerator rng) {
    Member x = pool.get(rng.nextInt(pool.size()));
    Member y = pool.get(rng.nextInt(pool.size()));
    if (x.beats(y)) {
      return x;
    }
    return y.beats(x) || rng.nextBoolean() ? y : x;
  }

  private Map<String, Number> cross(DnaSpec spec, Dna a, Dna b, RandomGenerator rng) {
    Map<String, Number> out = new LinkedHashMap<>();
    for (Decision d : spec.decisions()) {
      Number va = a.get(d.id());
      Number vb = b.get(d.id());
      if (va == null || vb == null) {
        Number only = va == null ? vb : va;
        if (only != null) {
          out.put(d.id(), only);
        }
      } else if (d instanceof Decision.Choice) {
        out.put(d.id(), rng.nextDouble() < swap ? vb : va);
      } else {
        out.put(d.id(), rng.nextDouble() < swap ? sbx(d, va, vb, rng) : va);
      }
    }
    return out;
  }

  /** Simulated binary crossover (Deb & Agrawal 1995) in the unit (or log) scale, one child. */
  static Number sbx(Decision d, Number va, Number vb, RandomGenerator rng) {
    double u = rng.nextDouble();
    double beta =
        u <= 0.5
            ? Math.pow(2 * u, 1 / (SBX_ETA + 1))
            : Math.pow(1 / (2 * (1 - u)), 1 / (SBX_ETA + 1));
    boolean log = d instanceof Decision.FloatChoice f && f.log();
    double x = log ? Math.log(va.doubleValue()) : va.doubleValue();
    double y = log ? Math.log(vb.doubleValue()) : vb.doubleValue();
    double sign = rng.nextBoolean() ? 1 : -1;
    double c = 0.5 * ((x + y) + sign * beta * (x - y));
    if (d instanceof Decision.IntChoice r) {
      long steps = Math.round((c - r.lo()) / (double) r.step());
      return Math.max(r.lo(), Math.min(r.hi(), r.lo() + steps * r.step()));
    }
    Decision.FloatChoice f = (Decision.FloatChoice) d;
    double v = log ? Math.exp(c) : c;
    return Math.max(f.lo(), Math.min(f.hi(), v));
  }

  private void mutate(DnaSpec spec, Map<String, Number> values, RandomGenerator rng) {
    List<Decision> mutable = new ArrayList<>();
    for (Decision d : spec.decisions()) {
      if (values.get(d.id()) != null && spec.cardinality(d) != 1) {
        mutable.add(d);
      }
    }
    double p = mutation >= 0 ? mutation : 1.0 / Math.max(1, mutable.size());
    for (Decision d : mutable) {
      if (rng.nextDouble() < p && spec.isValid(d, values.get(d.id()))) {
        values.put(d.id(), spec.neighbour(d, values.get(d.id()), rng));
      }
    }
  }

  /**
   * The parents of each generation, rebuilt only when a generation completes or the completed
   * trials they came from changed (a resume, another worker's out-of-order finish).
   */
  static final class Generations {
    private final List<Integer> numbers = new ArrayList<>();
    private List<Member> parents = List.of();
    private int built;

    synchronized List<Member> parents(History history, int size) {
      List<Trial> done = history.completed();
      int gens = done.size() / size;
      if (!samePrefix(done)) {
        numbers.clear();
        parents = List.of();
        built = 0;
      }
      while (built < gens) {
        List<Trial> pool = new ArrayList<>();
        parents.forEach(m -> pool.add(m.trial()));
        pool.addAll(done.subList(built * size, (built + 1) * size));
        parents = select(history, pool, size);
        for (Trial t : done.subList(built * size, (built + 1) * size)) {
          numbers.add(t.number());
        }
        built++;
      }
      return parents;
    }

    private boolean samePrefix(List<Trial> done) {
      if (numbers.size() > done.size()) {
        return false;
      }
      for (int i = 0; i < numbers.size(); i++) {
        if (done.get(i).number() != numbers.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The best {@code size} of a pool by constrained rank, then crowding (elitist selection). */
  public static List<Member> select(History history, List<Trial> pool, int size) {
    double[][] points = new double[pool.size()][];
    double[] violation = new double[pool.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = history.oriented(pool.get(i));
      violation[i] = history.violation(pool.get(i));
    }
    int[] rank = Pareto.constrainedRanks(points, violation);
    int maxRank = 0;
    for (int r : rank) {
      maxRank = Math.max(maxRank, r);
    }
    List<List<Integer>> fronts = new ArrayList<>();
    for (int r = 0; r <= maxRank; r++) {
      fronts.add(new ArrayList<>());
    }
    for (int i = 0; i < rank.length; i++) {
      fronts.get(rank[i]).add(i);
    }
    List<Member> chosen = new ArrayList<>();
    for (List<Integer> front : fronts) {
      if (chosen.size() >= size) {
        break;
      }
      double[] crowd = Pareto.crowding(points, front);
      List<Member> members = new ArrayList<>();
      for (int k = 0; k < front.size(); k++) {
        members.add(new Member(pool.get(front.get(k)), rank[front.get(k)], crowd[k]));
      }
      if (chosen.size() + members.size() > size) {
        // ties in crowding keep trial order, so a replay selects the same parents
        members.sort(Comparator.comparingDouble((Member m) -> -m.crowding()));
        members = members.subList(0, size - chosen.size());
      }
      chosen.addAll(members);
    }
    return chosen;
  }
}
