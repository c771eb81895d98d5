package org.gyrus.agents.game;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.gyrus.nn.data.Dataset;

/**
 * A batch of game rounds: for each, a target image and {@code distractors} other distinct images of
 * the same set, shuffled into a candidate group with the target at {@code targetPos}.
 */
record Rounds(float[] targets, float[] candidates, long[] targetPos, int n, int group) {

  static Rounds sample(Dataset d, int n, int distractors, SplittableRandom rng) {
    int c = distractors + 1;
    float[] t = new float[n * 784];
    float[] cand = new float[n * c * 784];
    long[] pos = new long[n];
    for (int i = 0; i < n; i++) {
      int[] idx = distinct(d.size(), c, rng);
      System.arraycopy(d.x(), idx[0] * 784, t, i * 784, 784);
      int p = rng.nextInt(c);
      pos[i] = p;
      // the target goes to slot p, the distractor that was drawn for slot p takes slot 0
      int[] order = idx.clone();
      order[0] = idx[p];
      order[p] = idx[0];
      for (int j = 0; j < c; j++) {
        System.arraycopy(d.x(), order[j] * 784, cand, (i * c + j) * 784, 784);
      }
    }
    return new Rounds(t, cand, pos, n, c);
  }

  private static int[] distinct(int size, int k, SplittableRandom rng) {
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      boolean again;
      do {
        out[i] = rng.nextInt(size);
        again = false;
        for (int j = 0; j < i; j++) {
          again |= out[j] == out[i];
        }
      } while (again);
    }
    return out;
  }

  /** targets (n,1,28,28), candidates (n*group,1,28,28), target positions (n). */
  NDArray[] arrays(NDManager m) {
    return new NDArray[] {
      m.create(targets, new Shape(n, 1, 28, 28)),
      m.create(candidates, new Shape((long) n * group, 1, 28, 28)),
      m.create(targetPos)
    };
  }

  /** Rounds where the listener's highest logit is the target. */
  long hits(NDArray logits) {
    long[] pick = logits.argMax(1).toLongArray();
    long h = 0;
    for (int i = 0; i < n; i++) {
      h += pick[i] == targetPos[i] ? 1 : 0;
    }
    return h;
  }
}
