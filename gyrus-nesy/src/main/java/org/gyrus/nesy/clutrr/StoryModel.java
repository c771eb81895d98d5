package org.gyrus.nesy.clutrr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** A model answering CLUTRR queries by message passing over a {@link LayeredBatch}. */
public interface StoryModel {
  /** (batch, relations) log-probabilities of each story's answer. */
  NDArray logProbs(LayeredBatch batch, NDManager m);

  /** The trained arrays (gradients attached). */
  List<NDArray> parameters();

  /** Rows {@code idx} of a 2-D array, differentiably (a gather along axis 0), in {@code m}. */
  static NDArray rows(NDArray x, int[] idx, NDManager m) {
    long cols = x.getShape().get(1);
    long[] l = new long[idx.length];
    for (int i = 0; i < idx.length; i++) {
      l[i] = idx[i];
    }
    NDArray index = m.create(l, new Shape(idx.length, 1)).broadcast(new Shape(idx.length, cols));
    return local(x.gather(index, 0), m);
  }

  /**
   * Moves a temporary into the step's manager: results of operations whose first operand is a
   * parameter belong to the parameter's (long-lived) manager otherwise.
   */
  static NDArray local(NDArray x, NDManager m) {
    x.attach(m);
    return x;
  }

  /** The per-node inbox of one layer: messages (E, w) to (nodes, maxDegree, w), padded. */
  static NDArray inbox(NDArray messages, LayeredBatch b, int d, float pad, NDManager m) {
    long w = messages.getShape().get(1);
    NDArray padRow = m.full(new Shape(1, w), pad, messages.getDataType());
    NDArray all = messages.concat(padRow, 0);
    return rows(all, b.inbox[d], m).reshape(b.layerSize[d], b.maxDegree[d], w);
  }
}
