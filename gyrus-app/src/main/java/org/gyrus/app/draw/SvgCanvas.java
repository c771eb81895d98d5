package org.gyrus.app.draw;

import java.util.List;
import java.util.Locale;

/** Draws into an SVG document; every piece of text is XML-escaped. */
final class SvgCanvas implements Canvas {
  private final StringBuilder body = new StringBuilder();

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (ch >= 0x20 || ch == '\t') {
            sb.append(ch);
          }
        }
      }
    }
    return sb.toString();
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String dash(boolean dashed) {
    return dashed ? " stroke-dasharray=\"5,4\"" : "";
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
    body.append("<rect x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" width=\"")
        .append(n(w))
        .append("\" height=\"")
        .append(n(h))
        .append("\" rx=\"")
        .append(n(r))
        .append("\" fill=\"")
        .append(fill)
        .append("\" stroke=\"")
        .append(stroke)
        .append('"')
        .append(dash(dashed))
        .append("/>\n");
  }

  @Override
  public void polyline(List<double[]> points, String stroke, boolean dashed, boolean arrow) {
    body.append("<polyline fill=\"none\" stroke-width=\"1.4\" stroke=\"")
        .append(stroke)
        .append('"')
        .append(dash(dashed))
        .append(arrow ? " marker-end=\"url(#arrow)\"" : "")
        .append(" points=\"");
    for (double[] p : points) {
      body.append(n(p[0])).append(',').append(n(p[1])).append(' ');
    }
    body.append("\"/>\n");
  }

  @Override
  public void circle(double cx, double cy, double r, String fill, String stroke) {
    body.append("<circle cx=\"")
        .append(n(cx))
        .append("\" cy=\"")
        .append(n(cy))
        .append("\" r=\"")
        .append(n(r))
        .append("\" fill=\"")
        .append(fill)
        .append("\" stroke=\"")
        .append(stroke)
        .append("\"/>\n");
  }

  @Override
  public void text(
      double x, double y, String s, double size, String anchor, String color, boolean bold) {
    body.append("<text x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" font-size=\"")
        .append(n(size))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" fill=\"")
        .append(color)
        .append('"')
        .append(bold ? " font-weight=\"bold\"" : "")
        .append('>')
        .append(escape(s))
        .append("</text>\n");
  }

  String document(double width, double height, String title) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gyrus-diagram\" width=\""
        + n(width)
        + "\" height=\""
        + n(height)
        + "\" viewBox=\"0 0 "
        + n(width)
        + " "
        + n(height)
        + "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n<title>"
        + escape(title)
        + "</title>\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\""
        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
        + "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444444\"/></marker></defs>\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        + body
        + "</svg>\n";
  }
}
