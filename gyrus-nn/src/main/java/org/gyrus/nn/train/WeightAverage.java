package org.gyrus.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gyrus.core.SpecError;
import org.gyrus.nn.Scalars;

/**
 * An exponential moving average of a block's parameters (Polyak averaging), kept beside the live
 * weights and swapped in for evaluation. Late in training Adam's iterates jitter around a minimum;
 * their average sits nearer its centre, which is worth a few tenths of a percent of test accuracy
 * on MNIST digits — the margin that decides a 200-digit sum. Every parameter is averaged, batch
 * norm's running statistics included (so they match the averaged weights they normalise).
 *
 * <p>Use: {@link #update()} after every optimiser step; {@link #withAverage} around evaluation.
 */
public final class WeightAverage implements AutoCloseable {
  private final double decay;
  private final List<Parameter> params = new ArrayList<>();
  private final List<NDArray> average = new ArrayList<>();
  private long updates;

  /**
   * @param block an initialised block (its parameters hold arrays)
   * @param decay weight of the old average per update, in [0, 1); 0.999 averages about the last
   *     1,000 steps
   * @param manager owns the averaged copies
   */
  public WeightAverage(Block block, double decay, NDManager manager) {
    if (!(decay >= 0 && decay < 1)) {
      throw new SpecError("ema", "a decay in [0, 1)", String.valueOf(decay));
    }
    this.decay = decay;
    for (Parameter p : block.getParameters().values()) {
      if (p.isInitialized()) {
        params.add(p);
        try (NDArray w = p.getArray().stopGradient()) {
          NDArray copy = w.duplicate();
          copy.attach(manager);
          average.add(copy);
        }
      }
    }
  }

  /**
   * The decay used at update t (1-based): min(decay, (1 + t) / (10 + t)), so that the first updates
   * do not keep the random initialisation in the average for thousands of steps (the warm-up of
   * TensorFlow's ExponentialMovingAverage with num_updates).
   */
  public double decayAt(long t) {
    return Math.min(decay, (1.0 + t) / (10.0 + t));
  }

  /** Folds the current weights into the average: avg ← avg − (1 − d)(avg − w). */
  public void update() {
    updates++;
    double keep = decayAt(updates);
    for (int i = 0; i < params.size(); i++) {
      NDArray avg = average.get(i);
      // stopGradient is a detached view of the live weights (closing it frees no storage)
      try (NDArray w = params.get(i).getArray().stopGradient();
          NDArray diff = avg.sub(w);
          NDArray step = Scalars.mul(diff, 1 - keep)) {
        avg.subi(step);
      }
    }
  }

  /** Number of updates folded in so far. */
  public long updates() {
    return updates;
  }

  /**
   * Runs {@code task} with the averaged weights in the block, then puts the live weights back (so
   * training can go on where it was).
   */
  public <T> T withAverage(Supplier<T> task) {
    List<NDArray> live = new ArrayList<>(params.size());
    try {
      for (int i = 0; i < params.size(); i++) {
        NDArray w = params.get(i).getArray();
        try (NDArray view = w.stopGradient()) {
          live.add(view.duplicate());
        }
        overwrite(w, average.get(i));
      }
      return task.get();
    } finally {
      for (int i = 0; i < live.size(); i++) {
        overwrite(params.get(i).getArray(), live.get(i));
        live.get(i).close();
      }
    }
  }

  /**
   * Copies src's values into dst's own storage by engine arithmetic. Not {@code copyTo}: DJL's
   * {@code set(ByteBuffer)} makes the tensor point at the buffer, which can alias src's memory, so
   * closing src later corrupted the heap.
   */
  private static void overwrite(NDArray dst, NDArray src) {
    dst.muli(0).addi(src);
  }

  @Override
  public void close() {
    average.forEach(NDArray::close);
    average.clear();
  }
}
