package org.gyrus.nn.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.Shapes;
import org.gyrus.nn.guide.Guidance;
import org.gyrus.nn.train.StepForward;

/**
 * m2mKD's module phase as a training-step hook ({@code Trainer.withForward}). Modules are
 * consecutive runs of layers, numbered as {@link Guidance#layers} lists them: {@code modules[i] =
 * {studentEnd, teacherEnd}} closes student module i after student layer studentEnd and teacher
 * module i after teacher layer teacherEnd. Student module i is run on the teacher's input to
 * teacher module i (the batch itself for i = 0) and trained towards the teacher module's output by
 * mean squared error, so every module learns at once and independently of the other student
 * modules. The frozen teacher runs without training. The student's own logits are returned with
 * their gradient cut: this phase trains on the module losses alone; fine-tuning afterwards is plain
 * training.
 */
public final class ModuleDistillation implements StepForward {
  private final CompiledModel student;
  private final List<Block> teacherLayers;
  private final ParameterStore teacherStore;
  private final int[][] modules;
  private List<Block> studentLayers;
  private Block layersOf;

  public ModuleDistillation(
      CompiledModel student,
      CompiledModel teacher,
      Block teacherBlock,
      ParameterStore teacherStore,
      int[][] modules) {
    this.student = student;
    this.teacherLayers = Guidance.layers(teacher, teacherBlock);
    this.teacherStore = teacherStore;
    this.modules = modules.clone();
    int s = -1;
    int t = -1;
    for (int i = 0; i < modules.length; i++) {
      if (modules[i].length != 2 || modules[i][0] <= s || modules[i][1] <= t) {
        throw new SpecError(
            "m2mkd.modules[" + i + "]",
            "[studentEnd, teacherEnd], both after the previous module's",
            java.util.Arrays.toString(modules[i]));
      }
      s = modules[i][0];
      t = modules[i][1];
    }
    if (t >= teacherLayers.size()) {
      throw new SpecError(
          "m2mkd.modules", "teacher layers 0.." + (teacherLayers.size() - 1), Integer.toString(t));
    }
  }

  @Override
  public Step forward(Block model, ParameterStore ps, NDArray x) {
    NDArray loss = moduleLoss(model, ps, x, true);
    NDArray logits = model.forward(ps, new NDList(x), true).singletonOrThrow().stopGradient();
    return new Step(logits, loss);
  }

  /** Σ over modules of the mean squared distance between student and teacher module outputs. */
  public NDArray moduleLoss(Block model, ParameterStore ps, NDArray x, boolean training) {
    if (layersOf != model) {
      layersOf = model;
      studentLayers = Guidance.layers(student, model);
      int last = modules[modules.length - 1][0];
      if (last >= studentLayers.size()) {
        throw new SpecError(
            "m2mkd.modules",
            "student layers 0.." + (studentLayers.size() - 1),
            Integer.toString(last));
      }
    }
    List<NDArray> teacher = Guidance.activations(teacherLayers, teacherStore, x, false);
    NDArray total = null;
    int s0 = 0;
    NDArray in = x;
    for (int i = 0; i < modules.length; i++) {
      NDArray target = teacher.get(modules[i][1]).stopGradient();
      NDArray h = in;
      for (Block layer : studentLayers.subList(s0, modules[i][0] + 1)) {
        h = layer.forward(ps, new NDList(h), training).singletonOrThrow();
      }
      if (!h.getShape().equals(target.getShape())) {
        throw new SpecError(
            "m2mkd.modules[" + i + "]",
            "student module output shaped like the teacher's "
                + Shapes.show(target.getShape().slice(1)),
            Shapes.show(h.getShape().slice(1)));
      }
      NDArray mse = h.sub(target).square().mean();
      total = total == null ? mse : total.add(mse);
      s0 = modules[i][0] + 1;
      in = target;
    }
    return total;
  }
}
