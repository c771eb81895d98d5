package org.gyrus.logic.fol.english;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gyrus.logic.fol.Formula;
import org.gyrus.logic.fol.Term;

/**
 * The kind of thing a text talks about, read off its generic sentences. Texts often name their
 * domain in a generic sentence's noun ("An animal is either a rabbit or a squirrel", "If a cartoon
 * character is funny, then it is popular") and never say that their individuals are of that kind; a
 * reader takes the noun as the domain of discourse, not as one more condition that no individual is
 * known to meet. A noun is read so when every occurrence of its predicate is a condition of a
 * universal sentence (negative polarity, its variable bound universally), it is never said of a
 * named individual, no premise concludes it, the statement does not mention it, and every sentence
 * that uses it keeps a condition or a choice without it ({@link #licensed}): then ∀x noun(x) holds.
 * A noun that any sentence concludes ("All mammals are animals") or says of an individual stays a
 * condition.
 */
final class DomainSorts {
  private DomainSorts() {}

  /** ∀x noun(x) for each of {@code nouns} that the premises and statement use as the domain. */
  static List<Formula> axioms(Set<String> nouns, List<Formula> premises, Formula statement) {
    Set<String> used = new HashSet<>();
    Set<String> ruledOut = new HashSet<>();
    for (Formula p : premises) {
      Set<String> usedHere = new HashSet<>();
      visit(p, true, false, nouns, usedHere, ruledOut);
      Set<String> licensed = licensed(p, nouns);
      for (String n : usedHere) {
        (licensed.contains(n) ? used : ruledOut).add(n);
      }
    }
    if (statement != null) {
      visit(statement, true, true, nouns, new HashSet<>(), ruledOut); // any mention rules out
    }
    List<Formula> out = new ArrayList<>();
    Term.Var x = new Term.Var("x");
    for (String n : new TreeSet<>(used)) {
      if (!ruledOut.contains(n)) {
        out.add(new Formula.Quant(true, x, new Formula.Atom(n, List.of(x))));
      }
    }
    return out;
  }

  /**
   * The nouns that a premise ∀x (A → B) lets go as the domain: those among A's conditions when A
   * has a condition that is no candidate noun ("If a cartoon character is funny, …") or B is a
   * choice ("An animal is either a rabbit or a squirrel"). "All pets are cute" licenses nothing:
   * without its noun it would make everything cute.
   */
  private static Set<String> licensed(Formula premise, Set<String> nouns) {
    if (!(premise instanceof Formula.Quant q
        && q.universal()
        && q.body() instanceof Formula.Bin b
        && b.op() == Formula.Conn.IMPLIES)) {
      return Set.of();
    }
    List<Formula> conditions = new ArrayList<>();
    conjuncts(b.left(), conditions);
    boolean choice =
        b.right() instanceof Formula.Bin c
            && (c.op() == Formula.Conn.OR || c.op() == Formula.Conn.XOR);
    boolean otherCondition =
        conditions.stream()
            .anyMatch(f -> !(f instanceof Formula.Atom a && nouns.contains(a.pred())));
    Set<String> out = new HashSet<>();
    if (choice || otherCondition) {
      for (Formula f : conditions) {
        if (f instanceof Formula.Atom a && nouns.contains(a.pred())) {
          out.add(a.pred());
        }
      }
    }
    return out;
  }

  private static void conjuncts(Formula f, List<Formula> out) {
    if (f instanceof Formula.Bin b && b.op() == Formula.Conn.AND) {
      conjuncts(b.left(), out);
      conjuncts(b.right(), out);
    } else {
      out.add(f);
    }
  }

  /**
   * Marks each candidate's occurrences: {@code positive} is the polarity here, {@code bad} that
   * every occurrence below rules its noun out (an existential reading, a both-ways connective, the
   * statement).
   */
  private static void visit(
      Formula f,
      boolean positive,
      boolean bad,
      Set<String> nouns,
      Set<String> used,
      Set<String> ruledOut) {
    if (f instanceof Formula.Atom a) {
      // ProofWriter's reading writes "x is not a N" as not_N(x): the same noun, said the other way
      String pred = a.pred().startsWith("not_") ? a.pred().substring(4) : a.pred();
      boolean negated = !pred.equals(a.pred());
      if (nouns.contains(pred)) {
        boolean onVariables = a.args().stream().allMatch(t -> t instanceof Term.Var);
        if (bad || positive || negated || !onVariables) {
          ruledOut.add(pred);
        } else {
          used.add(pred);
        }
      }
    } else if (f instanceof Formula.Not n) {
      visit(n.body(), !positive, bad, nouns, used, ruledOut);
    } else if (f instanceof Formula.Bin b) {
      boolean bothWays = b.op() == Formula.Conn.IFF || b.op() == Formula.Conn.XOR;
      boolean leftPositive = b.op() == Formula.Conn.IMPLIES ? !positive : positive;
      visit(b.left(), leftPositive, bad || bothWays, nouns, used, ruledOut);
      visit(b.right(), positive, bad || bothWays, nouns, used, ruledOut);
    } else if (f instanceof Formula.Quant q) {
      // a universal in a negative place, or an existential in a positive one, asserts some thing
      visit(q.body(), positive, bad || q.universal() != positive, nouns, used, ruledOut);
    }
  }
}
