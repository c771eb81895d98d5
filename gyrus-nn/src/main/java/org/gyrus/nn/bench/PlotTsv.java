package org.gyrus.nn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a line chart from a TSV of {@code series<TAB>x<TAB>y} rows (series in first-seen order):
 * redraws a bench row's curves from its JSON detail without training again. Usage: {@code PlotTsv
 * IN.tsv OUT.png TITLE XLABEL YLABEL}.
 */
public final class PlotTsv {
  private PlotTsv() {}

  public static void main(String[] args) throws IOException {
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    int line = 0;
    for (String row : Files.readAllLines(Path.of(args[0]))) {
      line++;
      String[] f = row.split("\t");
      if (f.length != 3) {
        throw new IllegalArgumentException(
            args[0] + ":" + line + ": expected series<TAB>x<TAB>y, found '" + row + "'");
      }
      series
          .computeIfAbsent(f[0], k -> new ArrayList<>())
          .add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
    }
    PngLines chart = new PngLines(args[2], args[3], args[4]);
    series.forEach(chart::add);
    chart.write(Path.of(args[1]));
  }
}
