package org.gyrus.nesy.clutrr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/**
 * The neural baseline: the same layered message passing with real-valued node vectors, messages by
 * an MLP over [sender state; relation embedding] (tanh(W2 relu(W1 [h; e_r] + b1) + b2)), mean
 * aggregation and a linear soft-max read-out. Its composition has no algebraic structure, so what
 * it learns on short paths need not carry over to long ones.
 */
public final class MeanGnn implements StoryModel {
  /** The registered learner {@code mean_gnn}. */
  @Register
  public static final class Factory implements StoryLearnerFactory {
    @Override
    public NodeType type() {
      List<ArgSpec> args =
          new ArrayList<>(
              List.of(ArgSpec.optional("width", Kind.INT, 64).range(2, 4096).doc("state width")));
      args.addAll(List.of(StoryLearnerFactory.training(0.003)));
      return NodeType.of(
          "mean_gnn",
          "baseline GNN: MLP messages over [state; relation embedding], mean aggregation",
          args.toArray(new ArgSpec[0]));
    }

    @Override
    public ClutrrTraining.Config configure(Args a, long seed) {
      return new ClutrrTraining.Config(
          "mean_gnn",
          a.smallInt("width"),
          null,
          false,
          0,
          2,
          a.smallInt("epochs"),
          a.smallInt("batch"),
          a.number("lr"),
          seed,
          a.smallInt("train_limit"));
    }
  }

  private final int width;
  private final NDArray start;
  private final NDArray embed;
  private final NDArray w1;
  private final NDArray b1;
  private final NDArray w2;
  private final NDArray b2;
  private final NDArray wo;
  private final NDArray bo;

  public MeanGnn(int relations, int width, int hidden, NDManager m, DataType type, long seed) {
    this.width = width;
    m.getEngine().setRandomSeed((int) seed);
    start = param(m, type, 1, new Shape(1, width));
    embed = param(m, type, 1, new Shape(relations, width));
    w1 = param(m, type, 2 * width, new Shape(2L * width, hidden));
    b1 = m.zeros(new Shape(hidden), type);
    w2 = param(m, type, hidden, new Shape(hidden, width));
    b2 = m.zeros(new Shape(width), type);
    wo = param(m, type, width, new Shape(width, relations));
    bo = m.zeros(new Shape(relations), type);
    for (NDArray p : parameters()) {
      p.setRequiresGradient(true);
    }
  }

  private static NDArray param(NDManager m, DataType type, int fanIn, Shape shape) {
    return m.randomNormal(0, (float) (1 / Math.sqrt(fanIn)), shape, type);
  }

  @Override
  public List<NDArray> parameters() {
    return List.of(start, embed, w1, b1, w2, b2, wo, bo);
  }

  @Override
  public NDArray logProbs(LayeredBatch b, NDManager m) {
    NDArray layer = StoryModel.local(start.broadcast(new Shape(b.size, width)), m);
    List<NDArray> all = new ArrayList<>(List.of(layer));
    for (int d = 1; d < b.layers(); d++) {
      NDArray from = StoryModel.rows(layer, b.sender[d], m);
      NDArray rel = StoryModel.rows(embed, b.relation[d], m);
      NDArray h = Activation.relu(from.concat(rel, 1).matMul(w1).add(b1));
      NDArray msg = h.matMul(w2).add(b2).tanh();
      NDArray sum = StoryModel.inbox(msg, b, d, 0f, m).sum(new int[] {1});
      float[] inv = new float[b.layerSize[d]];
      for (int v = 0; v < inv.length; v++) {
        inv[v] = 1f / b.degree[d][v];
      }
      NDArray scale = m.create(inv, new Shape(inv.length, 1)).toType(sum.getDataType(), false);
      layer = sum.mul(scale);
      all.add(layer);
    }
    NDArray states = NDArrays.concat(new NDList(all), 0);
    NDArray target = StoryModel.rows(states, b.targetRow, m);
    return target.matMul(wo).add(bo).logSoftmax(1);
  }
}
