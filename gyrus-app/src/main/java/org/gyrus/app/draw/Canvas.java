package org.gyrus.app.draw;

import java.util.List;

/** The few drawing operations a diagram needs, so the same layout renders to SVG and to PNG. */
public interface Canvas {
  /** A rectangle with corner radius {@code r}; {@code fill} and {@code stroke} are #rrggbb. */
  void rect(
      double x, double y, double w, double h, double r, String fill, String stroke, boolean dashed);

  /** A polyline through {@code points} ({x, y} pairs), with an arrow head at the end if asked. */
  void polyline(List<double[]> points, String stroke, boolean dashed, boolean arrow);

  void circle(double cx, double cy, double r, String fill, String stroke);

  /** Text with its baseline at {@code y}; {@code anchor} is start, middle or end. */
  void text(double x, double y, String s, double size, String anchor, String color, boolean bold);
}
