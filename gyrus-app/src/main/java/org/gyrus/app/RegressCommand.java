package org.gyrus.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecError;
import org.gyrus.nesy.symreg.Canon;
import org.gyrus.nesy.symreg.DataFile;
import org.gyrus.nesy.symreg.Formulas;
import org.gyrus.nesy.symreg.Library;
import org.gyrus.nesy.symreg.Regressor;
import org.gyrus.nesy.symreg.Snip;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Symbolic regression: find a formula for the last CSV column from the others. */
@Command(
    name = "regress",
    mixinStandardHelpOptions = true,
    description =
        "Symbolic regression (neural-guided GP): find a formula y = f(x1, x2, ...) for a CSV whose"
            + " last column is y; prints the formula, its R² and complexity.")
public final class RegressCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DATA.csv", description = "numeric CSV, optional header")
  Path data;

  @Option(names = "--time", defaultValue = "60", description = "search budget in CPU seconds, > 0")
  double seconds;

  @Option(names = "--seed", defaultValue = "0")
  long seed;

  @Option(
      names = "--mode",
      defaultValue = "nggp-res",
      description =
          "nggp-res (nggp plus additive splits searched on the residual), nggp (neural-guided"
              + " GP), dsr (controller only) or gp")
  String mode;

  @Option(
      names = "--ops",
      defaultValue = "add,sub,mul,div,sin,cos,exp,log,const",
      description = "DSO function set: operators, const (fitted) and fixed numbers")
  String ops;

  @Option(
      names = "--stop-r2",
      defaultValue = "0.99999999999999",
      description = "stop when training R² reaches this, [0, 1]")
  double stopR2;

  @Option(
      names = "--snip",
      defaultValue = "0",
      description =
          "seed the search with the K formulas a SNIP data encoder (trained first, on generated"
              + " formulas over the data's input range) finds nearest to the data; 0: off; needs"
              + " --ops without const")
  int snipK;

  @Option(
      names = "--snip-steps",
      defaultValue = "1500",
      description = "SNIP training steps (batches of 256 formulas), >= 1")
  int snipSteps;

  @Override
  public Integer call() {
    if (!(seconds > 0)) {
      throw new SpecError("--time", "a positive number of seconds", "" + seconds);
    }
    Flags.inRange("--stop-r2", stopR2, 0, 1, false);
    if (!Regressor.MODES.contains(mode)) {
      throw new SpecError("--mode", String.join(", ", Regressor.MODES), mode);
    }
    if (snipK < 0 || snipSteps < 1) {
      throw new SpecError(snipK < 0 ? "--snip" : "--snip-steps", ">= 0 and >= 1", snipK + "");
    }
    if (snipK > 0 && ops.contains("const")) {
      throw new SpecError(
          "--snip", "--ops without const (SNIP's corpus has no fitted constants)", ops);
    }
    DataFile d = DataFile.read(data);
    Library lib;
    try {
      lib = Library.parse(ops, d.variables());
    } catch (IllegalArgumentException e) {
      throw new SpecError("--ops", e.getMessage());
    }
    Regressor.Config cfg =
        Regressor.Config.defaults(seed).withMode(mode).withSeconds(seconds).withStopR2(stopR2);
    List<int[]> prior = snipK > 0 ? snipPrior(lib, d) : List.of();
    Regressor.Result r = Regressor.search(lib, d.columns(), d.y(), cfg, prior);
    System.out.println("formula:    " + r.expr());
    System.out.println("simplified: " + Canon.of(r.expr()));
    System.out.printf(
        Locale.ROOT,
        "R2: %.10f  complexity: %d  cpu s: %.1f  wall s: %.1f  evaluations: %d%n",
        r.trainR2(),
        r.complexity(),
        r.seconds(),
        r.wallSeconds(),
        r.evaluations());
    return 0;
  }

  /** Trains SNIP on formulas over the data's input range; the K nearest to the data. */
  private List<int[]> snipPrior(Library lib, DataFile d) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] col : d.columns()) {
      for (double v : col) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    Snip.Config sc = Snip.Config.defaults(seed).withSteps(snipSteps);
    List<Formulas.Sample> corpus =
        Formulas.generate(
            lib,
            20_000,
            2,
            sc.maxLen(),
            d.y().length,
            List.of(new Formulas.Range(lo, hi)),
            Set.of(),
            new Random(seed));
    try (Snip snip = new Snip(lib, sc)) {
      snip.train(corpus, null);
      float[][] library =
          snip.embedFormulas(corpus.stream().map(Formulas.Sample::program).toList());
      List<int[]> prior = snip.nearestPrograms(corpus, library, d.columns(), d.y(), snipK);
      System.out.println("snip prior: " + lib.toExpr(prior.get(0), new double[0]) + " (nearest)");
      return prior;
    }
  }
}
