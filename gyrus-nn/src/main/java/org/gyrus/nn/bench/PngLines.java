package org.gyrus.nn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.nn.plot.PngChart;

/**
 * A line chart built series by series for the bench rows of gyrus-nn, drawn by {@link
 * PngChart#lines}: named series of (x, y) points, linear axes, a legend.
 */
public final class PngLines {
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<PngChart.Series> series = new ArrayList<>();

  public PngLines(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** Adds a series; points are (x, y) pairs drawn in the given order. */
  public PngLines add(String name, List<double[]> points) {
    series.add(new PngChart.Series(name, points));
    return this;
  }

  public void write(Path file) throws IOException {
    PngChart.lines(file, title, xLabel, yLabel, series);
  }
}
