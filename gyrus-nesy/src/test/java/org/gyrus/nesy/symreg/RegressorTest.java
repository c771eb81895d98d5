package org.gyrus.nesy.symreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.gyrus.core.SpecError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegressorTest {
  private static final String KOZA = "add,sub,mul,div,sin,cos,exp,log";

  @Test
  void levenbergMarquardtRecoversKnownConstants() {
    Library lib = Library.parse(KOZA + ",const", 1);
    double[][] x = {new double[30]};
    double[] y = new double[30];
    Random rnd = new Random(5);
    for (int i = 0; i < 30; i++) {
      x[0][i] = -1 + 2 * rnd.nextDouble();
      y[i] = 3.39 * Math.sin(1.7 * x[0][i]) + 0.75;
    }
    int c = lib.indexOf("const");
    int[] prog = { // add(mul(c, sin(mul(c, x1))), c)
      lib.indexOf("add"),
      lib.indexOf("mul"),
      c,
      lib.indexOf("sin"),
      lib.indexOf("mul"),
      c,
      lib.indexOf("x1"),
      c
    };
    ConstantFitter.Fit fit =
        new ConstantFitter(new Evaluator(lib, x, y), 100).fit(prog, new double[] {1, 1, 1});
    assertThat(fit.nmse()).isLessThan(1e-20);
    assertThat(fit.consts())
        .containsExactly(new double[] {3.39, 1.7, 0.75}, org.assertj.core.data.Offset.offset(1e-8));
  }

  @Test
  void neuralGuidedSearchRecoversNguyen1Exactly() {
    Benchmarks.Problem p = nguyen1();
    DataFile train = Benchmarks.sample(p, new Random(1));
    Regressor.Result r =
        Regressor.search(
            Library.parse(KOZA, 1),
            train.columns(),
            train.y(),
            Regressor.Config.defaults(1).withSeconds(30));
    assertThat(r.trainR2()).isGreaterThanOrEqualTo(1 - 1e-10);
    assertThat(Canon.equivalent(r.expr(), p.truth())).as(r.expr().toString()).isTrue();
    assertThat(r.seconds()).isLessThan(30);
  }

  @Test
  void plainGpAndControllerAloneAlsoSolveNguyen1() {
    Benchmarks.Problem p = nguyen1();
    DataFile train = Benchmarks.sample(p, new Random(2));
    for (String mode : new String[] {"gp", "dsr"}) {
      Regressor.Result r =
          Regressor.search(
              Library.parse(KOZA, 1),
              train.columns(),
              train.y(),
              Regressor.Config.defaults(2).withMode(mode).withSeconds(20));
      assertThat(Canon.equivalent(r.expr(), p.truth())).as(mode + ": " + r.expr()).isTrue();
    }
  }

  @Test
  void benchmarkDataFromGyrusDataWhenPresent() {
    String dir = System.getenv("GYRUS_DATA");
    org.junit.jupiter.api.Assumptions.assumeTrue(dir != null, "GYRUS_DATA not set: skipped");
    Benchmarks b = new Benchmarks(Path.of(dir, "symbolic-regression"));
    for (int i = 1; i <= 12; i++) {
      Benchmarks.Problem p = b.problem("Nguyen-" + i);
      DataFile[] d = b.data(p, 0);
      assertThat(d[0].r2(p.truth())).as(p.name()).isGreaterThan(1 - 1e-12);
      assertThat(b.data(p, 3)[1].r2(p.truth())).isGreaterThan(1 - 1e-12);
    }
  }

  @Test
  void badDataFileNamesFileAndLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("d.csv");
    Files.writeString(f, "x,y\n1,2\n2,4\n3,oops\n");
    assertThatThrownBy(() -> DataFile.read(f))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("d.csv:4");
    Files.writeString(f, "1,2\n2,4,5\n");
    assertThatThrownBy(() -> DataFile.read(f)).hasMessageContaining("d.csv:2");
  }

  private static Benchmarks.Problem nguyen1() {
    return new Benchmarks.Problem(
        "Nguyen-1",
        1,
        ExprParser.parse("pow(x1,3)+pow(x1,2)+x1"),
        "{\"all\":{\"U\":[-1,1,20]}}",
        "Koza");
  }
}
