package org.gyrus.nn.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Line charts and heat maps as PNG, drawn with headless Java2D (the style of gyrus-app's {@code
 * Plots}, which gyrus-nn cannot reach): the bench mains of gyrus-nn write their figures with it.
 */
public final class PngChart {
  private static final int W = 800;
  private static final int H = 500;
  private static final int LEFT = 80;
  private static final int RIGHT = 190;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final Color[] PALETTE = {
    new Color(31, 119, 180),
    new Color(214, 39, 40),
    new Color(44, 160, 44),
    new Color(255, 127, 14),
    new Color(148, 103, 189),
    new Color(140, 86, 75),
    new Color(23, 190, 207),
    Color.DARK_GRAY
  };

  private PngChart() {}

  /** A named series of (x, y) points, drawn as a line with dots. */
  public record Series(String name, List<double[]> points) {}

  /** Line chart of the series; axes span the data. */
  public static void lines(
      Path file, String title, String xLabel, String yLabel, List<Series> series) {
    double[] box = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (Series s : series) {
      for (double[] p : s.points()) {
        box[0] = Math.min(box[0], p[0]);
        box[1] = Math.max(box[1], p[0]);
        box[2] = Math.min(box[2], p[1]);
        box[3] = Math.max(box[3], p[1]);
      }
    }
    widen(box);
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame(img, title, xLabel, yLabel, box);
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    int legendY = TOP + 15;
    for (int k = 0; k < series.size(); k++) {
      Series s = series.get(k);
      g.setColor(PALETTE[k % PALETTE.length]);
      g.setStroke(new BasicStroke(2f));
      Path2D path = new Path2D.Double();
      boolean first = true;
      for (double[] p : s.points()) {
        double px = LEFT + (p[0] - box[0]) / (box[1] - box[0]) * pw;
        double py = TOP + ph - (p[1] - box[2]) / (box[3] - box[2]) * ph;
        if (first) {
          path.moveTo(px, py);
        } else {
          path.lineTo(px, py);
        }
        first = false;
        g.fill(new Ellipse2D.Double(px - 3, py - 3, 6, 6));
      }
      g.draw(path);
      g.fillRect(LEFT + pw + 12, legendY - 9, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(s.name(), LEFT + pw + 30, legendY + 2);
      legendY += 18;
    }
    write(img, g, file);
  }

  /**
   * Heat map of {@code z[row][col]} over x (columns) and y (rows, first row at the bottom), colour
   * from blue (zLo) to red (zHi), NaN grey; {@code overlay} polylines are drawn in black (e.g.
   * theoretical boundaries).
   */
  public static void heatmap(
      Path file,
      String title,
      String xLabel,
      String yLabel,
      double[] x,
      double[] y,
      double[][] z,
      double zLo,
      double zHi,
      List<List<double[]>> overlay) {
    double dx = x.length > 1 ? (x[1] - x[0]) / 2 : 0.5;
    double dy = y.length > 1 ? (y[1] - y[0]) / 2 : 0.5;
    double[] box = {x[0] - dx, x[x.length - 1] + dx, y[0] - dy, y[y.length - 1] + dy};
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame(img, title, xLabel, yLabel, box);
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    for (int r = 0; r < y.length; r++) {
      for (int c = 0; c < x.length; c++) {
        int x0 = (int) Math.round(LEFT + (x[c] - dx - box[0]) / (box[1] - box[0]) * pw);
        int x1 = (int) Math.round(LEFT + (x[c] + dx - box[0]) / (box[1] - box[0]) * pw);
        int y0 = (int) Math.round(TOP + ph - (y[r] + dy - box[2]) / (box[3] - box[2]) * ph);
        int y1 = (int) Math.round(TOP + ph - (y[r] - dy - box[2]) / (box[3] - box[2]) * ph);
        g.setColor(colour((z[r][c] - zLo) / (zHi - zLo)));
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
      }
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(2.5f));
    for (List<double[]> line : overlay) {
      Path2D path = new Path2D.Double();
      for (int i = 0; i < line.size(); i++) {
        double px = LEFT + (line.get(i)[0] - box[0]) / (box[1] - box[0]) * pw;
        double py = TOP + ph - (line.get(i)[1] - box[2]) / (box[3] - box[2]) * ph;
        if (i == 0) {
          path.moveTo(px, py);
        } else {
          path.lineTo(px, py);
        }
      }
      g.draw(path);
    }
    for (int i = 0; i <= 10; i++) {
      int yy = TOP + ph - i * ph / 10;
      g.setColor(colour(i / 10.0));
      g.fillRect(LEFT + pw + 20, yy - ph / 10, 20, ph / 10);
      g.setColor(Color.BLACK);
      g.drawString(fmt(zLo + i * (zHi - zLo) / 10), LEFT + pw + 45, yy + 4);
    }
    write(img, g, file);
  }

  private static Color colour(double t) {
    if (Double.isNaN(t)) {
      return new Color(200, 200, 200);
    }
    double v = Math.max(0, Math.min(1, t));
    return new Color(
        (int) (255 * v), (int) (60 + 80 * (1 - Math.abs(2 * v - 1))), (int) (255 * (1 - v)));
  }

  private static void widen(double[] box) {
    if (!(box[0] < box[1])) {
      box[0] -= 1;
      box[1] += 1;
    }
    if (!(box[2] < box[3])) {
      box[2] -= 1;
      box[3] += 1;
    }
    double pad = (box[3] - box[2]) * 0.05;
    box[2] -= pad;
    box[3] += pad;
  }

  private static Graphics2D frame(
      BufferedImage img, String title, String xLabel, String yLabel, double[] box) {
    System.setProperty("java.awt.headless", "true");
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= 5; i++) {
      int y = TOP + ph - i * ph / 5;
      g.setColor(new Color(230, 230, 230));
      g.drawLine(LEFT, y, LEFT + pw, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(fmt(box[2] + i * (box[3] - box[2]) / 5), 25, y + 4);
      int x = LEFT + i * pw / 5;
      String tick = fmt(box[0] + i * (box[1] - box[0]) / 5);
      g.drawString(tick, x - g.getFontMetrics().stringWidth(tick) / 2, TOP + ph + 20);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, pw, ph);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, LEFT, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString(xLabel, LEFT + pw / 2 - 40, H - 15);
    g.rotate(-Math.PI / 2);
    g.drawString(yLabel, -(TOP + ph / 2 + 40), 16);
    g.rotate(Math.PI / 2);
    return g;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  private static void write(BufferedImage img, Graphics2D g, Path file) {
    g.dispose();
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      ImageIO.write(img, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write PNG", e);
    }
  }
}
