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
    int h = 520;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(img, title);
    int top = 90;
    int bottom = h - 80;
    int left = 60;
    int step = axes.isEmpty() ? 0 : (w - 2 * left) / Math.max(1, axes.size() - 1);
    double[] lo = new double[axes.size()];
    double[] hi = new double[axes.size()];
    for (int k = 0; k < axes.size(); k++) {
      lo[k] = Double.POSITIVE_INFINITY;
      hi[k] = Double.NEGATIVE_INFINITY;
      for (double[] r : rows) {
        if (!Double.isNaN(r[k])) {
          lo[k] = Math.min(lo[k], r[k]);
          hi[k] = Math.max(hi[k], r[k]);
        }
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
    int absentY = bottom + 16; // where a decision absent from a trial is drawn, below its axis
    g.setStroke(new BasicStroke(1.2f));
    List<double[]> sorted =
        rows.stream().sorted((a, b) -> Double.compare(a[last], b[last])).toList();
    for (double[] r : sorted) {
      double t = (r[last] - lo[last]) / (hi[last] - lo[last]);
      g.setColor(new Color((int) (215 - 184 * t), (int) (225 - 162 * t), (int) (243 - 105 * t)));
      for (int k = 0; k + 1 < axes.size(); k++) {
        int y1 = Double.isNaN(r[k]) ? absentY : y(r[k], lo[k], hi[k], top, bottom);
        int y2 = Double.isNaN(r[k + 1]) ? absentY : y(r[k + 1], lo[k + 1], hi[k + 1], top, bottom);
        g.drawLine(left + k * step, y1, left + (k + 1) * step, y2);
      }
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int k = 0; k < axes.size(); k++) {
      int x = left + k * step;
      g.setColor(Color.BLACK);
      g.drawLine(x, top, x, bottom);
      // Names alternate above and below the axes: each has two axis spacings of room.
      String name = fit(g, axes.get(k), 2 * step - 10);
      int nameY = k % 2 == 0 ? top - 12 : bottom + 40;
      int nameW = g.getFontMetrics().stringWidth(name);
      g.drawString(name, Math.max(4, Math.min(w - nameW - 4, x - nameW / 2)), nameY);
      final int col = k;
      if (rows.stream().anyMatch(r -> Double.isNaN(r[col]))) {
        g.setColor(Color.GRAY);
        g.drawString("(absent)", x + 4, absentY + 4);
        g.setColor(Color.BLACK);
      }
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

  private static int y(double v, double lo, double hi, int top, int bottom) {
    return (int) (bottom - (v - lo) / (hi - lo) * (bottom - top));
  }

  /** {@code s}, cut with an ellipsis to fit {@code width} pixels in the current font. */
  static String fit(Graphics2D g, String s, int width) {
    if (g.getFontMetrics().stringWidth(s) <= width) {
      return s;
    }
    String cut = s;
    while (cut.length() > 1 && g.getFontMetrics().stringWidth(cut + "…") > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }

  /** Horizontal bars, largest first. */
  static void bars(Path file, String title, List<String> names, double[] values)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    int rowH = 26;
    int h = 80 + rowH * Math.max(1, names.size());
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    int longest = 0;
    for (String n : names) {
      longest = Math.max(longest, scratch.getFontMetrics(font).stringWidth(n));
    }
    scratch.dispose();
    int left = 20 + longest + 12; // the bars start after the longest label
    int w = Math.max(800, left + 420);
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
    g.setFont(font);
    int barW = w - left - 90;
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
