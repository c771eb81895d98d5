package org.gyrus.logic.fol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.gyrus.logic.fol.prover.ProverResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pelletier's "Seventy-five problems for testing automatic theorem provers" (1986), a subset. */
class PelletierTest {
  static Stream<Arguments> theorems() {
    return Stream.of(
        Arguments.of("p1", "fof(c, conjecture, (p => q) <=> (~q => ~p))."),
        Arguments.of("p2", "fof(c, conjecture, ~ ~p <=> p)."),
        Arguments.of("p3", "fof(c, conjecture, ~(p => q) => (q => p))."),
        Arguments.of("p4", "fof(c, conjecture, (~p => q) <=> (~q => p))."),
        Arguments.of("p5", "fof(c, conjecture, ((p | q) => (p | r)) => (p | (q => r)))."),
        Arguments.of("p6", "fof(c, conjecture, p | ~p)."),
        Arguments.of("p7", "fof(c, conjecture, p | ~ ~ ~p)."),
        Arguments.of("p8", "fof(c, conjecture, ((p => q) => p) => p)."),
        Arguments.of("p9", "fof(c, conjecture, ((p | q) & (~p | q) & (p | ~q)) => ~(~p | ~q))."),
        Arguments.of(
            "p10",
            "fof(a1, axiom, q => r). fof(a2, axiom, r => (p & q)). "
                + "fof(a3, axiom, p => (q | r)). fof(c, conjecture, p <=> q)."),
        Arguments.of("p11", "fof(c, conjecture, p <=> p)."),
        Arguments.of("p12", "fof(c, conjecture, ((p <=> q) <=> r) <=> (p <=> (q <=> r)))."),
        Arguments.of("p13", "fof(c, conjecture, (p | (q & r)) <=> ((p | q) & (p | r)))."),
        Arguments.of("p14", "fof(c, conjecture, (p <=> q) <=> ((q | ~p) & (~q | p)))."),
        Arguments.of("p15", "fof(c, conjecture, (p => q) <=> (~p | q))."),
        Arguments.of("p16", "fof(c, conjecture, (p => q) | (q => p))."),
        Arguments.of(
            "p17",
            "fof(c, conjecture, ((p & (q => r)) => s) <=> " + "((~p | q | s) & (~p | ~r | s)))."),
        Arguments.of("p18", "fof(c, conjecture, ? [Y] : ! [X] : (f(Y) => f(X)))."),
        Arguments.of(
            "p19", "fof(c, conjecture, ? [X] : ! [Y, Z] : ((p(Y) => q(Z)) => (p(X) => q(X))))."),
        Arguments.of(
            "p20",
            "fof(c, conjecture, (! [X, Y] : ? [Z] : ! [W] : ((p(X) & q(Y)) => "
                + "(r(Z) & s(W)))) => ((? [X, Y] : (p(X) & q(Y))) => ? [Z] : r(Z)))."),
        Arguments.of(
            "p21",
            "fof(a1, axiom, ? [X] : (p => f(X))). fof(a2, axiom, ? [X] : (f(X) => p)). "
                + "fof(c, conjecture, ? [X] : (p <=> f(X)))."),
        Arguments.of("p22", "fof(c, conjecture, (! [X] : (p <=> f(X))) => (p <=> ! [X] : f(X)))."),
        Arguments.of("p23", "fof(c, conjecture, (! [X] : (p | f(X))) <=> (p | ! [X] : f(X)))."),
        Arguments.of(
            "p24",
            "fof(a1, axiom, ~ ? [X] : (s(X) & q(X))). "
                + "fof(a2, axiom, ! [X] : (p(X) => (q(X) | r(X)))). "
                + "fof(a3, axiom, (~ ? [X] : p(X)) => ? [Y] : q(Y)). "
                + "fof(a4, axiom, ! [X] : ((q(X) | r(X)) => s(X))). "
                + "fof(c, conjecture, ? [X] : (p(X) & r(X)))."),
        Arguments.of(
            "p25",
            "fof(a1, axiom, ? [X] : p(X)). "
                + "fof(a2, axiom, ! [X] : (f(X) => (~g(X) & r(X)))). "
                + "fof(a3, axiom, ! [X] : (p(X) => (g(X) & f(X)))). "
                + "fof(a4, axiom, (! [X] : (p(X) => q(X))) | (? [X] : (p(X) & r(X)))). "
                + "fof(c, conjecture, ? [X] : (q(X) & p(X)))."),
        Arguments.of(
            "p26",
            "fof(a1, axiom, (? [X] : p(X)) <=> (? [X] : q(X))). "
                + "fof(a2, axiom, ! [X, Y] : ((p(X) & q(Y)) => (r(X) <=> s(Y)))). "
                + "fof(c, conjecture, (! [X] : (p(X) => r(X))) <=> (! [X] : (q(X) => s(X))))."),
        Arguments.of(
            "p27",
            "fof(a1, axiom, ? [X] : (f(X) & ~g(X))). "
                + "fof(a2, axiom, ! [X] : (f(X) => h(X))). "
                + "fof(a3, axiom, ! [X] : ((j(X) & i(X)) => f(X))). "
                + "fof(a4, axiom, (? [X] : (h(X) & ~g(X))) => ! [X] : (i(X) => ~h(X))). "
                + "fof(c, conjecture, ! [X] : (j(X) => ~i(X)))."),
        Arguments.of(
            "p28",
            "fof(a1, axiom, ! [X] : (p(X) => ! [X] : q(X))). "
                + "fof(a2, axiom, (! [X] : (q(X) | r(X))) => ? [X] : (q(X) & s(X))). "
                + "fof(a3, axiom, (? [X] : s(X)) => ! [X] : (f(X) => g(X))). "
                + "fof(c, conjecture, ! [X] : ((p(X) & f(X)) => g(X)))."),
        Arguments.of(
            "p29",
            "fof(a1, axiom, ? [X] : f(X)). fof(a2, axiom, ? [X] : g(X)). "
                + "fof(c, conjecture, ((! [X] : (f(X) => h(X))) & (! [X] : (g(X) => j(X)))) <=> "
                + "(! [X, Y] : ((f(X) & g(Y)) => (h(X) & j(Y)))))."),
        Arguments.of(
            "p30",
            "fof(a1, axiom, ! [X] : ((f(X) | g(X)) => ~h(X))). "
                + "fof(a2, axiom, ! [X] : ((g(X) => ~i(X)) => (f(X) & h(X)))). "
                + "fof(c, conjecture, ! [X] : i(X))."),
        Arguments.of(
            "p31",
            "fof(a1, axiom, ~ ? [X] : (f(X) & (g(X) | h(X)))). "
                + "fof(a2, axiom, ? [X] : (i(X) & f(X))). fof(a3, axiom, ! [X] : (~h(X) => j(X))). "
                + "fof(c, conjecture, ? [X] : (i(X) & j(X)))."),
        Arguments.of(
            "p32",
            "fof(a1, axiom, ! [X] : ((f(X) & (g(X) | h(X))) => i(X))). "
                + "fof(a2, axiom, ! [X] : ((i(X) & h(X)) => j(X))). "
                + "fof(a3, axiom, ! [X] : (k(X) => h(X))). "
                + "fof(c, conjecture, ! [X] : ((f(X) & k(X)) => j(X)))."),
        Arguments.of(
            "p33",
            "fof(c, conjecture, (! [X] : ((p(a) & (p(X) => p(b))) => p(c))) <=> "
                + "(! [X] : ((~p(a) | p(X) | p(c)) & (~p(a) | ~p(b) | p(c)))))."),
        Arguments.of(
            "p34",
            "fof(c, conjecture, ((? [X] : ! [Y] : (p(X) <=> p(Y))) <=> "
                + "((? [X] : q(X)) <=> (! [Y] : q(Y)))) <=> ((? [X] : ! [Y] : (q(X) <=> q(Y))) <=> "
                + "((? [X] : p(X)) <=> (! [Y] : p(Y)))))."),
        Arguments.of("p35", "fof(c, conjecture, ? [X, Y] : (p(X, Y) => ! [X, Y] : p(X, Y)))."),
        Arguments.of(
            "p36",
            "fof(a1, axiom, ! [X] : ? [Y] : f(X, Y)). "
                + "fof(a2, axiom, ! [X] : ? [Y] : g(X, Y)). "
                + "fof(a3, axiom, ! [X, Y] : ((f(X, Y) | g(X, Y)) => ! [Z] : ((f(Y, Z) | g(Y, Z)) => "
                + "h(X, Z)))). fof(c, conjecture, ! [X] : ? [Y] : h(X, Y))."),
        Arguments.of(
            "p37",
            "fof(a1, axiom, ! [Z] : ? [W] : ! [X] : ? [Y] : ((p(X, Z) => p(Y, W)) & "
                + "p(Y, Z) & (p(Y, W) => ? [U] : q(U, W)))). "
                + "fof(a2, axiom, ! [X, Z] : (~p(X, Z) => ? [Y] : q(Y, Z))). "
                + "fof(a3, axiom, (? [X, Y] : q(X, Y)) => ! [X] : r(X, X)). "
                + "fof(c, conjecture, ! [X] : ? [Y] : r(X, Y))."),
        Arguments.of("p39", "fof(c, conjecture, ~ ? [X] : ! [Y] : (f(Y, X) <=> ~f(Y, Y)))."),
        Arguments.of(
            "p40",
            "fof(c, conjecture, (? [Y] : ! [X] : (f(X, Y) <=> f(X, X))) => "
                + "~ ! [X] : ? [Y] : ! [Z] : (f(Z, Y) <=> ~f(Z, X)))."),
        Arguments.of(
            "p41",
            "fof(a1, axiom, ! [Z] : ? [Y] : ! [X] : (f(X, Y) <=> (f(X, Z) & ~f(X, X)))). "
                + "fof(c, conjecture, ~ ? [Z] : ! [X] : f(X, Z))."),
        Arguments.of(
            "p42",
            "fof(c, conjecture, ~ ? [Y] : ! [X] : (f(X, Y) <=> "
                + "~ ? [Z] : (f(X, Z) & f(Z, X))))."),
        Arguments.of(
            "p43",
            "fof(a1, axiom, ! [X, Y] : (q(X, Y) <=> ! [Z] : (f(Z, X) <=> f(Z, Y)))). "
                + "fof(c, conjecture, ! [X, Y] : (q(X, Y) <=> q(Y, X)))."),
        Arguments.of(
            "p44",
            "fof(a1, axiom, ! [X] : (f(X) => ((? [Y] : (g(Y) & h(X, Y))) & "
                + "(? [Y] : (g(Y) & ~h(X, Y)))))). "
                + "fof(a2, axiom, ? [X] : (j(X) & ! [Y] : (g(Y) => h(X, Y)))). "
                + "fof(c, conjecture, ? [X] : (j(X) & ~f(X)))."),
        Arguments.of(
            "p45",
            "fof(a1, axiom, ! [X] : ((f(X) & ! [Y] : ((g(Y) & h(X, Y)) => j(X, Y))) => "
                + "! [Y] : ((g(Y) & h(X, Y)) => k(Y)))). "
                + "fof(a2, axiom, ~ ? [Y] : (l(Y) & k(Y))). "
                + "fof(a3, axiom, ? [X] : (f(X) & (! [Y] : (h(X, Y) => l(Y))) & "
                + "(! [Y] : ((g(Y) & h(X, Y)) => j(X, Y))))). "
                + "fof(c, conjecture, ? [X] : (f(X) & ~ ? [Y] : (g(Y) & h(X, Y))))."),
        Arguments.of(
            "p46",
            "fof(a1, axiom, ! [X] : ((f(X) & ! [Y] : ((f(Y) & h(Y, X)) => g(Y))) => g(X))). "
                + "fof(a2, axiom, (? [X] : (f(X) & ~g(X))) => ? [X] : (f(X) & ~g(X) & "
                + "! [Y] : ((f(Y) & ~g(Y)) => j(X, Y)))). "
                + "fof(a3, axiom, ! [X, Y] : ((f(X) & f(Y) & h(X, Y)) => ~j(Y, X))). "
                + "fof(c, conjecture, ! [X] : (f(X) => g(X)))."),
        // equality
        Arguments.of(
            "p48",
            "fof(a1, axiom, a = b | c = d). fof(a2, axiom, a = c | b = d). "
                + "fof(c, conjecture, a = d | b = c)."),
        Arguments.of(
            "p49",
            "fof(a1, axiom, ? [X, Y] : ! [Z] : (Z = X | Z = Y)). "
                + "fof(a2, axiom, p(a) & p(b)). fof(a3, axiom, a != b). "
                + "fof(c, conjecture, ! [X] : p(X))."),
        Arguments.of(
            "p50",
            "fof(c, conjecture, (! [X] : (f(a, X) | ! [Y] : f(X, Y))) => "
                + "? [X] : ! [Y] : f(X, Y))."),
        Arguments.of(
            "p51",
            "fof(a1, axiom, ? [Z, W] : ! [X, Y] : (f(X, Y) <=> (X = Z & Y = W))). "
                + "fof(c, conjecture, ? [Z] : ! [X] : ((? [W] : ! [Y] : (f(X, Y) <=> Y = W)) <=> X = Z))."),
        Arguments.of(
            "p52",
            "fof(a1, axiom, ? [Z, W] : ! [X, Y] : (f(X, Y) <=> (X = Z & Y = W))). "
                + "fof(c, conjecture, ? [W] : ! [Y] : ((? [Z] : ! [X] : (f(X, Y) <=> X = Z)) <=> Y = W))."),
        Arguments.of(
            "eq_chain",
            "fof(a1, axiom, a = b). fof(a2, axiom, b = c). fof(a3, axiom, p(a)). "
                + "fof(c, conjecture, p(c))."),
        Arguments.of(
            "eq_congruence", "fof(a1, axiom, f(a) = a). fof(c, conjecture, f(f(f(a))) = a)."),
        Arguments.of("group_right_identity", GROUP + "fof(c, conjecture, ! [X] : mult(X, e) = X)."),
        Arguments.of(
            "group_right_inverse", GROUP + "fof(c, conjecture, ! [X] : mult(X, inv(X)) = e)."),
        Arguments.of(
            "group_x2_commutative",
            GROUP
                + "fof(x2, axiom, ! [X] : mult(X, X) = e). "
                + "fof(c, conjecture, ! [X, Y] : mult(X, Y) = mult(Y, X))."));
  }

