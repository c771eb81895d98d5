package org.gyrus.nn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.distill.ModuleDistillation;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;

/**
 * B7 at CPU scale on Fashion-MNIST, from an example file with {@code teacher}, {@code student} and
 * {@code modules} (examples/blocks/m2mkd-fashion.yaml): the teacher trains TEACHER_EPOCHS; per seed
 * the student trains EPOCHS end to end without m2mKD ("scratch"), EPOCHS + DISTILL_EPOCHS without
 * ("scratch_equal_total"), and DISTILL_EPOCHS of module-wise distillation then EPOCHS end to end
 * ("m2mkd"). Prints one line per arm and seed (module_mse: the teacher-fed module distance on 1,000
 * validation images at the end). Arguments: DATA_DIR EXAMPLE TRAIN_SIZE TEACHER_EPOCHS
 * DISTILL_EPOCHS EPOCHS SEEDS.
 */
public final class M2mkdBench {
  private M2mkdBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Value.Node ex = (Value.Node) SpecCodec.fromYaml(Files.readString(Path.of(args[1])));
    int trainSize = Integer.parseInt(args[2]);
    int teacherEpochs = Integer.parseInt(args[3]);
    int distillEpochs = Integer.parseInt(args[4]);
    int epochs = Integer.parseInt(args[5]);
    int seeds = Integer.parseInt(args[6]);
    DataSplits full = Datasets.idx(dir, "fashion-mnist", 1.0 / 12, 0);
    DataSplits data =
        new DataSplits(full.train().head(trainSize), full.validation().head(2000), full.test());
    Shape in = new Shape(1, 28, 28);
    CompiledModel teacher = CompiledModel.classifier(ex.arg("teacher"), in, 10);
    int[][] modules = modules(ex.arg("modules"));
    Dataset probe = data.validation().head(1000);
    try (NDManager tm = Engine.getEngine("PyTorch").newBaseManager()) {
      EmoeBench.Clock c = new EmoeBench.Clock();
      Trainer t = new Trainer(teacher, recipe(teacherEpochs, 100), tm);
      TrainResult tr = t.fit(data, r -> true, new ProgressBar("teacher", false));
      print("teacher", 0, tr.testAccuracy(), Double.NaN, teacher, teacherEpochs, 0, c);
      NDArray x = tm.create(probe.x(), new Shape(probe.size()).addAll(in));
      for (int seed = 0; seed < seeds; seed++) {
        for (String arm : new String[] {"scratch", "scratch_equal_total", "m2mkd"}) {
          try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
            c = new EmoeBench.Clock();
            // a compiled model owns its block: compile one per trainer
            CompiledModel student = CompiledModel.classifier(ex.arg("student"), in, 10);
            var kd =
                new ModuleDistillation(student, teacher, t.block(), t.parameterStore(), modules);
            int e = arm.equals("scratch") || arm.equals("m2mkd") ? epochs : epochs + distillEpochs;
            Trainer s =
                new Trainer(student, recipe(arm.equals("m2mkd") ? distillEpochs : e, seed), m);
            if (arm.equals("m2mkd")) {
              s.withForward(kd).fit(data, r -> true, new ProgressBar("distill", false));
              s =
                  continued(
                      CompiledModel.classifier(ex.arg("student"), in, 10),
                      recipe(epochs, seed),
                      m,
                      s);
            }
            TrainResult r = s.fit(data, q -> true, new ProgressBar(arm, false));
            double mse = kd.moduleLoss(s.block(), s.parameterStore(), x, false).getFloat();
            print(
                arm,
                seed,
                r.testAccuracy(),
                mse,
                student,
                e,
                arm.equals("m2mkd") ? distillEpochs : 0,
                c);
          }
        }
      }
    }
  }

  /** A new trainer (fresh optimizer and schedule) starting from {@code from}'s weights. */
  private static Trainer continued(CompiledModel model, Recipe r, NDManager m, Trainer from) {
    var src = from.block().getParameters();
    return new Trainer(
        model,
        r,
        m,
        b -> {
          var dst = b.getParameters();
          for (int i = 0; i < dst.size(); i++) {
            dst.valueAt(i).getArray().set(src.valueAt(i).getArray().toFloatArray());
          }
        });
  }

  private static int[][] modules(Value v) {
    List<Value> items = ((Value.ListVal) v).items();
    int[][] out = new int[items.size()][2];
    for (int i = 0; i < out.length; i++) {
      List<Value> pair = ((Value.ListVal) items.get(i)).items();
      out[i][0] = (int) ((Value.IntVal) pair.get(0)).value();
      out[i][1] = (int) ((Value.IntVal) pair.get(1)).value();
    }
    return out;
  }

  private static Recipe recipe(int epochs, long seed) {
    return Recipe.defaults()
        .with("lr", 1e-3, "epochs", (long) epochs, "seed", seed, "batch_size", 128L);
  }

  private static void print(
      String arm,
      int seed,
      double acc,
      double mse,
      CompiledModel m,
      int epochs,
      int distill,
      EmoeBench.Clock c) {
    System.out.printf(
        Locale.ROOT,
        "arm %s seed %d test_acc %.4f module_mse %.5f flops %d params %d epochs %d distill_epochs %d"
            + " wall_seconds %.1f cpu_seconds %.1f%n",
        arm,
        seed,
        acc,
        mse,
        m.flops(),
        m.params(),
        epochs,
        distill,
        c.wallSeconds(),
        c.cpuSeconds());
  }
}
