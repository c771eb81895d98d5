package org.gyrus.logic.datalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random small stratified programs as text: a few facts over a four-constant domain, rules with
 * recursion, constants, repeated variables, comparisons and negation on lower levels only.
 */
final class RandomPrograms {
  private static final String[] CONSTS = {"a", "b", "c", "d"};
  private static final String[] VARS = {"X", "Y", "Z"};
  // predicate name, arity, level (0 = input only)
  private static final String[] PREDS = {"e", "f", "p", "q", "r", "s", "t"};
  private static final int[] ARITY = {2, 1, 2, 1, 2, 1, 3};
  private static final int[] LEVEL = {0, 0, 1, 1, 2, 2, 2};

  private RandomPrograms() {}

  /** A program; {@code tagged} puts a probability on every fact, {@code negation} allows !atoms. */
  static String generate(long seed, boolean tagged, boolean negation) {
    return generate(seed, tagged, negation, false);
  }

  /** As above; {@code ruleTags} also puts a probability on some rules. */
  static String generate(long seed, boolean tagged, boolean negation, boolean ruleTags) {
    Random rng = new Random(seed);
    StringBuilder sb = new StringBuilder();
    Set<String> facts = new LinkedHashSet<>();
    int nFacts = tagged ? 2 + rng.nextInt(6) : 3 + rng.nextInt(12);
    for (int i = 0; i < nFacts; i++) {
      int p = rng.nextInt(2);
      facts.add(atom(rng, p, null));
    }
    if (rng.nextInt(4) == 0) {
      facts.add(atom(rng, 2 + rng.nextInt(5), null)); // a fact for a derived predicate
    }
    for (String f : facts) {
      if (tagged) {
        sb.append(String.format(java.util.Locale.ROOT, "%.2f::", 0.1 + 0.8 * rng.nextDouble()));
      }
      sb.append(f).append(".\n");
    }
    int nRules = 2 + rng.nextInt(5);
    for (int i = 0; i < nRules; i++) {
      if (ruleTags && rng.nextInt(3) == 0) {
        sb.append(String.format(java.util.Locale.ROOT, "%.2f::", 0.1 + 0.8 * rng.nextDouble()));
      }
      sb.append(rule(rng, negation)).append('\n');
    }
    return sb.toString();
  }

  private static String rule(Random rng, boolean negation) {
    int head = 2 + rng.nextInt(5);
    int nBody = 1 + rng.nextInt(rng.nextBoolean() ? 2 : 3);
    List<String> body = new ArrayList<>();
    Set<String> bound = new LinkedHashSet<>();
    for (int i = 0; i < nBody; i++) {
      int p;
      do {
        p = rng.nextInt(PREDS.length);
      } while (LEVEL[p] > LEVEL[head]);
      List<String> vars = new ArrayList<>();
      body.add(atom(rng, p, vars));
      bound.addAll(vars);
    }
    if (bound.isEmpty()) {
      body.add(PREDS[0] + "(X, Y)");
      bound.add("X");
      bound.add("Y");
    }
    List<String> bv = new ArrayList<>(bound);
    if (negation && rng.nextInt(3) == 0) {
      int p;
      do {
        p = rng.nextInt(PREDS.length);
      } while (LEVEL[p] >= LEVEL[head]);
      StringBuilder n = new StringBuilder("!").append(PREDS[p]).append('(');
      for (int c = 0; c < ARITY[p]; c++) {
        n.append(c == 0 ? "" : ", ")
            .append(rng.nextInt(4) == 0 ? CONSTS[rng.nextInt(4)] : bv.get(rng.nextInt(bv.size())));
      }
      body.add(n.append(')').toString());
    }
    if (rng.nextInt(4) == 0 && bv.size() >= 2) {
      body.add(bv.get(0) + (rng.nextBoolean() ? " != " : " < ") + bv.get(1));
    }
    StringBuilder h = new StringBuilder(PREDS[head]).append('(');
    for (int c = 0; c < ARITY[head]; c++) {
      h.append(c == 0 ? "" : ", ")
          .append(rng.nextInt(6) == 0 ? CONSTS[rng.nextInt(4)] : bv.get(rng.nextInt(bv.size())));
    }
    return h.append(") :- ").append(String.join(", ", body)).append('.').toString();
  }

  private static String atom(Random rng, int p, List<String> vars) {
    StringBuilder sb = new StringBuilder(PREDS[p]).append('(');
    for (int c = 0; c < ARITY[p]; c++) {
      String t;
      if (vars == null || rng.nextInt(8) == 0) {
        t = CONSTS[rng.nextInt(CONSTS.length)];
      } else {
        t = VARS[rng.nextInt(VARS.length)];
        vars.add(t);
      }
      sb.append(c == 0 ? "" : ", ").append(t);
    }
    return sb.append(')').toString();
  }
}
