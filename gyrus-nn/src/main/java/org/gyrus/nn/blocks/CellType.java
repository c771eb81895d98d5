package org.gyrus.nn.blocks;

import static org.gyrus.nn.blocks.Shapes.positive;
import static org.gyrus.nn.blocks.Shapes.requireRank;
import static org.gyrus.nn.blocks.Shapes.show;
import static org.gyrus.nn.blocks.Shapes.size;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;

/**
 * A cell whose edges are ops on a DAG, as in NAS-Bench-201: {@code {_type: cell, nodes: 4,
 * channels: C, edges: [{_type: edge, from: 0, to: 1, op: nor_conv_3x3}, ...]}}. Node 0 is the
 * input, node j sums its incoming edges, the last node is the output. An op is one of {@code none,
 * skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3} or any shape-keeping layer spec.
 */
final class CellType implements BlockType {
  /** One resolved edge: endpoints and the op as a layer spec (null for none). */
  record Edge(int from, int to, Value op, String path) {}

  @Override
  public NodeType type() {
    return NodeType.of(
        "cell",
        "a DAG cell as in NAS-Bench-201: node j sums its incoming edge ops",
        ArgSpec.optional("nodes", Kind.INT, 4).min(2).doc("nodes, input and output included"),
        ArgSpec.optional("channels", Kind.INT).min(1).doc("default: the input's"),
        ArgSpec.optional("conv_bias", Kind.BOOL, false)
            .doc(
                "nor_conv ops' convolutions carry a bias (the zero-cost-nas reference's cells,"
                    + " whose batch norm is affine-free)"),
        ArgSpec.optional("zero_nodes", Kind.BOOL, false)
            .doc(
                "a node without live input is a zero tensor its out-edges still process (the"
                    + " reference's none op multiplies by zero) instead of being skipped"),
        ArgSpec.required("edges", Kind.LIST).doc("edge nodes {from, to, op}"));
  }

  static Value expand(Value op, long channels, String path) {
    return expand(op, channels, path, false);
  }

  static Value expand(Value op, long channels, String path, boolean convBias) {
    if (op instanceof Node) {
      return op;
    }
    String name = op instanceof Value.StrVal s ? s.value() : String.valueOf(op);
    return switch (name) {
      case "none" -> null;
      case "skip_connect" -> Node.of("identity");
      case "nor_conv_1x1" -> norConv(channels, 1, convBias);
      case "nor_conv_3x3" -> norConv(channels, 3, convBias);
      case "avg_pool_3x3" -> Node.of("avg_pool", "kernel", 3, "stride", 1, "padding", 1);
      default ->
          throw new SpecError(
              path,
              "an op: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3 or a layer node",
              "'" + name + "'");
    };
  }

  /** ReLU, convolution (without bias unless asked), batch norm: NAS-Bench-201's ReLUConvBN. */
  private static Value norConv(long c, int k, boolean bias) {
    return Value.ListVal.of(
        Node.of("relu"),
        Node.of("conv2d", "filters", c, "kernel", k, "padding", k / 2, "bias", bias),
        Node.of("batch_norm"));
  }

  static List<Edge> edges(Node node, long nodes, long channels, String path) {
    List<Edge> edges = new ArrayList<>();
    List<Value> raw = node.listArg("edges");
    boolean bias = node.boolArg("conv_bias", false);
    for (int i = 0; i < raw.size(); i++) {
      String p = path + ".edges[" + i + "]";
      if (!(raw.get(i) instanceof Node e) || !e.type().equals("edge")) {
        throw new SpecError(p, "an edge node {_type: edge, from, to, op}", "" + raw.get(i));
      }
      long from = e.intArg("from", -1);
      long to = e.intArg("to", -1);
      if (from < 0 || to <= from || to >= nodes) {
        throw new SpecError(p, "0 <= from < to < " + nodes, "from " + from + ", to " + to);
      }
      Value op = e.arg("op");
      if (op == null) {
        throw new SpecError(p + ".op", "an op", "nothing");
      }
      edges.add(new Edge((int) from, (int) to, expand(op, channels, p + ".op", bias), p + ".op"));
    }
    return edges;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    requireRank(in, path, "cell expects 4 axes (N,C,H,W)", 3);
    long nodes = positive(node, "nodes", 4, path);
    long channels = positive(node, "channels", in.get(0), path);
    if (channels != in.get(0)) {
      throw new SpecError(path, "cell has " + channels + " channels but its input is " + show(in));
    }
    long params = 0;
    long flops = 0;
    for (Edge e : edges(node, nodes, channels, path)) {
      if (e.op() == null) {
        continue;
      }
      Analysis a = c.analyse(e.op(), in, e.path());
      if (!a.output().equals(in)) {
        throw new SpecError(
            e.path(), "a cell op must keep the shape " + show(in) + ", got " + show(a.output()));
      }
      params += a.params();
      flops += a.flops() + size(in);
    }
    return new Analysis(in, params, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    long nodes = node.intArg("nodes", 4);
    long channels = node.intArg("channels", in.get(0));
    List<Edge> live = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    for (Edge e : edges(node, nodes, channels, path)) {
      if (e.op() != null) {
        live.add(e);
        blocks.add(c.build(e.op(), in, e.path()));
      }
    }
    return new CellBlock((int) nodes, live, blocks, node.boolArg("zero_nodes", false));
  }

  /**
   * Evaluates the DAG in node order; a node with no live incoming edge is zero, and its out-edges
   * are skipped unless {@code zeroNodes} (then they process the zeros: a convolution with a bias
   * and batch norm on batch statistics still yields gradients there, as in the reference).
   */
  static final class CellBlock extends AbstractBlock {
    private final int nodes;
    private final List<Edge> edges;
    private final List<Block> ops;
    private final boolean zeroNodes;

    CellBlock(int nodes, List<Edge> edges, List<Block> ops, boolean zeroNodes) {
      this.nodes = nodes;
      this.zeroNodes = zeroNodes;
      this.edges = edges;
      this.ops = ops;
      for (int i = 0; i < ops.size(); i++) {
        Edge e = edges.get(i);
        addChildBlock("e" + e.from() + "_" + e.to() + "_" + i, ops.get(i));
      }
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray[] state = new NDArray[nodes];
      state[0] = inputs.singletonOrThrow();
      for (int j = 1; j < nodes; j++) {
        NDArray sum = null;
        for (int i = 0; i < edges.size(); i++) {
          Edge e = edges.get(i);
          if (e.to() != j || state[e.from()] == null) {
            continue;
          }
          NDArray y = ops.get(i).forward(ps, new NDList(state[e.from()]), training).head();
          sum = sum == null ? y : sum.add(y);
        }
        state[j] = sum == null && zeroNodes ? state[0].zerosLike() : sum;
      }
      NDArray last = state[nodes - 1];
      return new NDList(last == null ? state[0].zerosLike() : last);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
      return new Shape[] {inputs[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
      for (Block b : ops) {
        b.initialize(manager, dataType, inputs[0]);
      }
    }
  }
}
