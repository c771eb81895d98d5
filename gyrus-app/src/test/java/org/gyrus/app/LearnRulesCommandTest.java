package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnRulesCommandTest {
  @TempDir Path dir;

  private void task(String bias) throws Exception {
    Files.writeString(dir.resolve("bias.pl"), bias);
    Files.writeString(
        dir.resolve("bk.pl"), "edge(a,b).\nedge(b,c).\nedge(c,d).\nred(b).\nred(d).\n");
    Files.writeString(
        dir.resolve("exs.pl"),
        "pos(f(a)).\npos(c).\n".replace("pos(c)", "pos(f(c))") + "neg(f(b)).\nneg(f(d)).\n");
  }

  @Test
  void printsTheLearnedProgramAndItsTrainingAccuracy() throws Exception {
    task(
        "head_pred(f,1).\nbody_pred(edge,2).\nbody_pred(red,1).\n"
            + "direction(edge,(in,out)).\nmax_vars(2).\nmax_body(2).\n");
    CliTest.Result r = CliTest.run("learn-rules", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("f(A):- edge(A,B), red(B).")
        .contains("training accuracy 1.0000 (tp 2, fn 0, fp 0, tn 2)");
  }

  @Test
  void theLearnerIsARegisteredComponent() throws Exception {
    task("head_pred(f,1).\nbody_pred(edge,2).\nmax_vars(2).\nmax_body(1).\n");
    assertThat(CliTest.run("types").out()).contains("lff");
    CliTest.Result r = CliTest.run("learn-rules", "--learner", "nope", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--learner").contains("lff");
    CliTest.Result none = CliTest.run("learn-rules", dir.toString());
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.out()).contains("no solution within the bias");
  }

  @Test
  void badBiasExitsTwoNamingFileAndLine() throws Exception {
    task("head_pred(f,1).\nbody_pred(edge,2).\ndirection(edge,(in,sideways)).\n");
    CliTest.Result r = CliTest.run("learn-rules", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bias.pl:3").contains("in or out").contains("sideways");
  }
}
