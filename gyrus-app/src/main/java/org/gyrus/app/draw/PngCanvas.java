package org.gyrus.app.draw;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/** Draws onto a Java2D graphics context, for PNG reports. */
final class PngCanvas implements Canvas {
  private static final BasicStroke SOLID = new BasicStroke(1.4f);
  private static final BasicStroke DASHED =
      new BasicStroke(
          1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5, 4}, 0);
  private final Graphics2D g;

  PngCanvas(Graphics2D g) {
    this.g = g;
  }

  private static Color color(String hex) {
    return Color.decode(hex);
  }

  @Override
  public void rect(
      double x,
      double y,
      double w,
      double h,
      double r,
      String fill,
      String stroke,
      boolean dashed) {
    RoundRectangle2D shape = new RoundRectangle2D.Double(x, y, w, h, 2 * r, 2 * r);
    g.setColor(color(fill));
    g.fill(shape);
    g.setColor(color(stroke));
    g.setStroke(dashed ? DASHED : SOLID);
    g.draw(shape);
  }

  @Override
  public void polyline(List<double[]> points, String stroke, boolean dashed, boolean arrow) {
    Path2D p = new Path2D.Double();
    p.moveTo(points.get(0)[0], points.get(0)[1]);
    for (int i = 1; i < points.size(); i++) {
      p.lineTo(points.get(i)[0], points.get(i)[1]);
    }
    g.setColor(color(stroke));
    g.setStroke(dashed ? DASHED : SOLID);
    g.draw(p);
    if (arrow && points.size() >= 2) {
      double[] a = points.get(points.size() - 2);
      double[] b = points.get(points.size() - 1);
      double ang = Math.atan2(b[1] - a[1], b[0] - a[0]);
      Path2D head = new Path2D.Double();
      head.moveTo(b[0], b[1]);
      head.lineTo(b[0] - 8 * Math.cos(ang - 0.4), b[1] - 8 * Math.sin(ang - 0.4));
      head.lineTo(b[0] - 8 * Math.cos(ang + 0.4), b[1] - 8 * Math.sin(ang + 0.4));
      head.closePath();
      g.setColor(color("#444444"));
      g.fill(head);
    }
  }

  @Override
  public void circle(double cx, double cy, double r, String fill, String stroke) {
    Ellipse2D e = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
    g.setColor(color(fill));
    g.fill(e);
    g.setColor(color(stroke));
    g.setStroke(SOLID);
    g.draw(e);
  }

  @Override
  public void text(
      double x, double y, String s, double size, String anchor, String color, boolean bold) {
    g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size)));
    double w = g.getFontMetrics().stringWidth(s);
    double x0 = anchor.equals("middle") ? x - w / 2 : anchor.equals("end") ? x - w : x;
    g.setColor(color(color));
    g.drawString(s, (float) x0, (float) y);
  }
}
