package org.gyrus.nn.memory;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A linear associative memory M (per head, dh × dh) written at test time, token by token, by one
 * gradient step on the attentional bias ℓ(M; k_t, v_t) (Titans with a linear memory; Miras
 * variants). With data-dependent gates α_t (forget), η_t (momentum) and θ_t (step):
 *
 * <pre>
 *   titans / moneta / yaad:  S_t = η_t S_{t−1} − θ_t ∇ℓ(M_{t−1}),  M_t = (1 − α_t) M_{t−1} + S_t
 *   memora (KL retention):   L_t = (1 − α_t) L_{t−1} − θ_t ∇ℓ(M_{t−1}),  M_t = softmax_rows(L_t)
 * </pre>
 *
 * and the read-out y_t = M_t q_t, evaluated chunk-wise ({@link MemoryScan}; chunk 1 = exact).
 * Memora's update is softmax(α log M − θ∇ℓ) written on logits L, which is the same map (softmax
 * ignores the per-row log-normaliser) without log(0). Keys and queries are ℓ2-normalised; with
 * {@code shift} q, k, v are projected from [x_t, x_{t−1}] (the short convolution Titans puts before
 * its projections, width 2). The outer parameters learn by backpropagation through the whole
 * recurrence (the inner gradient is hand-derived, see {@link AttentionalBias}).
 */
final class NeuralMemory extends AbstractBlock {
  /** Gate pre-activations are offset so that forgetting starts small: α ≈ sigmoid(−4). */
  private static final float FORGET_OFFSET = 4f;

  private final long width;
  private final long heads;
  private final boolean shift;
  private final MemoryScan scan;
  private final Linear q;
  private final Linear k;
  private final Linear v;
  private final Linear gates;
  private final Linear out;

  NeuralMemory(
      long width,
      long heads,
      boolean memora,
      AttentionalBias bias,
      boolean shift,
      int chunk,
      double maxStep) {
    this.width = width;
    this.heads = heads;
    this.shift = shift;
    this.scan = new MemoryScan(bias, memora, chunk, maxStep);
    q = addChildBlock("query", Linear.builder().setUnits(width).build());
    k = addChildBlock("key", Linear.builder().setUnits(width).build());
    v = addChildBlock("value", Linear.builder().setUnits(width).build());
    gates = addChildBlock("gates", Linear.builder().setUnits(3 * heads).build());
    out = addChildBlock("out", Linear.builder().setUnits(width).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray xs = shift ? Heads.shift(x) : x;
    long n = x.getShape().get(0);
    long t = x.getShape().get(1);
    NDArray qs = Heads.normalise(Heads.split(project(q, ps, xs, training), heads));
    NDArray ks = Heads.normalise(Heads.split(project(k, ps, xs, training), heads));
    NDArray vs = Heads.split(project(v, ps, xs, training), heads);
    // (N,T,3H) -> (N·H,T,3): per head forget, momentum, step
    NDArray g =
        project(gates, ps, xs, training)
            .reshape(n, t, 3, heads)
            .transpose(0, 3, 1, 2)
            .reshape(n * heads, t, 3);
    NDArray ys =
        scan.run(
            qs, ks, vs, g.get(":, :, 0").sub(FORGET_OFFSET), g.get(":, :, 1"), g.get(":, :, 2"));
    return out.forward(ps, new NDList(Heads.merge(ys, heads)), training);
  }

  private static NDArray project(Linear l, ParameterStore ps, NDArray x, boolean training) {
    return l.forward(ps, new NDList(x), training).singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {inputs[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
    Shape in = inputs[0];
    Shape xs = shift ? new Shape(in.get(0), in.get(1), 2 * in.get(2)) : in;
    for (Linear l : new Linear[] {q, k, v, gates}) {
      l.initialize(manager, dataType, xs);
    }
    out.initialize(manager, dataType, new Shape(in.get(0), in.get(1), width));
  }
}
