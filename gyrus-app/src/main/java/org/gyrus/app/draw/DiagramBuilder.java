package org.gyrus.app.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gyrus.core.Hyper;
import org.gyrus.core.Value;

/**
 * Turns a spec tree into blocks. It knows only the shape of the tree: a list or a sequential node
 * is a chain, parallel/concat nodes are branches side by side, residual nodes get a skip wire, a
 * {@code cell} is a DAG of edges, equal neighbours and {@code repeat} fold into one block marked
 * with the count, and any other node is a box (or a frame when it holds sub-specs).
 */
final class DiagramBuilder {
  private static final Set<String> SEQUENTIAL =
      Set.of("sequential", "seq", "chain", "stack", "pipeline", "model", "network", "net");
  private static final Set<String> PARALLEL =
      Set.of("parallel", "branches", "concat", "add", "sum", "inception", "fork");

  /** Blocks drawn with their own caption and colour (issue 18): {caption, fill}. */
  private static final Map<String, String[]> MARKED =
      Map.of(
          "kan", new String[] {"KAN: φ(x) on every edge", "#e2f3e4"},
          "skan", new String[] {"S-KAN: φ from spline|cheb|fourier|wavelet", "#e2f3e4"},
          "quadratic", new String[] {"quadratic: (Wx)⊙(Wx)+W(x²)", "#fbe4e4"},
          "spectral_conv", new String[] {"spectral: FFT→modes→iFFT", "#ece4fb"},
          "fno", new String[] {"FNO: lift→[FFT modes+1×1]×L→proj", "#ece4fb"},
          "moe", new String[] {"MoE: top-k of E experts by gates", "#fff2d6"},
          "karat", new String[] {"KArAt: Fourier-KAN score→weight map", "#e2f3e4"});

  private static final int MAX_LINE = 44;
  private static final int MAX_LINES = 5;

  /** The fill of a box whose part differs between compared trials. */
  static final String HIGHLIGHT = "#ffd54f";

  private final ShapeAnnotator annotator;
  private final Set<String> highlight;

  DiagramBuilder(ShapeAnnotator annotator) {
    this(annotator, Set.of());
  }

  /** Boxes at the spec paths in {@code highlight} are filled with {@link #HIGHLIGHT}. */
  DiagramBuilder(ShapeAnnotator annotator, Set<String> highlight) {
    this.annotator = annotator;
    this.highlight = highlight;
  }

  private String fill(String path, String usual) {
    return highlight.contains(path) ? HIGHLIGHT : usual;
  }

  Block build(Value v, String path) {
    if (v instanceof Value.Node n) {
      return node(n, path);
    }
    if (v instanceof Value.ListVal l) {
      return chain(l.items(), path);
    }
    if (v instanceof Hyper h) {
      return hyper(h, path);
    }
    return new Blocks.Op(short_(scalar(v)), List.of(), fill(path, "#eef3fb"), false);
  }

