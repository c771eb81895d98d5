package org.gyrus.nesy.symreg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gyrus.core.CsvLine;

/**
 * The DSO benchmark suite (dso_benchmarks.csv, dso_function_sets.csv, pre-sampled dso-data/). Seed
 * 0 uses the pre-sampled train/test files; other seeds resample train and test from the benchmark's
 * train spec (U[lo, hi, n]: n uniform points per variable; E[lo, hi, step]: a grid).
 */
public final class Benchmarks {
  /** One benchmark: ground truth, sampling spec and the function-set name. */
  public record Problem(
      String name, int variables, Expr truth, String trainSpec, String functionSet) {}

  private final Path dir;
  private final Map<String, List<String>> rows = new LinkedHashMap<>();
  private final Map<String, String> functionSets = new LinkedHashMap<>();

  public Benchmarks(Path dir) {
    this.dir = dir;
    for (List<String> row : csv(dir.resolve("dso_function_sets.csv"))) {
      functionSets.put(row.get(0), row.get(1));
    }
    for (List<String> row : csv(dir.resolve("dso_benchmarks.csv"))) {
      rows.put(row.get(0), row);
    }
  }

  /** The benchmark {@code name}; its formula is parsed here (some rows use functions we lack). */
  public Problem problem(String name) {
    List<String> row = rows.get(name);
    if (row == null) {
      throw new IllegalArgumentException("unknown benchmark '" + name + "'");
    }
    Expr truth = ExprParser.parse(row.get(2));
    return new Problem(row.get(0), Integer.parseInt(row.get(1)), truth, row.get(3), row.get(5));
  }

  public Library library(Problem p) {
    String set = functionSets.get(p.functionSet());
    if (set == null) {
      throw new IllegalArgumentException("unknown function set '" + p.functionSet() + "'");
    }
    return Library.parse(set, p.variables());
  }

  /** Train (index 0) and test (index 1) data for {@code seed}. */
  public DataFile[] data(Problem p, long seed) {
    if (seed == 0) {
      Path train = dir.resolve("dso-data").resolve(p.name() + ".csv");
      Path test = dir.resolve("dso-data").resolve(p.name() + "_test.csv");
      if (Files.exists(train) && Files.exists(test)) {
        return new DataFile[] {DataFile.read(train), DataFile.read(test)};
      }
    }
    Random rnd = new Random(seed * 1_000_003L + p.name().hashCode());
    return new DataFile[] {sample(p, rnd), sample(p, rnd)};
  }

  static DataFile sample(Problem p, Random rnd) {
    Matcher m =
        Pattern.compile("\"(\\w+)\":\\{\"([UE])\":\\[([^\\]]+)\\]\\}").matcher(p.trainSpec());
    Map<String, String[]> specs = new LinkedHashMap<>();
    while (m.find()) {
      specs.put(m.group(1), new String[] {m.group(2), m.group(3)});
    }
    double[][] cols = new double[p.variables()][];
    for (int v = 0; v < p.variables(); v++) {
      String[] s = specs.getOrDefault("x" + (v + 1), specs.get("all"));
      String[] a = s[1].split(",");
      double lo = Double.parseDouble(a[0].trim());
      double hi = Double.parseDouble(a[1].trim());
      double third = Double.parseDouble(a[2].trim());
      if (s[0].equals("U")) {
        cols[v] = new double[(int) third];
        for (int i = 0; i < cols[v].length; i++) {
          cols[v][i] = lo + (hi - lo) * rnd.nextDouble();
        }
      } else {
        int n = (int) Math.floor((hi - lo) / third + 1e-9) + 1;
        cols[v] = new double[n];
        for (int i = 0; i < n; i++) {
          cols[v][i] = lo + i * third;
        }
      }
    }
    return new DataFile(cols, p.truth().eval(cols, cols[0].length));
  }

  /** The rows of a CSV file ({@link CsvLine}), header row dropped. */
  static List<List<String>> csv(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        rows.add(CsvLine.fields(lines.get(i), file + ":" + (i + 1)));
      }
    }
    return rows;
  }
}
