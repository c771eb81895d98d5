package org.gyrus.nesy.symreg;

import java.util.HashMap;
import java.util.Map;

/** Scores programs on the training data (constants fitted by LM), caching repeats. */
final class Scorer {
  /** A scored program: fitted constants, NMSE (= 1 - R²) and the penalised search fitness. */
  record Candidate(int[] program, double[] consts, double nmse, double fitness) {
    double reward() {
      return Double.isFinite(nmse) ? 1 / (1 + Math.sqrt(nmse)) : 0;
    }
  }

  private final Library lib;
  private final ConstantFitter fitter;
  private final double complexityPenalty;
  private final Map<String, Candidate> cache = new HashMap<>();
  private long evaluations;

  Scorer(Library lib, Evaluator eval, double complexityPenalty) {
    this.lib = lib;
    this.fitter = new ConstantFitter(eval, 40);
    this.complexityPenalty = complexityPenalty;
  }

  long evaluations() {
    return evaluations;
  }

  Candidate score(int[] p) {
    String key = key(p);
    Candidate c = cache.get(key);
    if (c != null) {
      return c;
    }
    evaluations++;
    double[] start = new double[lib.countConsts(p)];
    java.util.Arrays.fill(start, 1.0);
    ConstantFitter.Fit fit = fitter.fit(p, start);
    double nmse = Double.isFinite(fit.nmse()) ? fit.nmse() : Double.POSITIVE_INFINITY;
    double reward = Double.isFinite(nmse) ? 1 / (1 + Math.sqrt(nmse)) : 0;
    c = new Candidate(p, fit.consts(), nmse, reward - complexityPenalty * p.length);
    if (cache.size() > 2_000_000) {
      cache.clear();
    }
    cache.put(key, c);
    return c;
  }

  private static String key(int[] p) {
    char[] c = new char[p.length];
    for (int i = 0; i < p.length; i++) {
      c[i] = (char) p[i];
    }
    return new String(c);
  }
}
