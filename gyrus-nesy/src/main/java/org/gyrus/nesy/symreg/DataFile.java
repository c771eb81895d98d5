package org.gyrus.nesy.symreg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;

/** A numeric CSV data set: every column but the last is an input, the last is the target. */
public record DataFile(double[][] columns, double[] y) {
  public int variables() {
    return columns.length;
  }

  /**
   * Reads {@code file}; one optional header line (non-numeric). Any other non-numeric cell, a
   * ragged row, fewer than 2 columns or 3 rows fails with a SpecError naming file:line.
   */
  public static DataFile read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new SpecError(file.toString(), "cannot read: " + e.getMessage());
    }
    List<double[]> rows = new ArrayList<>();
    int width = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split("\\s*[,;\\t ]\\s*");
      double[] row = new double[cells.length];
      try {
        for (int j = 0; j < cells.length; j++) {
          row[j] = Double.parseDouble(cells[j]);
        }
      } catch (NumberFormatException e) {
        if (rows.isEmpty() && width < 0) {
          width = cells.length;
          continue;
        }
        throw new SpecError(file + ":" + (i + 1), "expected numbers, got '" + line + "'");
      }
      if (width >= 0 && row.length != width) {
        throw new SpecError(
            file + ":" + (i + 1), "expected " + width + " columns, got " + row.length);
      }
      if (width < 0) {
        width = row.length;
      }
      if (width < 2) {
        throw new SpecError(file + ":" + (i + 1), "expected at least 2 columns (inputs, target)");
      }
      rows.add(row);
    }
    if (rows.size() < 3) {
      throw new SpecError(file.toString(), "expected at least 3 data rows, got " + rows.size());
    }
    return of(rows);
  }

  static DataFile of(List<double[]> rows) {
    int vars = rows.get(0).length - 1;
    double[][] cols = new double[vars][rows.size()];
    double[] y = new double[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int v = 0; v < vars; v++) {
        cols[v][r] = rows.get(r)[v];
      }
      y[r] = rows.get(r)[vars];
    }
    return new DataFile(cols, y);
  }

  /** 1 - MSE / Var(y) of {@code expr} on this data (NaN predictions give -inf). */
  public double r2(Expr expr) {
    double[] p = expr.eval(columns, y.length);
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= y.length;
    double ss = 0;
    double st = 0;
    for (int i = 0; i < y.length; i++) {
      ss += (p[i] - y[i]) * (p[i] - y[i]);
      st += (y[i] - mean) * (y[i] - mean);
    }
    return Double.isFinite(ss) ? 1 - ss / Math.max(st, 1e-300) : Double.NEGATIVE_INFINITY;
  }
}
