package org.gyrus.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The report's Java2D charts that {@link Plots} lacks: parallel coordinates and importance bars.
 */
final class ReportCharts {
  private ReportCharts() {}

  private static Graphics2D canvas(BufferedImage img, String title) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, 20, 28);
    return g;
  }

  /**
   * Parallel coordinates: one vertical axis per column, each scaled to [0, 1] over its values (the
   * caller maps categories to their index), lines coloured from light (worst) to dark (best) by the
   * last column, the objective.
   */
  static void parallel(
      Path file, String title, List<String> axes, List<double[]> rows, List<String[]> ticks)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    int w = Math.max(700, 130 * axes.size());
    int h = 480;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(img, title);
    int top = 70;
    int bottom = h - 60;
    int left = 60;
    int step = axes.isEmpty() ? 0 : (w - 2 * left) / Math.max(1, axes.size() - 1);
    double[] lo = new double[axes.size()];
    double[] hi = new double[axes.size()];
    for (int k = 0; k < axes.size(); k++) {
      lo[k] = Double.POSITIVE_INFINITY;
      hi[k] = Double.NEGATIVE_INFINITY;
      for (double[] r : rows) {
        lo[k] = Math.min(lo[k], r[k]);
        hi[k] = Math.max(hi[k], r[k]);
      }
      if (ticks.get(k) != null) {
        lo[k] = 0;
        hi[k] = Math.max(1, ticks.get(k).length - 1);
      } else if (!(lo[k] < hi[k])) {
        lo[k] -= 1;
        hi[k] += 1;
      }
    }
    int last = axes.size() - 1;
    g.setStroke(new BasicStroke(1.2f));
    List<double[]> sorted =
        rows.stream().sorted((a, b) -> Double.compare(a[last], b[last])).toList();
    for (double[] r : sorted) {
      double t = (r[last] - lo[last]) / (hi[last] - lo[last]);
      g.setColor(new Color((int) (215 - 184 * t), (int) (225 - 162 * t), (int) (243 - 105 * t)));
      for (int k = 0; k + 1 < axes.size(); k++) {
        int y1 = (int) (bottom - (r[k] - lo[k]) / (hi[k] - lo[k]) * (bottom - top));
        int y2 = (int) (bottom - (r[k + 1] - lo[k + 1]) / (hi[k + 1] - lo[k + 1]) * (bottom - top));
        g.drawLine(left + k * step, y1, left + (k + 1) * step, y2);
      }
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int k = 0; k < axes.size(); k++) {
      int x = left + k * step;
      g.setColor(Color.BLACK);
      g.drawLine(x, top, x, bottom);
      String name = axes.get(k);
      g.drawString(name, x - g.getFontMetrics().stringWidth(name) / 2, bottom + 22);
      if (ticks.get(k) != null) {
        String[] labels = ticks.get(k);
        for (int i = 0; i < labels.length; i++) {
          int y = (int) (bottom - (i - lo[k]) / (hi[k] - lo[k]) * (bottom - top));
          g.drawString(labels[i], x + 4, y + 4);
        }
      } else {
        g.drawString(String.format(Locale.ROOT, "%.4g", hi[k]), x + 4, top + 4);
        g.drawString(String.format(Locale.ROOT, "%.4g", lo[k]), x + 4, bottom);
      }
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  /** Horizontal bars, largest first. */
  static void bars(Path file, String title, List<String> names, double[] values)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    int rowH = 26;
    int h = 80 + rowH * Math.max(1, names.size());
    int w = 800;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(img, title);
    Integer[] order = new Integer[names.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
    double max = 1e-12;
    for (double v : values) {
      max = Math.max(max, v);
    }
    int left = 220;
    int barW = w - left - 90;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int r = 0; r < order.length; r++) {
      int i = order[r];
      int y = 50 + r * rowH;
      g.setColor(Color.BLACK);
      g.drawString(names.get(i), 20, y + 16);
      g.setColor(new Color(84, 112, 198));
      g.fillRect(left, y + 4, (int) (values[i] / max * barW), rowH - 8);
      g.setColor(Color.DARK_GRAY);
      g.drawString(
          String.format(Locale.ROOT, "%.3f", values[i]),
          left + (int) (values[i] / max * barW) + 6,
          y + 16);
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }
}
