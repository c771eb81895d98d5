package org.gyrus.nn.distill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.DoubleBuffer;
import org.assertj.core.data.Offset;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.Trainer;
import org.junit.jupiter.api.Test;

/** m2mKD: the module loss is the teacher-fed distance, has true gradients, and training cuts it. */
class ModuleDistillationTest {
  private static final String TEACHER =
      "[{_type: dense, units: 8, activation: relu}, {_type: dense, units: 8, activation: tanh},"
          + " {_type: dense, units: 3}]";
  private static final String STUDENT =
      "[{_type: dense, units: 4, activation: relu}, {_type: dense, units: 8, activation: tanh},"
          + " {_type: moe, hidden: 8, units: 3, experts: 4, top_k: 2}]";
  private static final int[][] MODULES = {{1, 1}, {2, 2}};
  private static final Shape IN = new Shape(5);

  private static CompiledModel model(String spec) {
    return CompiledModel.classifier(SpecCodec.fromYaml(spec), IN, 3);
  }

  @Test
  void module_loss_feeds_each_student_module_the_teachers_input() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Engine.getEngine("PyTorch").setRandomSeed(1);
      CompiledModel t = model(TEACHER);
      CompiledModel s = model(STUDENT);
      Block tb = t.initialize(m, DataType.FLOAT64);
      Block sb = s.initialize(m, DataType.FLOAT64);
      ParameterStore ps = new ParameterStore(m, false);
      var kd = new ModuleDistillation(s, t, tb, ps, MODULES);
      NDArray x = m.randomUniform(-1, 1, new Shape(7, 5), DataType.FLOAT64);
      var tl = org.gyrus.nn.guide.Guidance.layers(t, tb);
      var sl = org.gyrus.nn.guide.Guidance.layers(s, sb);
      NDArray t1 = fwd(tl.get(1), ps, fwd(tl.get(0), ps, x));
      NDArray t2 = fwd(tl.get(2), ps, t1);
      NDArray s1 = fwd(sl.get(1), ps, fwd(sl.get(0), ps, x));
      NDArray s2 = fwd(sl.get(2), ps, t1); // fed the teacher's activation, not s1
      double want = s1.sub(t1).square().mean().getDouble() + s2.sub(t2).square().mean().getDouble();
      assertThat(kd.moduleLoss(sb, ps, x, false).getDouble()).isCloseTo(want, Offset.offset(1e-12));
      // a student that is the teacher has distance 0
      var self = new ModuleDistillation(t, t, tb, ps, new int[][] {{0, 0}, {2, 2}});
      assertThat(self.moduleLoss(tb, ps, x, false).getDouble()).isZero();
    }
  }

  private static NDArray fwd(Block b, ParameterStore ps, NDArray x) {
    return b.forward(ps, new NDList(x), false).singletonOrThrow();
  }

  @Test
  void module_loss_gradients_match_finite_differences() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Engine.getEngine("PyTorch").setRandomSeed(2);
      CompiledModel t = model(TEACHER);
      CompiledModel s = model(STUDENT);
      Block tb = t.initialize(m, DataType.FLOAT64);
      Block sb = s.initialize(m, DataType.FLOAT64);
      ParameterStore ps = new ParameterStore(m, false);
      var kd = new ModuleDistillation(s, t, tb, ps, MODULES);
      NDArray x = m.randomUniform(-1, 1, new Shape(6, 5), DataType.FLOAT64);
      try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
        gc.backward(kd.moduleLoss(sb, ps, x, true));
      }
      double h = 1e-6;
      for (Parameter p : sb.getParameters().values()) {
        NDArray a = p.getArray();
        double[] grad = a.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
        double[] base = a.toDoubleArray();
        for (int i = 0; i < Math.min(4, base.length); i++) {
          double[] v = base.clone();
          v[i] += h;
          a.set(DoubleBuffer.wrap(v));
          double up = kd.moduleLoss(sb, ps, x, false).getDouble();
          v[i] -= 2 * h;
          a.set(DoubleBuffer.wrap(v));
          double down = kd.moduleLoss(sb, ps, x, false).getDouble();
          a.set(DoubleBuffer.wrap(base));
          double numeric = (up - down) / (2 * h);
          assertThat(grad[i])
              .as("%s[%d]", p.getName(), i)
              .isCloseTo(numeric, Offset.offset(1e-7 + 1e-5 * Math.abs(numeric)));
        }
      }
    }
  }

  @Test
  void distilling_shrinks_the_module_distance_to_a_trained_teacher() {
    DataSplits demo = Datasets.embeddedDemo(0);
    DataSplits data =
        new DataSplits(demo.train().head(1500), demo.validation().head(300), demo.test());
    Shape in = data.train().exampleShape();
    CompiledModel t =
        CompiledModel.classifier(
            SpecCodec.fromYaml(
                "[{_type: flatten}, {_type: dense, units: 64, activation: relu}, {_type: dense,"
                    + " units: 10}]"),
            in,
            10);
    CompiledModel s =
        CompiledModel.classifier(
            SpecCodec.fromYaml(
                "[{_type: flatten}, {_type: moe, hidden: 64, units: 64, experts: 4, top_k: 2},"
                    + " {_type: relu}, {_type: dense, units: 10}]"),
            in,
            10);
    Recipe r = Recipe.defaults().with("epochs", 2L, "lr", 3e-3, "batch_size", 64L);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer teacher = new Trainer(t, r, m);
      teacher.fit(data, e -> true, new ProgressBar("teacher", false));
      Trainer student = new Trainer(s, r, m);
      var kd =
          new ModuleDistillation(
              s, t, teacher.block(), teacher.parameterStore(), new int[][] {{2, 1}, {3, 2}});
      Dataset probe = data.validation();
      NDArray x = m.create(probe.x(), new Shape(probe.size()).addAll(in));
      // one module spanning both networks: the end-to-end distance of the composed student
      var whole =
          new ModuleDistillation(
              s, t, teacher.block(), teacher.parameterStore(), new int[][] {{3, 2}});
      double before = kd.moduleLoss(student.block(), student.parameterStore(), x, false).getFloat();
      double wholeBefore =
          whole.moduleLoss(student.block(), student.parameterStore(), x, false).getFloat();
      student.withForward(kd).fit(data, e -> true, new ProgressBar("m2mkd", false));
      double after = kd.moduleLoss(student.block(), student.parameterStore(), x, false).getFloat();
      double wholeAfter =
          whole.moduleLoss(student.block(), student.parameterStore(), x, false).getFloat();
      System.out.printf(
          "m2mkd test: module %.4f -> %.4f, whole %.4f -> %.4f, acc %.4f%n",
          before, after, wholeBefore, wholeAfter, student.accuracy(data.test()));
      // 2 epochs of module-wise regression on 1,500 images: the distance falls well below half
      assertThat(after).isLessThan(0.3 * before);
      // trained apart, the modules also compose: the student's logits approach the teacher's
      assertThat(wholeAfter).isLessThan(0.5 * wholeBefore);
    }
  }

  @Test
  void bad_module_maps_are_refused_with_their_path() {
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      CompiledModel t = model(TEACHER);
      CompiledModel s = model(STUDENT);
      Block tb = t.initialize(m, DataType.FLOAT32);
      Block sb = s.initialize(m, DataType.FLOAT32);
      ParameterStore ps = new ParameterStore(m, false);
      assertThatThrownBy(() -> new ModuleDistillation(s, t, tb, ps, new int[][] {{1, 1}, {1, 2}}))
          .isInstanceOf(SpecError.class)
          .hasMessageContaining("m2mkd.modules[1]")
          .hasMessageContaining("got [1, 2]");
      assertThatThrownBy(() -> new ModuleDistillation(s, t, tb, ps, new int[][] {{2, 7}}))
          .hasMessageContaining("teacher layers 0..2");
      var mismatch = new ModuleDistillation(s, t, tb, ps, new int[][] {{0, 0}, {2, 2}});
      NDArray x = m.ones(new Shape(2, 5));
      assertThatThrownBy(() -> mismatch.moduleLoss(sb, ps, x, false))
          .isInstanceOf(SpecError.class)
          .hasMessageContaining("m2mkd.modules[0]")
          .hasMessageContaining("(N,8)")
          .hasMessageContaining("(N,4)");
    }
  }
}
