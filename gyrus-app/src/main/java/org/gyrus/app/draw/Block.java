package org.gyrus.app.draw;

/**
 * A laid-out piece of a diagram: a box with one input port at the middle of its top edge and one
 * output port at the middle of its bottom edge, so pieces stack and nest without routing.
 */
interface Block {
  /** Approximate width of text in pixels at the given font size (no font metrics needed). */
  static double textWidth(String s, double size) {
    return s.length() * size * 0.6;
  }

  double width();

  double height();

  /** Draws the block with its top-left corner at (x, y). */
  void draw(Canvas c, double x, double y);
}
