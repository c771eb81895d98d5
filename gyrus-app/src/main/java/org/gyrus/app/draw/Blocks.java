package org.gyrus.app.draw;

import java.util.List;

/** The block kinds of a neural circuit diagram: operations, chains, branches, skips and folds. */
final class Blocks {
  static final double GAP = 30;
  static final double FONT = 12;
  static final String WIRE = "#444444";
  static final String LABEL = "#1f5fa8";

  private Blocks() {}

  static void wire(Canvas c, double x1, double y1, double x2, double y2, boolean arrow) {
    c.polyline(List.of(new double[] {x1, y1}, new double[] {x2, y2}), WIRE, false, arrow);
  }

  /** An operation: a rounded box with a bold title and a few argument lines. */
  record Op(String title, List<String> lines, String fill, boolean dashed) implements Block {
    Op {
      lines = List.copyOf(lines);
    }

    @Override
    public double width() {
      double w = Block.textWidth(title, FONT + 1);
      for (String l : lines) {
        w = Math.max(w, Block.textWidth(l, FONT - 1));
      }
      return Math.max(60, w + 20);
    }

    @Override
    public double height() {
      return 24 + 14 * lines.size();
    }

    @Override
    public void draw(Canvas c, double x, double y) {
      c.rect(x, y, width(), height(), 6, fill, "#333333", dashed);
      double cx = x + width() / 2;
      c.text(cx, y + 17, title, FONT + 1, "middle", "#000000", true);
      for (int i = 0; i < lines.size(); i++) {
        c.text(cx, y + 32 + 14 * i, lines.get(i), FONT - 1, "middle", "#333333", false);
      }
    }
  }

  /** Blocks one after another; {@code labels.get(i)} names the wire after block i ("" for none). */
  record Chain(List<Block> items, List<String> labels) implements Block {
    Chain {
      items = List.copyOf(items);
      labels = List.copyOf(labels);
    }

    @Override
    public double width() {
      double w = 0;
      for (int i = 0; i < items.size(); i++) {
        double lw = i < labels.size() ? 2 * (Block.textWidth(labels.get(i), FONT - 1) + 8) : 0;
        w = Math.max(w, Math.max(items.get(i).width(), lw));
      }
      return w;
    }

    @Override
    public double height() {
      double h = GAP * Math.max(0, items.size() - 1);
      for (Block b : items) {
        h += b.height();
      }
      return h;
    }

    @Override
    public void draw(Canvas c, double x, double y) {
      double cx = x + width() / 2;
      double cy = y;
      for (int i = 0; i < items.size(); i++) {
        Block b = items.get(i);
        b.draw(c, cx - b.width() / 2, cy);
        cy += b.height();
        if (i + 1 < items.size()) {
          wire(c, cx, cy, cx, cy + GAP, true);
          String label = i < labels.size() ? labels.get(i) : "";
          if (!label.isEmpty()) {
            c.text(cx + 6, cy + GAP / 2 + 4, label, FONT - 1, "start", LABEL, false);
          }
          cy += GAP;
        }
      }
    }
  }

  /** Branches side by side that split from one wire and merge into {@code merge}. */
  record Parallel(List<Block> branches, Block merge) implements Block {
    static final double HGAP = 20;
    static final double SPLIT = 24;

    Parallel {
      branches = List.copyOf(branches);
    }

    private double branchesWidth() {
      double w = HGAP * Math.max(0, branches.size() - 1);
      for (Block b : branches) {
        w += b.width();
      }
      return w;
    }

    private double branchesHeight() {
      double h = 0;
      for (Block b : branches) {
        h = Math.max(h, b.height());
      }
      return h;
    }

    @Override
    public double width() {
      return Math.max(branchesWidth(), merge.width());
    }

    @Override
    public double height() {
      return SPLIT + branchesHeight() + GAP + merge.height();
    }

