package org.gyrus.nn.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small line chart as PNG for the bench rows of gyrus-nn (gyrus-app's {@code Plots} is not
 * reachable from this module): named series of (x, y) points, linear axes, a legend.
 */
public final class PngLines {
  private static final int W = 800;
  private static final int H = 500;
  private static final int LEFT = 80;
  private static final int RIGHT = 170;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)
  };

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<String> names = new ArrayList<>();
  private final List<List<double[]>> series = new ArrayList<>();

  public PngLines(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** Adds a series; points are (x, y) pairs drawn in the given order. */
  public PngLines add(String name, List<double[]> points) {
    names.add(name);
    series.add(points);
    return this;
  }

  public void write(Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    double[] box = bounds();
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    axes(g, box);
    for (int s = 0; s < series.size(); s++) {
      g.setColor(PALETTE[s % PALETTE.length]);
      g.setStroke(new BasicStroke(2f));
      List<double[]> pts = series.get(s);
      for (int i = 0; i < pts.size(); i++) {
        int x = px(pts.get(i)[0], box);
        int y = py(pts.get(i)[1], box);
        g.fillOval(x - 3, y - 3, 6, 6);
        if (i > 0) {
          g.drawLine(px(pts.get(i - 1)[0], box), py(pts.get(i - 1)[1], box), x, y);
        }
      }
      g.drawLine(W - RIGHT + 15, TOP + 10 + 20 * s, W - RIGHT + 35, TOP + 10 + 20 * s);
      g.setColor(Color.BLACK);
      g.drawString(names.get(s), W - RIGHT + 40, TOP + 15 + 20 * s);
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  private double[] bounds() {
    double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (List<double[]> pts : series) {
      for (double[] p : pts) {
        b[0] = Math.min(b[0], p[0]);
        b[1] = Math.max(b[1], p[0]);
        b[2] = Math.min(b[2], p[1]);
        b[3] = Math.max(b[3], p[1]);
      }
    }
    if (!(b[0] < b[1])) {
      b[0] -= 1;
      b[1] += 1;
    }
    if (!(b[2] < b[3])) {
      b[2] -= 1;
      b[3] += 1;
    }
    return b;
  }

  private void axes(Graphics2D g, double[] box) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, TOP - 20);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawLine(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM);
    g.drawLine(LEFT, TOP, LEFT, H - BOTTOM);
    for (int i = 0; i <= 4; i++) {
      double xv = box[0] + (box[1] - box[0]) * i / 4;
      double yv = box[2] + (box[3] - box[2]) * i / 4;
      g.drawString(fmt(xv), px(xv, box) - 12, H - BOTTOM + 18);
      g.drawString(fmt(yv), 10, py(yv, box) + 4);
    }
    g.drawString(xLabel, (LEFT + W - RIGHT) / 2 - 30, H - 15);
    g.drawString(yLabel, 10, TOP - 5);
  }

  private static String fmt(double v) {
    return Math.abs(v) >= 100 || v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.3g", v);
  }

  private static int px(double x, double[] b) {
    return LEFT + (int) Math.round((x - b[0]) / (b[1] - b[0]) * (W - LEFT - RIGHT));
  }

  private static int py(double y, double[] b) {
    return H - BOTTOM - (int) Math.round((y - b[2]) / (b[3] - b[2]) * (H - TOP - BOTTOM));
  }
}
