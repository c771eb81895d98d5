package org.gyrus.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Updates parameters in place from their gradients. Float32 CPU parameters are updated in one Java
 * pass per tensor over zero-copy views of their memory, with the optimizer state in Java arrays
 * (see {@link HostViews}); other parameters fall back to engine ops. Java's float arithmetic is
 * strict IEEE, so a run repeats bit for bit.
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
    for (int i = 0; i < params.size(); i++) {
      JniUtils.zeroGrad((PtNDArray) params.get(i));
      grads.get(i).close();
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
    private final HostState host;
    private final float[] ws = new float[HostViews.CHUNK];
    private final float[] gs = new float[HostViews.CHUNK];

    Sgd(List<NDArray> params, float mu, boolean nesterov, float wd) {
      this.mu = mu;
      this.nesterov = nesterov;
      this.wd = wd;
      this.host = new HostState(params, mu > 0 ? 1 : 0);
    }

    @Override
    public void step(List<NDArray> params, List<NDArray> grads, float lr, long t) {
      for (int i = 0; i < params.size(); i++) {
        if (host.onHost(i)) {
          stepOnHost(i, grads.get(i), lr, t);
        } else {
          stepWithEngine(i, params.get(i), grads.get(i), lr, t);
        }
      }
    }

    private void stepOnHost(int i, NDArray grad, float lr, long t) {
      FloatBuffer w = host.weights(i);
      FloatBuffer g = HostViews.readable(grad);
      int n = host.size(i);
      for (int off = 0; off < n; off += HostViews.CHUNK) {
        int len = Math.min(HostViews.CHUNK, n - off);
        w.get(off, ws, 0, len);
        g.get(off, gs, 0, len);
        if (wd != 0) {
          for (int j = 0; j < len; j++) {
            gs[j] = gs[j] + ws[j] * wd;
          }
        }
        if (mu > 0) {
          momentum(host.state(i, 0, off), len, t == 1);
        }
        for (int j = 0; j < len; j++) {
          ws[j] = ws[j] - gs[j] * lr;
        }
        w.put(off, ws, 0, len);
      }
    }

    /** b = mu*b + g (b = g at the first step), then g = g + mu*b (Nesterov) or b. */
    private void momentum(float[] b, int len, boolean first) {
      for (int j = 0; j < len; j++) {
        float bj = first ? gs[j] : b[j] * mu + gs[j];
        b[j] = bj;
        gs[j] = nesterov ? gs[j] + bj * mu : bj;
      }
    }

    private void stepWithEngine(int i, NDArray w, NDArray g, float lr, long t) {
      if (wd > 0) {
        g = g.add(w.mul(wd));
      }
      if (mu > 0) {
        NDArray b = host.engineState(i, 0);
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

  /**
   * Adam (L2 decay in the gradient) or AdamW (decoupled decay), bias-corrected as PyTorch: {@code w
   * -= k*m/(sqrt(v)+eps')} with {@code k = lr*sqrt(bc2)/bc1} and {@code eps' = eps*sqrt(bc2)}, the
   * same rewriting as the engine's fused kernel that parameters off the host path use.
   */
  final class Adam implements Optimizer {
    private static final float EPS = 1e-8f;
    private final float b1;
    private final float b2;
    private final float wd;
    private final boolean decoupled;
    private final HostState host;
    private final float[] ws = new float[HostViews.CHUNK];
    private final float[] gs = new float[HostViews.CHUNK];

    Adam(List<NDArray> params, Recipe r, boolean decoupled) {
      this.wd = (float) r.weightDecay();
      this.b1 = (float) r.beta1();
      this.b2 = (float) r.beta2();
      this.decoupled = decoupled;
      this.host = new HostState(params, 2);
    }

    @Override
    public void step(List<NDArray> params, List<NDArray> grads, float lr, long t) {
      double bc1 = 1 - Math.pow(b1, t);
      double sqrtBc2 = Math.sqrt(1 - Math.pow(b2, t));
      float k = (float) (lr * sqrtBc2 / bc1);
      float eps = (float) (EPS * sqrtBc2);
      for (int i = 0; i < params.size(); i++) {
        if (host.onHost(i)) {
          stepOnHost(i, grads.get(i), lr, k, eps);
        } else {
          JniUtils.adamUpdate(
              (PtNDArray) params.get(i),
              (PtNDArray) grads.get(i),
              (PtNDArray) host.engineState(i, 0),
              (PtNDArray) host.engineState(i, 1),
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

    private void stepOnHost(int i, NDArray grad, float lr, float k, float eps) {
      FloatBuffer w = host.weights(i);
      FloatBuffer g = HostViews.readable(grad);
      float l2 = decoupled ? 0f : wd;
      float keep = decoupled ? 1f - lr * wd : 1f;
      int n = host.size(i);
      for (int off = 0; off < n; off += HostViews.CHUNK) {
        int len = Math.min(HostViews.CHUNK, n - off);
        w.get(off, ws, 0, len);
        g.get(off, gs, 0, len);
        if (l2 != 0) {
          for (int j = 0; j < len; j++) {
            gs[j] = gs[j] + ws[j] * l2;
          }
        }
        if (keep != 1f) {
          for (int j = 0; j < len; j++) {
            ws[j] = ws[j] * keep;
          }
        }
        moments(host.state(i, 0, off), host.state(i, 1, off), len, k, eps);
        w.put(off, ws, 0, len);
      }
    }

    /** The moment updates and the step for one chunk; a plain loop the JIT vectorises. */
    private void moments(float[] m, float[] v, int len, float k, float eps) {
      float c1 = 1 - b1;
      float c2 = 1 - b2;
      float[] w = ws;
      float[] gr = gs;
      for (int j = 0; j < len; j++) {
        float g = gr[j];
        float mj = m[j] * b1 + g * c1;
        float vj = v[j] * b2 + g * g * c2;
        m[j] = mj;
        v[j] = vj;
        w[j] = w[j] - k * mj / ((float) Math.sqrt(vj) + eps);
      }
    }
  }
}
