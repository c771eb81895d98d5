package org.gyrus.nn.ctm;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.Shapes;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * {@code {_type: ctm, neurons: 64, memory: 8, hidden: 4, ticks: 16, width: 32, heads: 2, sync_out:
 * 64, sync_action: 32, out: K}}: tokens (L,F) → logits per internal tick (ticks, K). See {@link
 * Ctm}; train it with {@link TickLoss}.
 */
@Register
public final class CtmType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "ctm",
          "Continuous Thought Machine: neuron-level models, synchronisation read-out, internal"
              + " ticks; (L,F) → (ticks,K)",
          ArgSpec.required("out", Kind.INT).range(1, 1 << 20).doc("logits per tick"),
          ArgSpec.optional("neurons", Kind.INT, 64).range(2, 1 << 14).doc("D"),
          ArgSpec.optional("memory", Kind.INT, 8).range(1, 256).doc("M: pre-activation history"),
          ArgSpec.optional("hidden", Kind.INT, 4).range(1, 256).doc("hidden units of each NLM"),
          ArgSpec.optional("ticks", Kind.INT, 16).range(1, 1024).doc("internal ticks"),
          ArgSpec.optional("width", Kind.INT, 32).range(1, 1 << 14).doc("attention width"),
          ArgSpec.optional("heads", Kind.INT, 2).range(1, 64).doc("must divide width"),
          ArgSpec.optional("sync_out", Kind.INT, 64).range(1, 1 << 16).doc("output pairs"),
          ArgSpec.optional("sync_action", Kind.INT, 32).range(1, 1 << 16).doc("query pairs"),
          ArgSpec.optional("seed", Kind.INT, 0).doc("draws the neuron pairs"));

  /** Checked arguments. */
  record Config(
      int out,
      int neurons,
      int memory,
      int hidden,
      int ticks,
      int width,
      int heads,
      int syncOut,
      int syncAction,
      int seed) {
    static Config of(Args a) {
      return new Config(
          a.smallInt("out"),
          a.smallInt("neurons"),
          a.smallInt("memory"),
          a.smallInt("hidden"),
          a.smallInt("ticks"),
          a.smallInt("width"),
          a.smallInt("heads"),
          a.smallInt("sync_out"),
          a.smallInt("sync_action"),
          a.smallInt("seed"));
    }
  }

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Config k = Config.of(TYPE.check(node, path));
    Shapes.requireRank(in, path, "ctm expects tokens (N,L,F)", 2);
    if (k.width() % k.heads() != 0) {
      throw new SpecError(path + ".heads", k.heads() + " heads must divide width=" + k.width());
    }
    long l = in.get(0);
    long f = in.get(1);
    long d = k.neurons();
    long w = k.width();
    long attention = (f * w + w) + 4 * (w * w + w) + (k.syncAction() * w + w) - (w * w + w);
    long synapse = (d + w) * 2 * d + 2 * d + 2 * d * d + d;
    long nlm = d * k.memory() * k.hidden() + d * k.hidden() + d * k.hidden() + d;
    long params =
        attention
            + l * w
            + synapse
            + nlm
            + d * k.memory()
            + d
            + k.syncOut()
            + k.syncAction()
            + k.syncOut() * k.out()
            + k.out();
    long perTick =
        2 * k.syncAction() * w
            + 4 * l * w
            + 2 * w * w
            + 2 * synapse
            + 2 * nlm
            + 2 * k.syncOut() * k.out();
    long flops = 2 * l * (f * w + 2 * w * w) + k.ticks() * perTick;
    return new Analysis(new Shape(k.ticks(), k.out()), params, flops);
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    return new Ctm(Config.of(TYPE.check(node, path)), in.get(0));
  }
}
