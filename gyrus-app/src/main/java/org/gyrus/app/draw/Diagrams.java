package org.gyrus.app.draw;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.gyrus.core.Value;

/**
 * Draws a spec as a neural circuit diagram (after Abbott, "Neural Circuit Diagrams"): operations
 * are boxes, data flows down wires (labelled with shapes when a {@link ShapeAnnotator} knows them),
 * branches sit side by side, residual paths loop around their body and repeated blocks are drawn
 * once with their count.
 */
public final class Diagrams {
  private static final double MARGIN = 20;

  private Diagrams() {}

  private static Block layout(Value spec, ShapeAnnotator annotator) {
    return layout(spec, annotator, java.util.Set.of());
  }

  private static Block layout(Value spec, ShapeAnnotator annotator, java.util.Set<String> hot) {
    Block body = new DiagramBuilder(annotator, hot).build(spec, "");
    String out = spec instanceof Value.Node n ? annotator.outputLabel("", n).orElse("") : "";
    Block input = new Blocks.Op("input", List.of(), "#e8e8e8", false);
    Block output = new Blocks.Op("output", List.of(), "#e8e8e8", false);
    return new Blocks.Chain(
        List.of(input, body, output), List.of(annotator.inputLabel().orElse(""), out));
  }

  /** The diagram as a standalone SVG document. */
  public static String svg(Value spec, ShapeAnnotator annotator, String title) {
    Block b = layout(spec, annotator);
    SvgCanvas c = new SvgCanvas();
    b.draw(c, MARGIN, MARGIN);
    return c.document(b.width() + 2 * MARGIN, b.height() + 2 * MARGIN, title);
  }

  /**
   * The diagram with the boxes at the spec paths in {@code highlight} filled in amber: the parts
   * that differ between compared trials ({@link SpecDiff}).
   */
  public static String svg(
      Value spec, ShapeAnnotator annotator, String title, java.util.Set<String> highlight) {
    Block b = layout(spec, annotator, highlight);
    SvgCanvas c = new SvgCanvas();
    b.draw(c, MARGIN, MARGIN);
    return c.document(b.width() + 2 * MARGIN, b.height() + 2 * MARGIN, title);
  }

  /** The diagram as an image, for PNG reports. */
  public static BufferedImage image(Value spec, ShapeAnnotator annotator) {
    System.setProperty("java.awt.headless", "true");
    Block b = layout(spec, annotator);
    int w = (int) Math.ceil(b.width() + 2 * MARGIN);
    int h = (int) Math.ceil(b.height() + 2 * MARGIN);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, w, h);
    b.draw(new PngCanvas(g), MARGIN, MARGIN);
    g.dispose();
    return img;
  }
}