  private Block node(Value.Node n, String path) {
    String type = n.type().toLowerCase(Locale.ROOT);
    if (type.equals("experiment")) {
      Value inner = n.arg("space") != null ? n.arg("space") : n.arg("model");
      if (inner != null) {
        return build(inner, "");
      }
    }
    if (type.equals("cell") && isEdgeList(n.listArg("edges"))) {
      return cell(n, path);
    }
    if (type.equals("repeat") && n.arg("body") != null) {
      Value count = n.arg("count") != null ? n.arg("count") : n.arg("times");
      return new Blocks.Folded(
          build(n.arg("body"), join(path, "body")), count == null ? "n" : scalar(count));
    }
    List<String> lines = new ArrayList<>();
    List<Value> children = new ArrayList<>();
    List<String> childPaths = new ArrayList<>();
    for (Map.Entry<String, Value> e : n.args().entrySet()) {
      if (isStructural(e.getValue())) {
        String p = join(path, e.getKey());
        if (e.getValue() instanceof Value.ListVal l) {
          for (int i = 0; i < l.items().size(); i++) {
            children.add(l.items().get(i));
            childPaths.add(p + "[" + i + "]");
          }
        } else {
          children.add(e.getValue());
          childPaths.add(p);
        }
      } else if (lines.size() < MAX_LINES) {
        lines.add(short_(e.getKey() + "=" + scalar(e.getValue())));
      }
    }
    if (type.equals("model") && !"none".equals(n.strArg("head", "auto"))) {
      // the training evaluator appends flatten + dense(classes): draw what is trained
      children.add(Value.Node.of("classifier_head", "layers", "flatten, dense 10"));
      childPaths.add(join(path, "head"));
      lines.removeIf(l -> l.startsWith("head="));
    }
    if (children.isEmpty() && MARKED.containsKey(type)) {
      String[] mark = MARKED.get(type);
      return new Blocks.Op(mark[0], lines, mark[1], false);
    }
    if (children.isEmpty()) {
      return new Blocks.Op(n.type(), lines, fill(path, "#eef3fb"), false);
    }
    if (type.equals("residual") || n.boolArg("residual", false)) {
      return new Blocks.Residual(chain(children, childPaths));
    }
    if (PARALLEL.contains(type)) {
      List<Block> branches = new ArrayList<>();
      for (int i = 0; i < children.size(); i++) {
        branches.add(build(children.get(i), childPaths.get(i)));
      }
      String usual =
          type.equals("parallel") || type.equals("add") || type.equals("sum") ? "add" : "concat";
      String merge = n.strArg("join", usual);
      return new Blocks.Parallel(branches, new Blocks.Op(merge, lines, "#f5ecdd", false));
    }
    Block inner = chain(children, childPaths);
    if (SEQUENTIAL.contains(type) && lines.isEmpty()) {
      return inner;
    }
    return new Blocks.Framed(n.type(), lines, inner);
  }

  private Block cell(Value.Node n, String path) {
    List<Value> edgeVals = n.listArg("edges");
    int nodes = (int) n.intArg("nodes", 0);
    List<CellDag.Edge> edges = new ArrayList<>();
    for (int i = 0; i < edgeVals.size(); i++) {
      Value.Node e = (Value.Node) edgeVals.get(i);
      int from = (int) e.intArg("from", 0);
      int to = (int) e.intArg("to", 0);
      nodes = Math.max(nodes, Math.max(from, to) + 1);
      Value op = e.arg("op");
      boolean none = op == null || (op instanceof Value.StrVal s && s.value().equals("none"));
      edges.add(new CellDag.Edge(from, to, none ? null : build(op, path + "edges[" + i + "].op")));
    }
    return new CellDag(nodes, edges);
  }

  private Block hyper(Hyper h, String path) {
    if (h instanceof Hyper.OneOf o) {
      if (o.candidates().stream().allMatch(c -> !isStructural(c))) {
        return new Blocks.Op("oneOf", wrap(o.candidates()), "#fff6d5", true);
      }
      List<Block> branches = new ArrayList<>();
      for (int i = 0; i < o.candidates().size(); i++) {
        branches.add(build(o.candidates().get(i), path + "#" + i));
      }
      return new Blocks.Parallel(branches, new Blocks.Op("choose one", List.of(), "#fff6d5", true));
    }
    if (h instanceof Hyper.Repeat r) {
      return new Blocks.Folded(build(r.body(), path), scalar(r.count()));
    }
    if (h instanceof Hyper.OptionalOf o) {
      return new Blocks.Framed("optional", List.of(), build(o.body(), path));
    }
    if (h instanceof Hyper.ManyOf m) {
      return new Blocks.Op("manyOf k=" + m.k(), wrap(m.candidates()), "#fff6d5", true);
    }
    return new Blocks.Op(short_(scalar(h)), List.of(), "#fff6d5", true);
  }