    @Override
    public void draw(Canvas c, double x, double y) {
      double cx = x + width() / 2;
      double bx = cx - branchesWidth() / 2;
      double mergeY = y + SPLIT + branchesHeight() + GAP;
      c.circle(cx, y + 4, 3, WIRE, WIRE);
      for (Block b : branches) {
        double bcx = bx + b.width() / 2;
        c.polyline(
            List.of(
                new double[] {cx, y + 4},
                new double[] {bcx, y + SPLIT / 2},
                new double[] {bcx, y + SPLIT}),
            WIRE,
            false,
            true);
        b.draw(c, bx, y + SPLIT);
        c.polyline(
            List.of(
                new double[] {bcx, y + SPLIT + b.height()},
                new double[] {bcx, mergeY - GAP / 2},
                new double[] {cx, mergeY}),
            WIRE,
            false,
            true);
        bx += b.width() + HGAP;
      }
      merge.draw(c, cx - merge.width() / 2, mergeY);
    }
  }

  /** A body with a skip wire around it, added back at a ⊕ (a residual connection). */
  record Residual(Block body) implements Block {
    static final double SIDE = 28;
    static final double TOP = 14;
    static final double BOTTOM = 36;

    @Override
    public double width() {
      return body.width() + 2 * SIDE;
    }

    @Override
    public double height() {
      return TOP + body.height() + BOTTOM;
    }

    @Override
    public void draw(Canvas c, double x, double y) {
      double cx = x + width() / 2;
      double plusY = y + height() - 10;
      double right = x + width() - 6;
      c.circle(cx, y + 4, 3, WIRE, WIRE);
      wire(c, cx, y + 4, cx, y + TOP, true);
      body.draw(c, cx - body.width() / 2, y + TOP);
      wire(c, cx, y + TOP + body.height(), cx, plusY - 9, true);
      c.polyline(
          List.of(
              new double[] {cx, y + 4},
              new double[] {right, y + 4},
              new double[] {right, plusY},
              new double[] {cx + 9, plusY}),
          "#b03030",
          false,
          true);
      c.circle(cx, plusY, 9, "#ffffff", WIRE);
      c.text(cx, plusY + 5, "+", 14, "middle", "#000000", true);
    }
  }

  /** A block repeated {@code count} times, drawn once inside a dashed frame marked ×count. */
  record Folded(Block body, String count) implements Block {
    static final double PAD = 12;

    @Override
    public double width() {
      return body.width() + 2 * PAD + Block.textWidth("×" + count, FONT) + 8;
    }

    @Override
    public double height() {
      return body.height() + 2 * PAD;
    }

    @Override
    public void draw(Canvas c, double x, double y) {
      c.rect(x, y, width(), height(), 10, "#f7f7fb", "#6a6a9a", true);
      body.draw(c, x + width() / 2 - body.width() / 2, y + PAD);
      c.text(x + width() - 6, y + 16, "×" + count, FONT, "end", "#3a3a7a", true);
    }
  }

  /** A titled frame around the inside of a composite node. */
  record Framed(String title, List<String> lines, Block inner) implements Block {
    static final double PAD = 12;

    Framed {
      lines = List.copyOf(lines);
    }

    private double head() {
      return 22 + 13 * lines.size();
    }

    @Override
    public double width() {
      double w = Math.max(inner.width(), Block.textWidth(title, FONT + 1));
      for (String l : lines) {
        w = Math.max(w, Block.textWidth(l, FONT - 1));
      }
      return w + 2 * PAD;
    }

    @Override
    public double height() {
      return head() + inner.height() + PAD;
    }

    @Override
    public void draw(Canvas c, double x, double y) {
      c.rect(x, y, width(), height(), 10, "#fbfbf4", "#8a8a60", false);
      c.text(x + PAD, y + 16, title, FONT + 1, "start", "#000000", true);
      for (int i = 0; i < lines.size(); i++) {
        c.text(x + PAD, y + 30 + 13 * i, lines.get(i), FONT - 1, "start", "#333333", false);
      }
      inner.draw(c, x + width() / 2 - inner.width() / 2, y + head());
    }
  }
}
