package org.gyrus.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecError;
import org.gyrus.nesy.symreg.Canon;
import org.gyrus.nesy.symreg.DataFile;
import org.gyrus.nesy.symreg.Library;
import org.gyrus.nesy.symreg.Regressor;
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

  @Option(names = "--mode", defaultValue = "nggp", description = "nggp, dsr or gp")
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

  @Override
  public Integer call() {
    if (!(seconds > 0)) {
      throw new SpecError("--time", "a positive number of seconds", "" + seconds);
    }
    Flags.inRange("--stop-r2", stopR2, 0, 1, false);
    if (!java.util.List.of("nggp", "dsr", "gp").contains(mode)) {
      throw new SpecError("--mode", "nggp, dsr or gp", mode);
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
    Regressor.Result r = Regressor.search(lib, d.columns(), d.y(), cfg);
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
}
