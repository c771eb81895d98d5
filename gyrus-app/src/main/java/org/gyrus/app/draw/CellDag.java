package org.gyrus.app.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A cell: numbered nodes that sum their inputs, joined by edges that each apply an operation (the
 * NAS-Bench-201 / DARTS picture). Nodes sit on one vertical line; an edge that skips nodes runs in
 * a side lane so no two edges overlap, and a {@code none} edge is a faint dashed wire.
 */
record CellDag(int nodes, List<Edge> edges) implements Block {
  static final double R = 13;

  /** An edge from node {@code from} to node {@code to}; {@code op} is null for a zero edge. */
  record Edge(int from, int to, Block op) {}

  CellDag {
    edges = List.copyOf(edges);
  }

  private double maxOpWidth() {
    double w = 50;
    for (Edge e : edges) {
      if (e.op() != null) {
        w = Math.max(w, e.op().width());
      }
    }
    return w;
  }

  private double row() {
    double h = 24;
    for (Edge e : edges) {
      if (e.op() != null) {
        h = Math.max(h, e.op().height());
      }
    }
    return h + 56;
  }

  /** Lane of each edge: shortest edges first, each in the first lane where it overlaps nothing. */
  private int[] lanes() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingInt((Integer i) -> edges.get(i).to() - edges.get(i).from())
            .thenComparingInt(i -> edges.get(i).from()));
    int[] lane = new int[edges.size()];
    List<List<int[]>> used = new ArrayList<>();
    for (int i : order) {
      Edge e = edges.get(i);
      int lo = Math.min(e.from(), e.to());
      int hi = Math.max(e.from(), e.to());
      int l = 0;
      while (true) {
        if (l == used.size()) {
          used.add(new ArrayList<>());
        }
        boolean free = true;
        for (int[] iv : used.get(l)) {
          if (lo < iv[1] && iv[0] < hi) {
            free = false;
            break;
          }
        }
        if (free) {
          used.get(l).add(new int[] {lo, hi});
          lane[i] = l;
          break;
        }
        l++;
      }
    }
    return lane;
  }

  /** Lane 0 is the centre line; lanes 1, 2, 3, ... alternate right, left, right, ... */
  private static int laneOffset(int lane) {
    return lane == 0 ? 0 : (lane % 2 == 1 ? (lane + 1) / 2 : -(lane / 2));
  }

  private int maxOffset() {
    int m = 0;
    for (int l : lanes()) {
      m = Math.max(m, Math.abs(laneOffset(l)));
    }
    return m;
  }

  @Override
  public double width() {
    return (2 * maxOffset() + 1) * (maxOpWidth() + 16);
  }

  @Override
  public double height() {
    return Math.max(0, nodes - 1) * row() + 2 * R;
  }

  @Override
  public void draw(Canvas c, double x, double y) {
    double cx = x + width() / 2;
    double unit = maxOpWidth() + 16;
    double row = row();
    int[] lane = lanes();
    for (int i = 0; i < edges.size(); i++) {
      Edge e = edges.get(i);
      double lx = cx + laneOffset(lane[i]) * unit;
      double y0 = y + R + e.from() * row + R;
      double y1 = y + R + e.to() * row - R;
      boolean down = y1 > y0;
      double bend = down ? 12 : -12;
      List<double[]> in = new ArrayList<>();
      in.add(new double[] {cx, y0});
      if (lx != cx) {
        in.add(new double[] {lx, y0 + bend});
      }
      double mid = (y0 + y1) / 2;
      if (e.op() == null) {
        List<double[]> all = new ArrayList<>(in);
        if (lx != cx) {
          all.add(new double[] {lx, y1 - bend});
        }
        all.add(new double[] {cx, y1});
        c.polyline(all, "#bbbbbb", true, true);
        c.text(lx + 4, mid + 4, "none", Blocks.FONT - 2, "start", "#999999", false);
        continue;
      }
      Block op = e.op();
      double top = mid - op.height() / 2;
      in.add(new double[] {lx, top});
      c.polyline(in, Blocks.WIRE, false, true);
      op.draw(c, lx - op.width() / 2, top);
      List<double[]> out = new ArrayList<>();
      out.add(new double[] {lx, top + op.height()});
      if (lx != cx) {
        out.add(new double[] {lx, y1 - bend});
      }
      out.add(new double[] {cx, y1});
      c.polyline(out, Blocks.WIRE, false, true);
    }
    for (int n = 0; n < nodes; n++) {
      double ny = y + R + n * row;
      c.circle(cx, ny, R, n == 0 || n == nodes - 1 ? "#dde8f5" : "#ffffff", "#333333");
      c.text(cx, ny + 4, Integer.toString(n), Blocks.FONT, "middle", "#000000", true);
    }
  }
}
