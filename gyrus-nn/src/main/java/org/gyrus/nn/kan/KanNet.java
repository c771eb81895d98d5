package org.gyrus.nn.kan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * A compiled spec in float64 fitted by full-batch regression (MSE): the way KANs are trained in
 * pykan. Gives the trainable parameters as one flat vector (for {@link org.gyrus.nn.train.Lbfgs}),
 * the input of every layer (for grid updates and symbolic fits) and the {@link KanLayer}s in order.
 */
public final class KanNet {
  private final Value spec;
  private final int inputs;
  private final NDManager manager;
  private final Block block;
  private final ParameterStore ps;
  private final List<Block> layers = new ArrayList<>();
  private final List<NDArray> params = new ArrayList<>();

  private KanNet(Value spec, int inputs, NDManager manager, Block block) {
    this.spec = spec;
    this.inputs = inputs;
    this.manager = manager;
    this.block = block;
    this.ps = new ParameterStore(manager, false);
    flatten(block, layers);
    for (Parameter p : block.getParameters().values()) {
      if (p.requiresGradient()) {
        params.add(p.getArray());
      }
    }
  }

  /** Compiles and initialises {@code spec} for (N, inputs) in float64, engine seeded. */
  public static KanNet of(Value spec, int inputs, NDManager manager, int seed) {
    Shape in = new Shape(inputs);
    SpecCompiler c = SpecCompiler.standard();
    var a = c.analyse(spec, in, "model");
    CompiledModel cm =
        new CompiledModel(spec, c.build(spec, in, "model"), in, a.output(), a.params(), 0);
    Engine.getEngine("PyTorch").setRandomSeed(seed);
    return new KanNet(spec, inputs, manager, cm.initialize(manager, DataType.FLOAT64));
  }

  private static void flatten(Block b, List<Block> out) {
    if (b instanceof SequentialBlock s) {
      for (Block child : s.getChildren().values()) {
        flatten(child, out);
      }
    } else {
      out.add(b);
    }
  }

  public Value spec() {
    return spec;
  }

  public int inputs() {
    return inputs;
  }

  public NDManager manager() {
    return manager;
  }

  public Block block() {
    return block;
  }

  public ParameterStore store() {
    return ps;
  }

  /** The KAN layers in forward order. */
  public List<KanLayer> kanLayers() {
    List<KanLayer> k = new ArrayList<>();
    for (Block b : layers) {
      if (b instanceof KanLayer l) {
        k.add(l);
      }
    }
    return k;
  }

  public long parameterCount() {
    long n = 0;
    for (NDArray p : params) {
      n += p.size();
    }
    return n;
  }

  public NDArray forward(NDArray x) {
    return block.forward(ps, new NDList(x), false).singletonOrThrow();
  }

  /** The input of each top-level layer, in order (the caller's scope owns them). */
  public List<NDArray> layerInputs(NDArray x) {
    List<NDArray> ins = new ArrayList<>();
    NDArray h = x;
    for (Block b : layers) {
      ins.add(h);
      h = b.forward(ps, new NDList(h), false).singletonOrThrow();
    }
    return ins;
  }

  /** The input of each KAN layer, in the order of {@link #kanLayers()}. */
  public List<NDArray> kanInputs(NDArray x) {
    List<NDArray> all = layerInputs(x);
    List<NDArray> k = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof KanLayer) {
        k.add(all.get(i));
      }
    }
    return k;
  }

  public double[] flat() {
    double[] w = new double[(int) parameterCount()];
    int off = 0;
    for (NDArray p : params) {
      double[] v = p.toDoubleArray();
      System.arraycopy(v, 0, w, off, v.length);
      off += v.length;
    }
    return w;
  }

  public void setFlat(double[] w) {
    int off = 0;
    for (NDArray p : params) {
      int n = (int) p.size();
      p.set(DoubleBuffer.wrap(java.util.Arrays.copyOfRange(w, off, off + n)));
      off += n;
    }
  }

  /** Mean squared error at w, gradient into grad (a full-batch pass). */
  public double mse(double[] w, double[] grad, NDArray x, NDArray y) {
    return loss(w, grad, x, y, 0);
  }

  /**
   * MSE plus lambda × Σ over KAN edges of mean |φ_ij| (pykan's L1 sparsity term, which lets pruning
   * find unused edges); gradient into grad.
   */
  public double loss(double[] w, double[] grad, NDArray x, NDArray y, double lambda) {
    return objective(w, grad, () -> regularised(x, y, lambda));
  }

  private NDArray regularised(NDArray x, NDArray y, double lambda) {
    NDArray h = x;
    NDArray reg = null;
    for (Block b : layers) {
      if (lambda > 0 && b instanceof KanLayer k) {
        NDArray l1 = k.edges(ps, h, true).abs().mean(new int[] {0}).sum();
        reg = reg == null ? l1 : reg.add(l1);
      }
      h = b.forward(ps, new NDList(h), true).singletonOrThrow();
    }
    NDArray loss = h.sub(y).square().mean();
    return reg == null ? loss : loss.add(Scalars.mul(reg, lambda));
  }

  /** Any scalar loss of the parameters w (built by lossFn in training mode); gradient into grad. */
  public double objective(double[] w, double[] grad, java.util.function.Supplier<NDArray> lossFn) {
    setFlat(w);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray loss;
      try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
        loss = lossFn.get();
        gc.backward(loss);
      }
      int off = 0;
      for (NDArray p : params) {
        double[] g = p.getGradient().toDoubleArray();
        System.arraycopy(g, 0, grad, off, g.length);
        off += g.length;
        JniUtils.zeroGrad((PtNDArray) p);
      }
      return loss.getDouble();
    }
  }

  public double rmse(NDArray x, NDArray y) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      return Math.sqrt(forward(x).sub(y).square().mean().getDouble());
    }
  }

  /** Replaces one parameter's values (same shape). */
  static void set(Parameter p, double[] values) {
    p.getArray().set(DoubleBuffer.wrap(values));
  }
}
