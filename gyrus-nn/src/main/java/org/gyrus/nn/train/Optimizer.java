package org.gyrus.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * Updates parameters in place from their gradients. State (momentum, moments) is allocated once at
 * construction, outside any per-step scope; every temporary of a step dies with that scope.
 */
public interface Optimizer {
  /** One update; {@code grads.get(i)} belongs to {@code params.get(i)}; t counts from 1. */
  void step(List<NDArray> params, List<NDArray> grads, float lr, long t);

  /** One update from the parameters' own gradients, which are then zeroed for the next step. */
  default void stepAndZero(List<NDArray> params, float lr, long t) {
    List<NDArray> grads = new ArrayList<>(params.size());
    for (NDArray p : params) {
      grads.add(p.getGradient());
    }
    step(params, grads, lr, t);
    for (NDArray p : params) {
      JniUtils.zeroGrad((PtNDArray) p);
    }
  }

  static Optimizer of(Recipe r, List<NDArray> params) {
    return switch (r.optimizer()) {
      case "sgd" -> new Sgd(params, (float) r.momentum(), r.nesterov(), (float) r.weightDecay());
      case "adamw" -> new Adam(params, r, true);
      default -> new Adam(params, r, false);
    };
  }

  /** SGD with optional (Nesterov) momentum and L2 weight decay, PyTorch's formulation. */
  final class Sgd implements Optimizer {
    private final float mu;
    private final boolean nesterov;
    private final float wd;
    private final List<NDArray> buf = new ArrayList<>();

    Sgd(List<NDArray> params, float mu, boolean nesterov, float wd) {
      this.mu = mu;
      this.nesterov = nesterov;
      this.wd = wd;
      if (mu > 0) {
        for (NDArray p : params) {
          buf.add(p.zerosLike());
        }
      }
    }

    @Override
    public void step(List<NDArray> params, List<NDArray> grads, float lr, long t) {
      for (int i = 0; i < params.size(); i++) {
        NDArray w = params.get(i);
        NDArray g = grads.get(i);
        if (wd > 0) {
          g = g.add(w.mul(wd));
        }
        if (mu > 0) {
          NDArray b = buf.get(i);
          if (t == 1) {
            b.addi(g);
          } else {
            b.muli(mu).addi(g);
          }
          g = nesterov ? g.add(b.mul(mu)) : b;
        }
        w.subi(g.mul(lr));
      }
    }
  }

  /**
   * Adam (L2 decay in the gradient) or AdamW (decoupled decay), bias-corrected as PyTorch, one
   * fused native update per parameter tensor.
   */
  final class Adam implements Optimizer {
    private static final float EPS = 1e-8f;
    private final float b1;
    private final float b2;
    private final float wd;
    private final boolean decoupled;
    private final List<NDArray> m = new ArrayList<>();
    private final List<NDArray> v = new ArrayList<>();

    Adam(List<NDArray> params, Recipe r, boolean decoupled) {
      this.wd = (float) r.weightDecay();
      this.b1 = (float) r.beta1();
      this.b2 = (float) r.beta2();
      this.decoupled = decoupled;
      for (NDArray p : params) {
        m.add(p.zerosLike());
        v.add(p.zerosLike());
      }
    }

    @Override
    public void step(List<NDArray> params, List<NDArray> grads, float lr, long t) {
      double bc1 = 1 - Math.pow(b1, t);
      double sqrtBc2 = Math.sqrt(1 - Math.pow(b2, t));
      // PyTorch's update w -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps), rewritten for the engine's
      // fused kernel, which computes w -= k * m / (sqrt(v) + eps') in one native call
      float k = (float) (lr * sqrtBc2 / bc1);
      float eps = (float) (EPS * sqrtBc2);
      for (int i = 0; i < params.size(); i++) {
        JniUtils.adamUpdate(
            (PtNDArray) params.get(i),
            (PtNDArray) grads.get(i),
            (PtNDArray) m.get(i),
            (PtNDArray) v.get(i),
            lr,
            k,
            wd,
            1f,
            -1f,
            b1,
            b2,
            eps,
            decoupled);
      }
    }
  }
}
