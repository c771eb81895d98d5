package org.gyrus.nesy.pinesy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.SpecError;

/**
 * A set of parallel possibilistic rules "if p_i then b ∈ Q_i" over one output attribute b with a
 * finite domain {0..D−1}, each with parameters s_i and r_i (Π-NeSy, Baaj and Marquis 2025; min-max
 * inference of Baaj et al., FUZZ-IEEE 2021). An input is the vector {@code (λ_1, ρ_1, …, λ_n, ρ_n)}
 * of the premises' degrees of possibility (λ_i = Π(p_i), ρ_i = Π(¬p_i)).
 *
 * <p>The output domain is partitioned by the rules' conclusions: two values share a subset iff
 * every rule puts them on the same side of its Q_i. The possibility of a subset E is {@code min_i
 * (E ⊆ Q_i ? max(s_i, λ_i) : max(r_i, ρ_i))}; read as a min-max product this is {@code Γ(λ, ρ) □
 * (s_1, r_1, …)}, which is the equation system that learns the parameters from a target
 * distribution (see {@link RuleLearning}).
 */
public final class PossibilisticRules {
  private final int rules;
  private final int domain;
  private final int[][] subsets;
  private final boolean[][] inside;
  private final int[] subsetOf;

  private PossibilisticRules(int rules, int domain, int[][] subsets, boolean[][] inside) {
    this.rules = rules;
    this.domain = domain;
    this.subsets = subsets;
    this.inside = inside;
    this.subsetOf = new int[domain];
    for (int s = 0; s < subsets.length; s++) {
      for (int v : subsets[s]) {
        subsetOf[v] = s;
      }
    }
  }

  /** Rules with the given conclusion sets Q_i ⊆ {0..domain−1}. */
  public static PossibilisticRules of(int domain, List<int[]> conclusions) {
    if (conclusions.isEmpty() || domain < 1) {
      throw new SpecError("rules", "at least one rule over a non-empty domain", "" + domain);
    }
    int n = conclusions.size();
    boolean[][] member = new boolean[n][domain];
    for (int i = 0; i < n; i++) {
      for (int v : conclusions.get(i)) {
        if (v < 0 || v >= domain) {
          throw new SpecError("rule " + i, "values in 0.." + (domain - 1), "" + v);
        }
        member[i][v] = true;
      }
    }
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int v = 0; v < domain; v++) {
      StringBuilder sig = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        sig.append(member[i][v] ? '+' : '-');
      }
      groups.computeIfAbsent(sig.toString(), s -> new ArrayList<>()).add(v);
    }
    int[][] subsets = new int[groups.size()][];
    boolean[][] inside = new boolean[groups.size()][n];
    int s = 0;
    for (List<Integer> g : groups.values()) {
      subsets[s] = g.stream().mapToInt(Integer::intValue).toArray();
      for (int i = 0; i < n; i++) {
        inside[s][i] = member[i][subsets[s][0]];
      }
      s++;
    }
    return new PossibilisticRules(n, domain, subsets, inside);
  }

  public int rules() {
    return rules;
  }

  public int domain() {
    return domain;
  }

  /** Number of subsets of the partition (rows of the equation system). */
  public int subsets() {
    return subsets.length;
  }

  public int[] members(int subset) {
    return subsets[subset].clone();
  }

  public int subsetOf(int value) {
    return subsetOf[value];
  }

  /** Possibility of each subset for premise degrees {@code lr} and parameters (s_1, r_1, …). */
  public double[] infer(double[] params, double[] lr) {
    return MinMaxSystem.product(learningMatrix(lr), params);
  }

  /** Possibility of each output value (that of its subset). */
  public double[] inferValues(double[] params, double[] lr) {
    double[] bySubset = infer(params, lr);
    double[] out = new double[domain];
    for (int v = 0; v < domain; v++) {
      out[v] = bySubset[subsetOf[v]];
    }
    return out;
  }

  /** Target second member for an observed output value: 1 on its subset, 0 elsewhere. */
  public double[] target(int value) {
    double[] t = new double[subsets.length];
    t[subsetOf[value]] = 1;
    return t;
  }

  /** Γ(λ, ρ) of one example: the row of E holds (λ_i, 1) if E ⊆ Q_i, else (1, ρ_i). */
  public MinMaxSystem.Gamma learningMatrix(double[] lr) {
    return stacked(new double[][] {lr});
  }

  /** The examples' matrices one above the other, computed on demand. */
  public MinMaxSystem.Gamma stacked(double[][] inputs) {
    for (double[] lr : inputs) {
      if (lr.length != 2 * rules) {
        throw new SpecError("premise degrees", 2 * rules + " values", "" + lr.length);
      }
    }
    int p = subsets.length;
    return new MinMaxSystem.Gamma() {
      @Override
      public int rows() {
        return inputs.length * p;
      }

      @Override
      public int cols() {
        return 2 * rules;
      }

      @Override
      public double at(int row, int j) {
        boolean in = inside[row % p][j >> 1];
        boolean lambdaColumn = (j & 1) == 0;
        return in == lambdaColumn ? inputs[row / p][j] : 1.0;
      }
    };
  }

  @Override
  public String toString() {
    return rules + " rules, " + domain + " values, partition " + Arrays.deepToString(subsets);
  }
}
