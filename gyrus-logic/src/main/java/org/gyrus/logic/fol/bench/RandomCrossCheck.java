package org.gyrus.logic.fol.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gyrus.logic.fol.FolProblem;
import org.gyrus.logic.fol.Formula;
import org.gyrus.logic.fol.Linc;
import org.gyrus.logic.fol.Term;
import org.gyrus.logic.fol.TptpPrinter;
import org.gyrus.logic.fol.prover.ProofChecker;
import org.gyrus.logic.fol.prover.Prover;

/**
 * Random first-order problems with equality and functions (f/1, g/2, p/1, r/2, constants a, b, c),
 * for cross-checking the prover against an external one: each problem is written as TPTP and
 * decided here; the conclusion run's status (PROOF / SATURATED / LIMIT) is what E's SZS status
 * (Theorem / CounterSatisfiable / ResourceOut) should match.
 *
 * <p>Usage: {@code RandomCrossCheck COUNT DIR SECONDS} (writes DIR/xN.p and DIR/gyrus.tsv)
 */
public final class RandomCrossCheck {
  private final Random rnd;
  private int vars;

  private RandomCrossCheck(long seed) {
    this.rnd = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    int count = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    double seconds = Double.parseDouble(args[2]);
    Files.createDirectories(dir);
    StringBuilder out = new StringBuilder("index\tanswer\tinconsistent\tstatus\tmillis\n");
    for (int i = 0; i < count; i++) {
      RandomCrossCheck gen = new RandomCrossCheck(i * 7919L + 13);
      List<Formula> premises = new ArrayList<>();
      int n = 2 + gen.rnd.nextInt(4);
      for (int j = 0; j < n; j++) {
        premises.add(gen.formula(3, new ArrayList<>()));
      }
      Formula conclusion = gen.formula(3, new ArrayList<>());
      FolProblem p = new FolProblem("x" + i, premises, conclusion, List.of(), null);
      Files.writeString(dir.resolve("x" + i + ".p"), TptpPrinter.problem(p));
      long t0 = System.nanoTime();
      Linc.Result r = Linc.decide(premises, conclusion, Prover.Limits.seconds(seconds));
      String status = r.provingConclusion().status().name();
      if (r.proof() != null && !ProofChecker.check(r.proof(), r.inputClauses()).isEmpty()) {
        status = "CHECK_FAILED";
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%d\t%s\t%s\t%s\t%.3f%n",
              i,
              r.answer().text,
              r.inconsistentPremises(),
              status,
              (System.nanoTime() - t0) / 1e6));
    }
    Files.writeString(dir.resolve("gyrus.tsv"), out);
  }

  private Term term(List<Term.Var> scope, int depth) {
    int k = rnd.nextInt(6);
    if (depth > 0 && k == 0) {
      return new Term.Fn("f", List.of(term(scope, depth - 1)));
    }
    if (depth > 0 && k == 1) {
      return new Term.Fn("g", List.of(term(scope, depth - 1), term(scope, depth - 1)));
    }
    if (!scope.isEmpty() && k < 5) {
      return scope.get(rnd.nextInt(scope.size()));
    }
    return Term.Fn.constant(new String[] {"a", "b", "c"}[rnd.nextInt(3)]);
  }

  private Formula atom(List<Term.Var> scope) {
    int k = rnd.nextInt(4);
    if (k == 0) {
      return new Formula.Atom("p", List.of(term(scope, 2)));
    }
    if (k == 1) {
      return new Formula.Atom("r", List.of(term(scope, 1), term(scope, 1)));
    }
    return new Formula.Equal(term(scope, 2), term(scope, 2));
  }

  private Formula formula(int depth, List<Term.Var> scope) {
    int k = depth <= 0 ? 0 : rnd.nextInt(10);
    if (k <= 2) {
      return atom(scope);
    }
    if (k == 3) {
      return new Formula.Not(formula(depth - 1, scope));
    }
    if (k <= 5 && scope.size() < 3) {
      Term.Var v = new Term.Var("V" + (vars++));
      List<Term.Var> inner = new ArrayList<>(scope);
      inner.add(v);
      return new Formula.Quant(rnd.nextInt(3) > 0, v, formula(depth - 1, inner));
    }
    Formula.Conn[] ops = {
      Formula.Conn.AND,
      Formula.Conn.OR,
      Formula.Conn.IMPLIES,
      Formula.Conn.AND,
      Formula.Conn.OR,
      Formula.Conn.IFF
    };
    return new Formula.Bin(
        ops[rnd.nextInt(ops.length)], formula(depth - 1, scope), formula(depth - 1, scope));
  }
}
