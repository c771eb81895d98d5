package org.gyrus.nn.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.nn.Scalars;

/**
 * A layer of leaky integrate-and-fire neurons (snnTorch {@code Leaky}) fed by a dense projection:
 * per step t, current I_t = x_t W + b, membrane U_t = β U_{t-1} + I_t − θ R_t with R_t the previous
 * step's spikes (reset by subtraction, detached as in snnTorch), spikes S_t = H(U_t − θ) with the
 * arctan surrogate gradient. A static input (N,F) is presented at every step (direct encoding); a
 * sequence (N,T,F) gives one step per time step. Output (N,T,U) spikes, or (N,U) spike rate, or
 * (N,U) mean membrane (logits for a readout layer), or (N,T,U) membrane trace. In smooth mode the
 * spikes and the reset use the smooth surrogate in the forward too, so the whole layer is
 * differentiable (gradient checks).
 */
public final class LifLayer extends AbstractBlock {
  /** What the layer returns. */
  public enum Output {
    SPIKES,
    RATE,
    MEMBRANE,
    TRACE
  }

  private final Parameter weight;
  private final Parameter bias;
  private final int steps;
  private final double beta;
  private final double threshold;
  private final double alpha;
  private final Output output;
  private final boolean smooth;

  public LifLayer(
      int in,
      int units,
      int steps,
      double beta,
      double threshold,
      double alpha,
      Output output,
      boolean smooth) {
    this.steps = steps;
    this.beta = beta;
    this.threshold = threshold;
    this.alpha = alpha;
    this.output = output;
    this.smooth = smooth;
    float bound = (float) (1 / Math.sqrt(in)); // PyTorch nn.Linear's default range
    Initializer uniform = (m, s, d) -> m.randomUniform(-bound, bound, s, d);
    weight = addParameter(param("weight", new Shape(in, units), uniform));
    bias = addParameter(param("bias", new Shape(units), uniform));
  }

  private static Parameter param(String name, Shape shape, Initializer init) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(shape)
        .optInitializer(init)
        .build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    var dev = x.getDevice();
    NDArray cur =
        x.matMul(ps.getValue(weight, dev, training)).add(ps.getValue(bias, dev, training));
    boolean sequence = x.getShape().dimension() == 3;
    int t = sequence ? (int) x.getShape().get(1) : steps;
    NDArray mem = cur.zerosLike();
    if (sequence) {
      mem = mem.get(new NDIndex(":, 0, :"));
    }
    NDArray reset = mem.zerosLike();
    List<NDArray> out = new ArrayList<>(t);
    NDArray memSum = null;
    for (int k = 0; k < t; k++) {
      NDArray in = sequence ? cur.get(new NDIndex(":, {}, :", k)) : cur;
      mem = Scalars.mul(mem, beta).add(in).sub(reset.mul(threshold));
      NDArray u = mem.sub(threshold);
      NDArray spk = smooth ? Surrogate.smooth(u, alpha) : Surrogate.spike(u, alpha);
      reset = smooth ? spk : spk.stopGradient();
      if (output == Output.MEMBRANE) {
        memSum = memSum == null ? mem : memSum.add(mem);
      } else if (output == Output.TRACE) {
        out.add(mem);
      } else {
        out.add(spk);
      }
    }
    return switch (output) {
      case MEMBRANE -> new NDList(Scalars.div(memSum, t));
      case RATE -> new NDList(NDArrays.stack(new NDList(out), 1).mean(new int[] {1}));
      default -> new NDList(NDArrays.stack(new NDList(out), 1));
    };
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    Shape in = inputs[0];
    long n = in.get(0);
    long u = weight.getShape().get(1);
    long t = in.dimension() == 3 ? in.get(1) : steps;
    boolean perStep = output == Output.SPIKES || output == Output.TRACE;
    return new Shape[] {perStep ? new Shape(n, t, u) : new Shape(n, u)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {}
}
