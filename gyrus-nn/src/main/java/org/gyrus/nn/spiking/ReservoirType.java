package org.gyrus.nn.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.Shapes;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * {@code {_type: reservoir, kind: spiking, neurons: 300, windows: 4, connectivity: 0.1, seed: 1}}:
 * the fixed random recurrent network of a liquid state machine (B10, {@link SpikingReservoir}) or
 * an echo-state network ({@link EchoStateNetwork}) as a network layer. A sequence (T,F) — or an
 * image (C,H,W) read row by row as T = C·H steps of W features — becomes each neuron's activity in
 * {@code windows} equal time windows, (windows · neurons). The reservoir is built from {@code seed}
 * alone, so one spec is one reservoir on every task (zero-shot reuse: only what follows trains). It
 * has no parameters and passes no gradient back (spikes are simulated on the host), so it belongs
 * on the input.
 */
@Register
public final class ReservoirType implements BlockType {
  static final NodeType TYPE =
      NodeType.of(
          "reservoir",
          "fixed random recurrent reservoir (liquid state machine or echo-state network):"
              + " (T,F) or (C,H,W) rows -> activity per neuron in time windows",
          ArgSpec.optional("kind", Kind.STR, "spiking")
              .oneOf("spiking", "echo")
              .doc("spiking: 80/20 E/I LIF neurons, spike counts; echo: tanh ESN, mean states"),
          ArgSpec.optional("neurons", Kind.INT, 300).range(1, 1 << 15).doc("reservoir size N"),
          ArgSpec.optional("windows", Kind.INT, 4)
              .range(1, 1 << 10)
              .doc("equal time windows the activity is summed over"),
          ArgSpec.optional("connectivity", Kind.FLOAT, 0.1)
              .range(0, 1)
              .doc("probability of a recurrent synapse"),
          ArgSpec.optional("seed", Kind.INT, 1).doc("the reservoir's wiring"));

  @Override
  public NodeType type() {
    return TYPE;
  }

  @Override
  public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    Shapes.requireRank(
        in, path, "reservoir expects a sequence (T,F) or an image (C,H,W) read row by row", 2, 3);
    long steps = steps(in);
    long f = in.get(in.dimension() - 1);
    long n = a.integer("neurons");
    long synapses = Math.round(n * n * a.number("connectivity"));
    long perStep = a.string("kind").equals("spiking") ? 4 * (synapses + 3 * n) : 2 * synapses;
    return new Analysis(new Shape(n * a.integer("windows")), 0, steps * (2 * f * n + perStep));
  }

  @Override
  public Block build(Node node, Shape in, String path, SpecCompiler c) {
    Args a = TYPE.check(node, path);
    int f = (int) in.get(in.dimension() - 1);
    int n = a.smallInt("neurons");
    int windows = a.smallInt("windows");
    double p = a.number("connectivity");
    long seed = a.integer("seed");
    Reservoir r =
        a.string("kind").equals("spiking")
            // the LSM row's settings (bench/blocks_dynamics lsm): weight 0.1, input 0.15, 4
            // sub-steps
            ? new SpikingReservoir(n, f, p, 0.1, 0.15, 4, windows, seed)
            // ESN: spectral radius 0.9, input scale 0.5, leak 0.5
            : new EchoStateNetwork(n, f, p, 0.9, 0.5, 0.5, windows, seed);
    return new ReservoirBlock(r, (int) steps(in));
  }

  private static long steps(Shape in) {
    return in.dimension() == 2 ? in.get(0) : in.get(0) * in.get(1);
  }

  /** Runs each example of the batch through the reservoir on the host. */
  static final class ReservoirBlock extends AbstractBlock {
    private final Reservoir reservoir;
    private final int steps;

    ReservoirBlock(Reservoir reservoir, int steps) {
      this.reservoir = reservoir;
      this.steps = steps;
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray x = inputs.singletonOrThrow();
      int batch = (int) x.getShape().get(0);
      int per = (int) (x.getShape().size() / batch);
      float[] in = x.toType(DataType.FLOAT32, false).toFloatArray();
      int k = reservoir.features();
      float[] out = new float[batch * k];
      float[] one = new float[per];
      for (int b = 0; b < batch; b++) {
        System.arraycopy(in, b * per, one, 0, per);
        System.arraycopy(reservoir.run(one, steps), 0, out, b * k, k);
      }
      NDArray y = x.getManager().create(out, new Shape(batch, k));
      return new NDList(y.toType(x.getDataType(), false));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
      return new Shape[] {new Shape(inputs[0].get(0), reservoir.features())};
    }
  }
}