  static final String GROUP =
      "fof(left_identity, axiom, ! [X] : mult(e, X) = X). "
          + "fof(left_inverse, axiom, ! [X] : mult(inv(X), X) = e). "
          + "fof(assoc, axiom, ! [X, Y, Z] : mult(mult(X, Y), Z) = mult(X, mult(Y, Z))). ";

  @ParameterizedTest(name = "{0}")
  @MethodSource("theorems")
  void provesTheTheoremWithACheckedProof(String name, String tptp) {
    ProverHarness.Outcome o = ProverHarness.refute(tptp, 10);
    assertThat(o.result().status()).as(name).isEqualTo(ProverResult.Status.PROOF);
    assertThat(o.checkErrors()).as(name).isEmpty();
  }

  static Stream<Arguments> nonTheorems() {
    return Stream.of(
        Arguments.of("distinct_constants", "fof(a, axiom, p(a)). fof(c, conjecture, p(b))."),
        Arguments.of(
            "converse",
            "fof(a, axiom, ! [X] : (p(X) => q(X))). fof(b, axiom, q(a)). "
                + "fof(c, conjecture, p(a))."),
        Arguments.of(
            "exists_not_forall",
            "fof(a, axiom, ? [X] : p(X)). " + "fof(c, conjecture, ! [X] : p(X))."),
        Arguments.of("eq_not_injective", "fof(a, axiom, f(a) = f(b)). fof(c, conjecture, a = b)."),
        Arguments.of(
            "group_not_commutative",
            GROUP + "fof(c, conjecture, ! [X, Y] : mult(X, Y) = mult(Y, X))."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonTheorems")
  void neverProvesANonTheorem(String name, String tptp) {
    ProverHarness.Outcome o = ProverHarness.refute(tptp, 2);
    assertThat(o.result().status()).as(name).isNotEqualTo(ProverResult.Status.PROOF);
  }
}
