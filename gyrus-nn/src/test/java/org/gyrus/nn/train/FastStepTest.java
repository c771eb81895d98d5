package org.gyrus.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.junit.jupiter.api.Test;

/**
 * The fast training step: the host-side optimizer updates against the engine's kernels and a
 * double-precision reference, channels-last batches against plain ones, and whole runs that repeat
 * bit for bit.
 */
class FastStepTest {
  /** Sizes around the chunk length, so partial and several chunks are covered. */
  static final long[][] SHAPES = {{3}, {7, 5}, {HostViews.CHUNK + 1}, {3, HostViews.CHUNK + 9}};

  static float[] random(SplittableRandom r, int n, double scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (r.nextGaussian() * scale);
    }
    return a;
  }

  @Test
  void host_adam_matches_the_engine_kernel_and_a_double_reference() {
    for (String kind : new String[] {"adam", "adamw"}) {
      Recipe r = Recipe.defaults().with("optimizer", kind, "lr", 0.01, "weight_decay", 0.1);
      try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
        SplittableRandom rng = new SplittableRandom(7);
        List<NDArray> host = new ArrayList<>();
        List<NDArray> engine = new ArrayList<>();
        List<double[]> ref = new ArrayList<>();
        for (long[] s : SHAPES) {
          float[] w = random(rng, (int) new Shape(s).size(), 1);
          host.add(m.create(w, new Shape(s)));
          engine.add(m.create(w, new Shape(s)));
          ref.add(toDouble(w));
        }
        Optimizer opt = Optimizer.of(r, host);
        List<NDArray> em = zerosLike(engine);
        List<NDArray> ev = zerosLike(engine);
        List<double[]> rm = new ArrayList<>();
        List<double[]> rv = new ArrayList<>();
        for (double[] w : ref) {
          rm.add(new double[w.length]);
          rv.add(new double[w.length]);
        }
        for (int t = 1; t <= 5; t++) {
          List<NDArray> grads = new ArrayList<>();
          for (int i = 0; i < host.size(); i++) {
            grads.add(m.create(random(rng, (int) host.get(i).size(), 0.1), host.get(i).getShape()));
          }
          opt.step(host, grads, 0.01f, t);
          engineAdam(engine, grads, em, ev, kind.equals("adamw"), t);
          for (int i = 0; i < ref.size(); i++) {
            referenceAdam(ref.get(i), grads.get(i).toFloatArray(), rm.get(i), rv.get(i), kind, t);
          }
        }
        for (int i = 0; i < host.size(); i++) {
          float[] got = host.get(i).toFloatArray();
          float[] kernel = engine.get(i).toFloatArray();
          for (int j = 0; j < got.length; j++) {
            assertThat(got[j])
                .as("%s param %d [%d] vs engine", kind, i, j)
                .isCloseTo(kernel[j], within(2e-6f));
            assertThat((double) got[j])
                .as("%s param %d [%d] vs reference", kind, i, j)
                .isCloseTo(ref.get(i)[j], within(2e-6));
          }
        }
      }
    }
  }

  @Test
  void host_sgd_repeats_the_engine_formula_exactly() {
    Recipe r =
        Recipe.defaults()
            .with("optimizer", "sgd", "momentum", 0.9, "nesterov", true, "weight_decay", 0.01);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      SplittableRandom rng = new SplittableRandom(3);
      List<NDArray> host = new ArrayList<>();
      List<NDArray> engine = new ArrayList<>();
      for (long[] s : SHAPES) {
        float[] w = random(rng, (int) new Shape(s).size(), 1);
        host.add(m.create(w, new Shape(s)));
        engine.add(m.create(w, new Shape(s)));
      }
      Optimizer opt = Optimizer.of(r, host);
      List<NDArray> buf = zerosLike(engine);
      for (int t = 1; t <= 4; t++) {
        List<NDArray> grads = new ArrayList<>();
        for (NDArray w : host) {
          grads.add(m.create(random(rng, (int) w.size(), 0.1), w.getShape()));
        }
        opt.step(host, grads, 0.05f, t);
        for (int i = 0; i < engine.size(); i++) {
          // the engine-op formulation this optimizer used before the host path
          NDArray w = engine.get(i);
          NDArray gd = grads.get(i).add(w.mul(0.01f));
          NDArray b = buf.get(i);
          if (t == 1) {
            b.addi(gd);
          } else {
            b.muli(0.9f).addi(gd);
          }
          w.subi(gd.add(b.mul(0.9f)).mul(0.05f));
        }
      }
      for (int i = 0; i < host.size(); i++) {
        assertThat(host.get(i).toFloatArray()).containsExactly(engine.get(i).toFloatArray());
      }
    }
  }

  @Test
  void a_parameter_without_a_host_view_is_updated_through_the_engine() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      // a transposed view is not contiguous: the engine would hand out a copy to write into
      NDArray base = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
      NDArray view = base.transpose();
      assertThat(HostViews.writable(view)).isNull();
      assertThat(HostViews.writable(base)).isNotNull();
      assertThat(base.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
      Optimizer sgd = Optimizer.of(Recipe.defaults().with("optimizer", "sgd"), List.of(view));
      sgd.step(List.of(view), List.of(view.onesLike()), 0.5f, 1);
      assertThat(base.toFloatArray()).containsExactly(0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f);
    }
  }

  @Test
  void channels_last_batches_hold_the_same_values_and_logits() {
    Value cnn =
        SpecCodec.fromYaml(
            "[{_type: conv2d, filters: 4, kernel: 3, activation: relu}, {_type: max_pool, kernel: 2},"
                + " {_type: flatten}]");
    Shape example = new Shape(3, 6, 5);
    SplittableRandom rng = new SplittableRandom(11);
    int n = 7;
    float[] x = random(rng, (int) (n * example.size()), 1);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      BatchBuffers batch = new BatchBuffers(example, n);
      batch.clear();
      for (int i = 0; i < n; i++) {
        batch.add(x, (int) (i * example.size()), i % 4);
      }
      NDArray cl = batch.inputs(m);
      NDArray plain = m.create(x, new Shape(n, 3, 6, 5));
      assertThat(cl.getShape()).isEqualTo(plain.getShape());
      assertThat(cl.toFloatArray()).containsExactly(x);
      assertThat(batch.labels(m).toLongArray()).containsExactly(0, 1, 2, 3, 0, 1, 2);
      Trainer t = new Trainer(CompiledModel.classifier(cnn, example, 4), Recipe.defaults(), m);
      float[] a =
          t.block().forward(t.parameterStore(), new NDList(cl), false).head().toFloatArray();
      float[] b =
          t.block().forward(t.parameterStore(), new NDList(plain), false).head().toFloatArray();
      for (int i = 0; i < a.length; i++) {
        assertThat(a[i]).isCloseTo(b[i], within(1e-5f));
      }
      // the host-side accuracy counts what the engine's argmax would
      Dataset d = new Dataset("d", x, new int[] {0, 1, 2, 3, 0, 1, 2}, example, 4);
      NDArray logits = t.block().forward(t.parameterStore(), new NDList(plain), false).head();
      long hits = logits.argMax(1).eq(m.create(new long[] {0, 1, 2, 3, 0, 1, 2})).sum().getLong();
      assertThat(t.accuracy(d)).isEqualTo(hits / (double) n);
    }
  }

  @Test
  void a_cnn_run_repeats_bit_for_bit_with_the_same_seed() {
    DataSplits demo = Datasets.embeddedDemo(1);
    DataSplits small =
        new DataSplits(demo.train().head(600), demo.validation().head(200), demo.test().head(200));
    Value cnn =
        SpecCodec.fromYaml(
            "[{_type: conv2d, filters: 6, kernel: 3, activation: relu}, {_type: max_pool, kernel: 2},"
                + " {_type: flatten}]");
    Recipe r = Recipe.defaults().with("epochs", 2, "batch_size", 64, "seed", 5, "lr", 3e-3);
    float[][] first = trainedWeights(cnn, r, small);
    float[][] second = trainedWeights(cnn, r, small);
    assertThat(second).isDeepEqualTo(first);
    float[][] other = trainedWeights(cnn, r.with("seed", 6), small);
    assertThat(other[0]).isNotEqualTo(first[0]);
  }

  /** Trains and returns every parameter, plus the epochs' losses and accuracies as a last row. */
  static float[][] trainedWeights(Value spec, Recipe r, DataSplits data) {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      CompiledModel model =
          CompiledModel.classifier(spec, data.train().exampleShape(), data.train().classes());
      Trainer t = new Trainer(model, r, m);
      TrainResult res = t.fit(data, EpochListener.none(), new ProgressBar("t", false));
      List<float[]> rows = new ArrayList<>();
      for (Parameter p : t.block().getParameters().values()) {
        rows.add(p.getArray().toFloatArray());
      }
      float[] metrics = new float[res.history().size() * 3 + 1];
      int k = 0;
      for (EpochReport e : res.history()) {
        metrics[k++] = (float) e.trainLoss();
        metrics[k++] = (float) e.trainAccuracy();
        metrics[k++] = (float) e.valAccuracy();
      }
      metrics[k] = (float) res.testAccuracy();
      rows.add(metrics);
      assertThat(res.history().get(1).trainLoss()).isLessThan(res.history().get(0).trainLoss());
      return rows.toArray(new float[0][]);
    }
  }

  static void engineAdam(
      List<NDArray> ws,
      List<NDArray> gs,
      List<NDArray> ms,
      List<NDArray> vs,
      boolean decoupled,
      long t) {
    double sqrtBc2 = Math.sqrt(1 - Math.pow(0.999, t));
    float k = (float) (0.01 * sqrtBc2 / (1 - Math.pow(0.9, t)));
    float eps = (float) (1e-8 * sqrtBc2);
    for (int i = 0; i < ws.size(); i++) {
      JniUtils.adamUpdate(
          (PtNDArray) ws.get(i),
          (PtNDArray) gs.get(i),
          (PtNDArray) ms.get(i),
          (PtNDArray) vs.get(i),
          0.01f,
          k,
          0.1f,
          1f,
          -1f,
          0.9f,
          0.999f,
          eps,
          decoupled);
    }
  }

  static void referenceAdam(double[] w, float[] g0, double[] m, double[] v, String kind, int t) {
    double lr = 0.01, wd = 0.1;
    for (int j = 0; j < w.length; j++) {
      double g = g0[j];
      if (kind.equals("adamw")) {
        w[j] *= 1 - lr * wd;
      } else {
        g += wd * w[j];
      }
      m[j] = 0.9 * m[j] + 0.1 * g;
      v[j] = 0.999 * v[j] + 0.001 * g * g;
      double mh = m[j] / (1 - Math.pow(0.9, t));
      double vh = v[j] / (1 - Math.pow(0.999, t));
      w[j] -= lr * mh / (Math.sqrt(vh) + 1e-8);
    }
  }

  static List<NDArray> zerosLike(List<NDArray> as) {
    List<NDArray> out = new ArrayList<>();
    for (NDArray a : as) {
      out.add(a.zerosLike());
    }
    return out;
  }

  static double[] toDouble(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }
}
