package org.gyrus.nas.proxy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.gyrus.core.ArgSpec;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.Shapes;

/**
 * A proxy's network: the input's spec compiled with {@link Probes}, freshly initialised from the
 * input's seed (Glorot-uniform as gyrus-nn trains it, PyTorch's default as the published proxy
 * figures were measured, or unit Gaussian for Zen-NAS), with its batch, in one manager that {@link
 * #close} frees.
 */
final class Net implements AutoCloseable {
  static final Engine ENGINE = Engine.getEngine("PyTorch");

  final ProxyInput in;
  final CompiledModel model;
  final NDManager manager;
  final Block block;
  final ParameterStore ps;
  final DataType type;

  enum Init {
    /** DJL's Xavier-uniform, bound sqrt(12 / (fan_in + fan_out)): what gyrus-nn trains from. */
    GLOROT,
    /** Unit Gaussian (Zen-NAS). */
    GAUSSIAN,
    /**
     * PyTorch's default for convolutions and dense layers (Kaiming-uniform with a = sqrt 5):
     * weights and biases uniform in +-1/sqrt(fan_in). Abdelfattah et al. score NB201 networks from
     * it.
     */
    TORCH;

    /** {@code glorot} or {@code torch}: the {@code init} argument of the proxies that take one. */
    static Init of(String name) {
      return name.equals("torch") ? TORCH : GLOROT;
    }
  }

  /** The {@code init} argument shared by the proxies that score a freshly initialised network. */
  static ArgSpec initArg() {
    return ArgSpec.optional("init", ArgSpec.Kind.STR, "glorot")
        .oneOf("glorot", "torch")
        .doc("initial weights: glorot (as gyrus-nn trains) or torch (PyTorch's default)");
  }

  private Net(ProxyInput in, DataType type, boolean withHead, Init init) {
    this.in = in;
    this.type = type;
    this.model =
        CompiledModel.classifier(
            Probes.compiler(), in.spec(), in.input(), withHead ? in.classes() : 0);
    this.manager = ENGINE.newBaseManager();
    this.block = model.block();
    Initializer weights =
        switch (init) {
          case GAUSSIAN -> new NormalInitializer(1f);
          case TORCH -> (m, shape, t) -> uniform(m, shape.size() / shape.get(0), shape, t);
          case GLOROT ->
              new XavierInitializer(
                  XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 6);
        };
    block.setInitializer(weights, Parameter.Type.WEIGHT);
    ENGINE.setRandomSeed((int) in.seed());
    block.initialize(manager, type, Shapes.withBatch(1, in.input()));
    if (init == Init.TORCH) {
      torchBiases();
    }
    this.ps = new ParameterStore(manager, false);
  }

  private static NDArray uniform(NDManager m, long fanIn, Shape shape, DataType t) {
    float bound = (float) (1 / Math.sqrt(Math.max(1, fanIn)));
    return m.randomUniform(-bound, bound, shape, t);
  }

  /** A bias's bound is its layer's fan-in, which only the sibling weight's shape tells. */
  private void torchBiases() {
    Map<String, NDArray> byName = new HashMap<>();
    for (var p : block.getParameters()) {
      byName.put(p.getKey(), p.getValue().getArray());
    }
    for (var p : block.getParameters()) {
      Parameter param = p.getValue();
      NDArray w = byName.get(p.getKey().replaceAll("bias$", "weight"));
      if (param.getType() == Parameter.Type.BIAS && w != null && w.getShape().dimension() > 1) {
        NDArray b = param.getArray();
        Shape ws = w.getShape();
        b.subi(b).addi(uniform(manager, ws.size() / ws.get(0), b.getShape(), b.getDataType()));
      }
    }
  }

  /** The classifier (with its dense head), Glorot-initialised. */
  static Net classifier(ProxyInput in, DataType type) {
    return new Net(in, type, true, Init.GLOROT);
  }

  /** The classifier (with its dense head), initialised as {@code init} says. */
  static Net classifier(ProxyInput in, DataType type, Init init) {
    return new Net(in, type, true, init);
  }

  /** The body alone (no head added), initialised as {@code init} says. */
  static Net body(ProxyInput in, DataType type, Init init) {
    return new Net(in, type, false, init);
  }

  NDArray batch() {
    return manager.create(in.x(), Shapes.withBatch(in.batch(), in.input())).toType(type, false);
  }

  /** Standard normal examples drawn from the seed (offset by {@code stream}), batch shaped. */
  NDArray gaussian(long stream) {
    SplittableRandom rng = new SplittableRandom(in.seed() * 0x9E3779B97F4A7C15L + stream);
    float[] v = new float[in.x().length];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) nextGaussian(rng);
    }
    return manager.create(v, Shapes.withBatch(in.batch(), in.input())).toType(type, false);
  }

  private static double nextGaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  NDArray forward(NDArray x, boolean training) {
    return block.forward(ps, new NDList(x), training).singletonOrThrow();
  }

  /** Mean softmax cross-entropy of the logits against the batch's labels. */
  NDArray crossEntropy(NDArray logits) {
    NDArray oneHot = manager.create(in.y()).oneHot(in.classes()).toType(type, false);
    return Scalars.div(logits.logSoftmax(1).mul(oneHot).sum().neg(), in.batch());
  }

  /** The convolution and dense weights (not biases, not batch norm): what pruning scores. */
  List<NDArray> weights() {
    List<NDArray> out = new ArrayList<>();
    for (var p : block.getParameters()) {
      Parameter param = p.getValue();
      if (param.getType() == Parameter.Type.WEIGHT && param.requiresGradient()) {
        out.add(param.getArray());
      }
    }
    return out;
  }

  /** Gradients of {@code loss(net)} for {@link #weights}, as double arrays, in that order. */
  List<double[]> weightGradients(Function<Net, NDArray> loss) {
    List<NDArray> w = weights();
    for (NDArray a : w) {
      if (a.hasGradient()) {
        JniUtils.zeroGrad((PtNDArray) a); // not g - g, which keeps a NaN
      }
    }
    try (GradientCollector gc = ENGINE.newGradientCollector()) {
      gc.backward(loss.apply(this));
    }
    List<double[]> out = new ArrayList<>();
    for (NDArray a : w) {
      out.add(a.getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
    }
    return out;
  }

  static double[] values(NDArray a) {
    return a.toType(DataType.FLOAT64, false).toDoubleArray();
  }

  @Override
  public void close() {
    manager.close();
  }
}
