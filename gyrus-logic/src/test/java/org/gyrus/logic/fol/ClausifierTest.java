package org.gyrus.logic.fol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gyrus.logic.fol.cnf.Clausifier;
import org.gyrus.logic.fol.cnf.Literal;
import org.junit.jupiter.api.Test;

class ClausifierTest {
  @Test
  void clausesAreSatisfiableInExactlyTheDomainSizesTheFormulaIs() {
    int checked = 0;
    int unsat = 0;
    for (long seed = 0; seed < 300; seed++) {
      Formula f = new RandomFormulas(seed, seed % 2 == 0).next(4);
      // a low distribution limit forces definitions as often as plain distribution
      List<List<Literal>> cs = new Clausifier(seed % 3 == 0 ? 1 : 16).clausify(f);
      for (int n = 1; n <= 2; n++) {
        boolean formula = FiniteModels.satisfiable(List.of(f), n);
        boolean clauses = FiniteModels.satisfiableClauses(cs, n);
        assertThat(clauses)
            .as("seed %d, n=%d: %s -> %s", seed, n, FolioPrinter.print(f), cs)
            .isEqualTo(formula);
        checked++;
        unsat += formula ? 0 : 1;
      }
    }
    assertThat(checked).isEqualTo(600);
    assertThat(unsat).as("the generator produces unsatisfiable cases too").isGreaterThan(10);
  }

  @Test
  void definitionsKeepTheClauseCountLinear() {
    // (a1 ∧ b1) ∨ (a2 ∧ b2) ∨ ... ∨ (a12 ∧ b12) distributes into 2^12 clauses
    Formula f = null;
    for (int i = 0; i < 12; i++) {
      Formula conj =
          Formula.and(new Formula.Atom("a" + i, List.of()), new Formula.Atom("b" + i, List.of()));
      f = f == null ? conj : Formula.or(f, conj);
    }
    List<List<Literal>> cs = new Clausifier().clausify(f);
    assertThat(cs.size()).isLessThan(100);
    assertThat(FiniteModels.satisfiableClauses(cs, 1)).isTrue();
  }

  @Test
  void skolemFunctionsTakeOnlyTheUniversalsInScope() {
    Formula f = FolioParser.parse("∀x ∀y ∃z R(x, z)");
    List<List<Literal>> cs = new Clausifier().clausify(f);
    assertThat(cs).hasSize(1);
    Term.Fn sk = (Term.Fn) cs.get(0).get(0).atom().args().get(1);
    assertThat(sk.args()).hasSize(1);
  }
}
