package org.gyrus.logic.ilp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gyrus.core.SpecError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prolog subset reader and the Popper task reader: what they accept and how they fail. */
class PopperReaderTest {
  @TempDir Path dir;

  @Test
  void readsTuplesListsDisjunctionAndComments() {
    List<PrologReader.Clause> cs =
        PrologReader.read(
            "% comment\ntype(has_car,(train,car)).\ndirection(eastbound,(in,)).\n"
                + "/* block\n comment */ p([H|T]) :- (q(H); r(T)), H \\= T, \\+ s(H).\n",
            "x.pl");
    assertThat(cs).hasSize(3);
    assertThat(cs.get(0).head().toString()).isEqualTo("type(has_car,,(train,car))");
    assertThat(cs.get(1).head().toString()).isEqualTo("direction(eastbound,,(in))");
    assertThat(cs.get(2).where()).isEqualTo("x.pl:5");
    assertThat(PrologToDatalog.translate(cs.get(2)))
        .extracting(Object::toString)
        .containsExactly(
            "p(L_0) :- cons(L_0, H, T), q(H), H != T, !s(H).",
            "p(L_1) :- cons(L_1, H, T), r(T), H != T, !s(H).");
  }

  private void files(String bias, String bk, String exs) throws Exception {
    Files.writeString(dir.resolve("bias.pl"), bias);
    Files.writeString(dir.resolve("bk.pl"), bk);
    Files.writeString(dir.resolve("exs.pl"), exs);
  }

  private static final String BIAS = "head_pred(f,1).\nbody_pred(g,1).\n";

  @Test
  void malformedInputNamesFileAndLine() throws Exception {
    files(BIAS, "g(a).\ng(b\n", "pos(f(a)).\n");
    assertThatThrownBy(() -> Task.readPopper(dir))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("bk.pl:3")
        .hasMessageContaining("expected ')'");
    files(BIAS, "g(a).\ng(X).\n", "pos(f(a)).\n");
    assertThatThrownBy(() -> Task.readPopper(dir))
        .hasMessageContaining("bk.pl:2")
        .hasMessageContaining("a ground fact");
    files(BIAS, "g(a).\n", "pos(f(a)).\npos(h(a)).\n");
    assertThatThrownBy(() -> Task.readPopper(dir))
        .hasMessageContaining("exs.pl:2")
        .hasMessageContaining("an example of f/1");
    files(BIAS + "max_body(x).\n", "g(a).\n", "pos(f(a)).\n");
    assertThatThrownBy(() -> Task.readPopper(dir))
        .hasMessageContaining("bias.pl:3")
        .hasMessageContaining("a small non-negative integer");
    files(BIAS + "type(g,(t,u)).\n", "g(a).\n", "pos(f(a)).\n");
    assertThatThrownBy(() -> Task.readPopper(dir))
        .hasMessageContaining("bias.pl:2")
        .hasMessageContaining("type and direction of g with 1 arguments");
    files(BIAS, "g(a).\n", "neg(f(a)).\n");
    assertThatThrownBy(() -> Task.readPopper(dir)).hasMessageContaining("at least one pos");
    files("body_pred(g,1).\n", "g(a).\n", "pos(f(a)).\n");
    assertThatThrownBy(() -> Task.readPopper(dir)).hasMessageContaining("head_pred");
    Files.delete(dir.resolve("exs.pl"));
    assertThatThrownBy(() -> Task.readPopper(dir)).hasMessageContaining("exs.pl");
  }

  @Test
  void backgroundRulesAreMaterialised() throws Exception {
    files(
        "head_pred(f,1).\nbody_pred(grand,2).\nbody_pred(g,1).\ndirection(grand,(in,out)).\n",
        "p(a,b).\np(b,c).\np(x,y).\ng(c).\ngrand(X,Z) :- p(X,Y), p(Y,Z).\n",
        "pos(f(a)).\nneg(f(x)).\nneg(f(b)).\n");
    Learner.Result r = Learner.learn(Task.readPopper(dir), Learner.Options.defaults());
    assertThat(r.programText().strip()).isEqualTo("f(A):- grand(A,B), g(B).");
  }
}
