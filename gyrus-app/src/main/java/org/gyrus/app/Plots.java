package org.gyrus.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Small PNG charts drawn with Java2D (headless), so reports need no plotting library. */
final class Plots {
  private static final int W = 800;
  private static final int H = 500;
  private static final int LEFT = 80;
  private static final int RIGHT = 30;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;

  private Plots() {}

  /** A series of points; drawn as a step line or as dots. */
  record Series(String name, List<double[]> points, Color color, boolean line) {}

  static void chart(
      Path file, String title, String xLabel, String yLabel, boolean logX, List<Series> series)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double[] p : s.points()) {
        double x = logX ? Math.log10(Math.max(p[0], 1e-12)) : p[0];
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, p[1]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    if (!(minX < maxX)) {
      minX -= 1;
      maxX += 1;
    }
    if (!(minY < maxY)) {
      minY -= 1;
      maxY += 1;
    }
    double padY = (maxY - minY) * 0.05;
    minY -= padY;
    maxY += padY;
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    g.setColor(new Color(235, 235, 235));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= 5; i++) {
      int y = TOP + ph - i * ph / 5;
      g.setColor(new Color(230, 230, 230));
      g.drawLine(LEFT, y, LEFT + pw, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.3g", minY + i * (maxY - minY) / 5), 30, y + 4);
      int x = LEFT + i * pw / 5;
      double xv = minX + i * (maxX - minX) / 5;
      String tick = String.format(Locale.ROOT, "%.3g", logX ? Math.pow(10, xv) : xv);
      int width = g.getFontMetrics().stringWidth(tick);
      g.drawString(tick, Math.min(x - width / 2, W - width - 4), TOP + ph + 20);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, pw, ph);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString(xLabel + (logX ? " (log scale)" : ""), LEFT + pw / 2 - 40, H - 15);
    g.rotate(-Math.PI / 2);
    g.drawString(yLabel, -(TOP + ph / 2 + 40), 16);
    g.rotate(Math.PI / 2);
    int legendY = TOP + 15;
    for (Series s : series) {
      g.setColor(s.color());
      g.setStroke(new BasicStroke(2f));
      Path2D path = new Path2D.Double();
      boolean first = true;
      double lastY = 0;
      for (double[] p : s.points()) {
        double xv = logX ? Math.log10(Math.max(p[0], 1e-12)) : p[0];
        double px = LEFT + (xv - minX) / (maxX - minX) * pw;
        double py = TOP + ph - (p[1] - minY) / (maxY - minY) * ph;
        if (s.line()) {
          if (first) {
            path.moveTo(px, py);
          } else {
            path.lineTo(px, lastY);
            path.lineTo(px, py);
          }
          lastY = py;
          first = false;
        } else {
          g.fill(new Ellipse2D.Double(px - 3.5, py - 3.5, 7, 7));
        }
      }
      if (s.line()) {
        g.draw(path);
      }
      g.fillRect(LEFT + pw - 170, legendY - 9, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(s.name(), LEFT + pw - 152, legendY + 2);
      legendY += 18;
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }
}
