package org.gyrus.logic.fol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.gyrus.core.SpecError;
import org.junit.jupiter.api.Test;

class ParserTest {
  @Test
  void folioPrecedenceAndScope() {
    Formula f = FolioParser.parse("¬(Turtle(rock) ∧ Squirrel(rock)) → Cute(rock) ⊕ Skittish(rock)");
    assertThat(f).isInstanceOf(Formula.Bin.class);
    Formula.Bin b = (Formula.Bin) f;
    assertThat(b.op()).isEqualTo(Formula.Conn.IMPLIES);
    assertThat(((Formula.Bin) b.right()).op()).isEqualTo(Formula.Conn.XOR);
    // ∧ binds tighter than ∨
    Formula g = FolioParser.parse("A(x1) ∨ B(x1) ∧ C(x1)");
    assertThat(((Formula.Bin) g).op()).isEqualTo(Formula.Conn.OR);
    // bound names are variables, others constants
    Formula q = FolioParser.parse("∀x (Likes(x, y) → ∃y Knows(x, y))");
    Formula.Bin body = (Formula.Bin) ((Formula.Quant) q).body();
    Formula.Atom likes = (Formula.Atom) body.left();
    assertThat(likes.args().get(0)).isInstanceOf(Term.Var.class);
    assertThat(likes.args().get(1)).isInstanceOf(Term.Fn.class);
    assertThat(q.freeVars()).isEmpty();
  }

  @Test
  void folioNamesWithApostrophesAndDots() {
    Formula f = FolioParser.parse("Companies’Stocks(kO) ∧ ValuedAt(yale, y42.3billion) ∧ a = b");
    assertThat(FolioPrinter.print(f)).contains("Companies’Stocks(kO)").contains("y42.3billion");
  }

  @Test
  void folioErrorsNamePositionAndExpectation() {
    assertThatThrownBy(() -> FolioParser.parse("∀x (P(x) → )"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining(":1:12")
        .hasMessageContaining("expected a predicate, '(', '¬' or a quantifier");
    assertThatThrownBy(() -> FolioParser.parse("P(x"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("expected ',' or ')'");
    assertThatThrownBy(() -> FolioParser.parse("P(a) Q(b)"))
        .hasMessageContaining("expected a connective or end of input");
  }

  @Test
  void tolerantParsingRepairsParenthesesAndSaysSo() {
    ParsedFormula p =
        FolioParser.parse("(Spill(peter) ∧ OnlyChild(peter)) ∨ ¬Spill(peter))", "s", true);
    assertThat(p.repairs()).singleElement().asString().contains("dropped unmatched ')'");
    assertThat(p.formula())
        .isEqualTo(FolioParser.parse("(Spill(peter) ∧ OnlyChild(peter)) ∨ ¬Spill(peter)"));
    ParsedFormula q = FolioParser.parse("∀x (P(x) → (Q(x) ∧ R(x))", "s", true);
    assertThat(q.repairs()).singleElement().asString().contains("appended 1 missing ')'");
    ParsedFormula c = FolioParser.parse("∀x (P(x), Q(x) → R(x))", "s", true);
    assertThat(c.repairs()).singleElement().asString().contains("',' between formulas as '∧'");
    assertThatThrownBy(() -> FolioParser.parse("∀x (P(x), Q(x) → R(x))", "s", false))
        .isInstanceOf(SpecError.class);
  }

  @Test
  void randomFormulasRoundTripThroughBothPrinters() {
    qt().withExamples(500)
        .forAll(longs().all(), integers().between(0, 6))
        .checkAssert(
            (seed, depth) -> {
              Formula f = new RandomFormulas(seed, true).next(depth);
              String folio = FolioPrinter.print(f);
              assertThat(FolioParser.parse(folio)).as(folio).isEqualTo(f);
              String tptp = TptpPrinter.print(rename(f));
              assertThat(TptpParser.parseFormula(tptp)).as(tptp).isEqualTo(rename(f));
              assertThat(TptpPrinter.print(TptpParser.parseFormula(tptp))).isEqualTo(tptp);
            });
  }

  /** TPTP spells variables in upper case: v0 → V0 keeps the comparison exact. */
  private static Formula rename(Formula f) {
    if (f instanceof Formula.Quant q) {
      Term.Var nv = new Term.Var(TptpPrinter.variable(q.var().name()));
      return new Formula.Quant(
          q.universal(), nv, rename(Formulas.substitute(q.body(), java.util.Map.of(q.var(), nv))));
    }
    if (f instanceof Formula.Not n) {
      return new Formula.Not(rename(n.body()));
    }
    if (f instanceof Formula.Bin b) {
      return new Formula.Bin(b.op(), rename(b.left()), rename(b.right()));
    }
    return f;
  }

  @Test
  void tptpProblemsAndErrors() {
    FolProblem p =
        TptpParser.parseProblem(
            """
        % a comment
        fof(a1, axiom, ! [X] : (man(X) => mortal(X))).
        /* block */ fof(a2, axiom, man(socrates)).
        cnf(a3, axiom, ~mortal(Y) | alive(Y) | Y != 'Zeus').
        fof(goal, conjecture, mortal(socrates)).
        """,
            "t.p");
    assertThat(p.premises()).hasSize(3);
    assertThat(p.premises().get(2).freeVars()).isEmpty();
    assertThat(p.conclusion())
        .isEqualTo(new Formula.Atom("mortal", List.of(Term.Fn.constant("socrates"))));
    assertThatThrownBy(() -> TptpParser.parseProblem("fof(a, axiom, p(X)\n  & ).", "t.p"))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("t.p:2:5")
        .hasMessageContaining("expected a term");
    assertThatThrownBy(() -> TptpParser.parseProblem("include('Axioms/SET001.ax').", "t.p"))
        .hasMessageContaining("include is not supported");
    assertThatThrownBy(
            () -> TptpParser.parseProblem("fof(a, conjecture, p). fof(b, conjecture, q).", "t.p"))
        .hasMessageContaining("at most one conjecture");
  }

  @Test
  void folioFormulasExportToTptpThatReadsBack() {
    Formula f =
        FolioParser.parse("∀x (Companies’Stocks(x) ∧ Talent(x, bonnie) → ¬(x = y42.3billion))");
    String tptp = TptpPrinter.print(f);
    assertThat(tptp).contains("'Companies").contains("'y42.3billion'").contains("! [X]");
    Formula back = TptpParser.parseFormula(tptp);
    assertThat(back.freeVars()).isEmpty();
  }
}