  private Block chain(List<Value> items, String path) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      paths.add(path + "[" + i + "]");
    }
    return chain(items, paths);
  }

  /** A chain where runs of equal neighbours fold into one block marked with the run length. */
  private Block chain(List<Value> items, List<String> paths) {
    List<Block> blocks = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int i = 0;
    while (i < items.size()) {
      int j = i + 1;
      while (j < items.size() && items.get(j).equals(items.get(i))) {
        j++;
      }
      Block b = build(items.get(i), paths.get(i));
      blocks.add(j - i > 1 ? new Blocks.Folded(b, Integer.toString(j - i)) : b);
      Value last = items.get(j - 1);
      labels.add(outputLabel(last, paths.get(j - 1)));
      i = j;
    }
    return blocks.size() == 1 ? blocks.get(0) : new Blocks.Chain(blocks, labels);
  }

  /** The label leaving a node, or leaving the last node of a (nested) list. */
  private String outputLabel(Value v, String path) {
    if (v instanceof Value.Node n) {
      return annotator.outputLabel(path, n).orElse("");
    }
    if (v instanceof Value.ListVal l && !l.items().isEmpty()) {
      int last = l.items().size() - 1;
      return outputLabel(l.items().get(last), path + "[" + last + "]");
    }
    return "";
  }

  private static boolean isEdgeList(List<Value> items) {
    return !items.isEmpty()
        && items.stream()
            .allMatch(
                v -> v instanceof Value.Node e && e.arg("from") != null && e.arg("to") != null);
  }

  /** Whether a value is a sub-network to draw rather than an argument to print. */
  static boolean isStructural(Value v) {
    if (v instanceof Value.Node) {
      return true;
    }
    if (v instanceof Value.ListVal l) {
      return !l.items().isEmpty() && l.items().stream().allMatch(DiagramBuilder::isStructural);
    }
    if (v instanceof Hyper.OneOf o) {
      return o.candidates().stream().anyMatch(DiagramBuilder::isStructural);
    }
    if (v instanceof Hyper.Repeat || v instanceof Hyper.OptionalOf) {
      return true;
    }
    return false;
  }

  private static List<String> wrap(List<Value> candidates) {
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (Value c : candidates) {
      String s = scalar(c);
      if (cur.length() > 0 && cur.length() + s.length() + 3 > MAX_LINE) {
        lines.add(cur.toString());
        cur.setLength(0);
      }
      cur.append(cur.length() == 0 ? "" : " | ").append(s);
    }
    if (cur.length() > 0) {
      lines.add(cur.toString());
    }
    return lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
  }

  static String scalar(Value v) {
    if (v instanceof Value.StrVal s) {
      return s.value();
    }
    if (v instanceof Value.Node n) {
      return n.type();
    }
    if (v instanceof Hyper.OneOf o) {
      List<String> parts = new ArrayList<>();
      for (Value c : o.candidates()) {
        parts.add(scalar(c));
      }
      return "oneOf(" + String.join("|", parts) + ")";
    }
    if (v instanceof Hyper.IntRange r) {
      return "int[" + r.lo() + ".." + r.hi() + (r.step() == 1 ? "" : " step " + r.step()) + "]";
    }
    if (v instanceof Hyper.FloatRange r) {
      return "float[" + r.lo() + ".." + r.hi() + (r.log() ? " log" : "") + "]";
    }
    if (v instanceof Hyper.ManyOf m) {
      return "manyOf(" + m.k() + ")";
    }
    if (v instanceof Hyper.Repeat r) {
      return "repeat(" + scalar(r.count()) + ")";
    }
    if (v instanceof Hyper.OptionalOf) {
      return "optional";
    }
    return String.valueOf(v);
  }

  private static String short_(String s) {
    return s.length() <= MAX_LINE ? s : s.substring(0, MAX_LINE - 1) + "…";
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
