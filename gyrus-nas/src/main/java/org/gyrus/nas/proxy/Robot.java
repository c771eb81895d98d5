package org.gyrus.nas.proxy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.Dna;
import org.gyrus.core.NodeType;
import org.gyrus.core.Space;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Values;
import org.gyrus.core.plugin.Register;
import org.gyrus.search.Algorithm;
import org.gyrus.search.AlgorithmFactory;
import org.gyrus.search.Direction;
import org.gyrus.search.History;
import org.gyrus.search.Trial;
import org.gyrus.search.TrialState;
import org.gyrus.search.algo.GpSearch;
import org.gyrus.search.bench.NasBench201;

/**
 * RoBoT (He et al., ICLR 2024; S11): training-free search over a pool of proxy-scored NB201 cells.
 * The ensemble score of a cell is sum_j w_j r_j, r_j its rank score under proxy j. For the first
 * {@code explore} queries, Bayesian optimisation (the {@code gp} algorithm, over w in [-1, 1]^K)
 * maximises the true accuracy of the ensemble's top cell: each proposed w names a cell; a cell
 * already queried gives its accuracy again for free, a new one is the next query. Afterwards it
 * exploits greedily: the best-scoring weights seen rank the pool and the highest unqueried cell is
 * queried next. Proxy evaluations cost no queries (the pool is scored beforehand).
 *
 * <p>The weights behind each query live in this instance; a resumed study starts the weight search
 * afresh from the cells already queried (they still count as queried).
 */
public final class Robot implements Algorithm {
  private static final Map<Value, Map<String, Dna>> INDEX =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final ProxyPool pool;
  private final List<String> proxies;
  private final Ensemble ensemble;
  private final int explore;
  private final int freeSteps;
  private final GpSearch gp = new GpSearch(5, 128, 2, false);
  private final Space weightSpace;
  private final List<Dna> weights = new ArrayList<>(); // every w proposed, as a point
  private final List<String> weightCells = new ArrayList<>();

  public Robot(ProxyPool pool, List<String> proxies, int explore, int freeSteps) {
    this.pool = pool;
    this.proxies = proxies.isEmpty() ? pool.proxies() : List.copyOf(proxies);
    this.ensemble = new Ensemble(pool, this.proxies);
    this.explore = explore;
    this.freeSteps = freeSteps;
    Object[] args = new Object[2 * this.proxies.size()];
    for (int j = 0; j < this.proxies.size(); j++) {
      args[2 * j] = "w" + j;
      args[2 * j + 1] = Values.floatRange(-1, 1, false);
    }
    this.weightSpace = new Space(Value.Node.of("weights", args));
  }

  /** {@code robot}: the registered factory. */
  @Register
  public static final class Factory implements AlgorithmFactory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "robot",
          "RoBoT: Bayesian optimisation of proxy-ensemble weights, then greedy exploitation of"
              + " the ensemble's ranking, over a pool of proxy-scored NB201 cells",
          ArgSpec.required("pool", Kind.STR)
              .doc("JSON lines of scored cells ({arch, scores}), as ProxyBench score writes"),
          ArgSpec.optional("proxies", Kind.STR, "")
              .doc("comma-separated proxies to ensemble (empty: all in the pool)"),
          ArgSpec.optional("explore", Kind.INT, 10)
              .min(0)
              .doc("queries spent by the weight search before greedy exploitation"),
          ArgSpec.optional("free_steps", Kind.INT, 50)
              .min(1)
              .doc("weight proposals per query that may land on already-queried cells"));
    }

    @Override
    public Robot create(Args a) {
      String list = a.string("proxies");
      List<String> names = list.isBlank() ? List.of() : List.of(list.split(","));
      ProxyPool pool = ProxyPool.read(Path.of(a.string("pool")));
      for (String n : names) {
        pool.column(n); // fails naming the pool's proxies
      }
      return new Robot(pool, names, a.smallInt("explore"), a.smallInt("free_steps"));
    }
  }

  @Override
  public synchronized Dna propose(Space space, History history, RandomGenerator rng) {
    Map<String, Double> queried = new HashMap<>();
    Set<String> taken = new HashSet<>();
    for (Trial t : history.trials()) {
      if (t != null && t.state() != TrialState.FAIL) {
        String arch = NasBench201.archString(t.params());
        taken.add(arch);
        if (t.state() == TrialState.COMPLETE && !t.values().isEmpty()) {
          queried.put(arch, history.score(t));
        }
      }
    }
    int cell = history.size() < explore ? explore(queried, taken, rng) : exploit(queried, taken);
    if (cell < 0) {
      return space.sample(rng); // the pool is used up
    }
    return dna(space, ensemble.arch(cell));
  }

  /** Weight search: proposals that name queried cells are answered free, until one is new. */
  private int explore(Map<String, Double> queried, Set<String> taken, RandomGenerator rng) {
    int fallback = -1;
    for (int step = 0; step < freeSteps; step++) {
      History h = weightHistory(queried);
      Dna point = gp.propose(weightSpace, h, rng);
      double[] w = decode(point);
      int cell = ensemble.best(w, Set.of());
      weights.add(point);
      weightCells.add(ensemble.arch(cell));
      if (!taken.contains(ensemble.arch(cell))) {
        return cell;
      }
      fallback = ensemble.best(w, taken);
    }
    return fallback;
  }

  /** The best weights seen (by the accuracy of the cell they choose) rank the pool. */
  private int exploit(Map<String, Double> queried, Set<String> taken) {
    double[] best = null;
    double top = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < weights.size(); i++) {
      Double acc = queried.get(weightCells.get(i));
      if (acc != null && acc > top) {
        top = acc;
        best = decode(weights.get(i));
      }
    }
    if (best == null) {
      best = new double[proxies.size()];
      java.util.Arrays.fill(best, 1); // no weights tried yet: the plain rank sum
    }
    return ensemble.best(best, taken);
  }

  /** The weight vectors tried so far whose cell has been scored, as a study history. */
  private History weightHistory(Map<String, Double> queried) {
    History h = new History(List.of(Direction.MAXIMIZE));
    int number = 0;
    for (int i = 0; i < weights.size(); i++) {
      Double acc = queried.get(weightCells.get(i));
      if (acc == null) {
        continue;
      }
      Dna dna = weights.get(i);
      Instant now = Instant.EPOCH;
      h.update(
          new Trial(
              number,
              number,
              TrialState.COMPLETE,
              dna,
              weightSpace.materialise(dna),
              List.of(acc),
              new TreeMap<>(),
              Map.of(),
              0,
              "",
              "",
              now,
              now,
              now,
              null));
      number++;
    }
    return h;
  }

  private double[] decode(Dna dna) {
    Value.Node n = (Value.Node) weightSpace.materialise(dna);
    double[] w = new double[proxies.size()];
    for (int j = 0; j < w.length; j++) {
      w[j] = n.floatArg("w" + j, 0);
    }
    return w;
  }

  private Dna dna(Space space, String arch) {
    Dna d = INDEX.computeIfAbsent(space.spec(), k -> index(space)).get(arch);
    if (d == null) {
      throw new SpecError("pool", "cells of the study's NB201 space", arch);
    }
    return d;
  }

  /** Every cell of a (finite) NB201 space by its architecture string; cached per space. */
  private static Map<String, Dna> index(Space space) {
    Map<String, Dna> m = new HashMap<>();
    for (Dna d : space.enumerate()) {
      m.put(NasBench201.archString(space.materialise(d)), d);
    }
    return m;
  }
}
