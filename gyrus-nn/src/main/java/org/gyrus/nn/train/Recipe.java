package org.gyrus.nn.train;

import java.util.List;
import java.util.Map;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;

/**
 * How to train: a {@code {_type: recipe, ...}} spec node read into typed fields. Every field has a
 * default, so {@code {_type: recipe}} is a valid recipe (Adam, lr 1e-3, batch 128, 5 epochs).
 *
 * @param optimizer sgd, adam or adamw; in a spec either the name or a node with the optimiser's own
 *     settings, {@code {_type: sgd, momentum: 0.9, nesterov: true}} or {@code {_type: adam, beta1:
 *     0.9, beta2: 0.99}}, so a search can give each optimiser its own conditional settings
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param schedule constant, step, cosine or cosine_power
 * @param stepEvery epochs between step-schedule drops, by {@code gamma}
 * @param power base of cosine power annealing (sharpDARTS), > 1
 * @param maxSeconds wall-clock budget for training (0 = none); the epoch in flight finishes
 * @param clipNorm global gradient-norm clipping threshold (0 = none)
 * @param gradNoise η of annealed gradient noise, σ² = η/(1+t)^0.55 (0 = none)
 * @param curriculum cyclical curriculum: data fractions 0.25, 0.5, 1, 0.5, ... sampled by loss
 * @param patience early stopping after this many epochs without a better validation accuracy (0 =
 *     off)
 * @param shift augmentation: every training image (C,H,W) is translated by a random -shift..shift
 *     pixels in x and y, zero-filled, each time it is drawn (0 = off)
 * @param flip augmentation: every training image is mirrored left-right with probability 1/2
 * @param quadLrScale learning-rate factor for the quadratic terms of {@code quadratic} layers
 *     (parameters named {@code quad_*}; B4 trains them slower than the linear part)
 * @param initStd weights drawn from N(0, initStd²) instead of Glorot-uniform (0 = Glorot); B20's
 *     "simple init" (0.1) is a poor start for deep ReLU stacks
 * @param ema decay of an exponential moving average of the weights ({@link WeightAverage}) that is
 *     validated, kept as the best snapshot and tested instead of the live weights (0 = off)
 */
public record Recipe(
    String optimizer,
    double lr,
    double momentum,
    boolean nesterov,
    double beta1,
    double beta2,
    double weightDecay,
    String schedule,
    int stepEvery,
    double gamma,
    double power,
    int batchSize,
    int epochs,
    double maxSeconds,
    double clipNorm,
    double gradNoise,
    boolean curriculum,
    int patience,
    long seed,
    int shift,
    boolean flip,
    double quadLrScale,
    double initStd,
    double ema) {
  /** The declared keys of a recipe ({@code gyrus explain recipe}). */
  public static final NodeType TYPE =
      NodeType.of(
          "recipe",
          "how a network is trained",
          ArgSpec.optional("optimizer", Kind.ANY, "adam")
              .doc("sgd, adam or adamw, or a node with its settings: {_type: sgd, momentum: 0.9}"),
          ArgSpec.optional("lr", Kind.FLOAT, 1e-3).range(1e-12, 1e3).doc("learning rate"),
          ArgSpec.optional("momentum", Kind.FLOAT, 0.9).range(0, 0.999999).doc("SGD momentum"),
          ArgSpec.optional("nesterov", Kind.BOOL, false).doc("Nesterov momentum (SGD)"),
          ArgSpec.optional("beta1", Kind.FLOAT, 0.9).range(0, 0.999999).doc("Adam beta1"),
          ArgSpec.optional("beta2", Kind.FLOAT, 0.999).range(0, 0.999999999).doc("Adam beta2"),
          ArgSpec.optional("weight_decay", Kind.FLOAT, 0.0).min(0),
          ArgSpec.optional("schedule", Kind.STR, "constant")
              .oneOf("constant", "step", "cosine", "cosine_power")
              .doc("learning-rate schedule"),
          ArgSpec.optional("step_every", Kind.INT, 10).min(1).doc("epochs per step (step)"),
          ArgSpec.optional("gamma", Kind.FLOAT, 0.1).min(0).doc("factor per step (step)"),
          ArgSpec.optional("power", Kind.FLOAT, 10.0).min(1.000001).doc("cosine_power exponent"),
          ArgSpec.optional("batch_size", Kind.INT, 128).range(1, 1 << 20),
          ArgSpec.optional("epochs", Kind.INT, 5).range(1, 1_000_000),
          ArgSpec.optional("max_seconds", Kind.FLOAT, 0.0).min(0).doc("time limit; 0 = none"),
          ArgSpec.optional("clip_norm", Kind.FLOAT, 0.0).min(0).doc("gradient norm clip; 0 = off"),
          ArgSpec.optional("grad_noise", Kind.FLOAT, 0.0)
              .min(0)
              .doc("annealed gradient noise eta (Neelakantan et al.); 0 = off"),
          ArgSpec.optional("curriculum", Kind.BOOL, false).doc("cyclical curriculum"),
          ArgSpec.optional("patience", Kind.INT, 0).range(0, 1_000_000).doc("early stopping"),
          ArgSpec.optional("seed", Kind.INT, 0),
          ArgSpec.optional("shift", Kind.INT, 0).range(0, 8).doc("random translation, pixels"),
          ArgSpec.optional("flip", Kind.BOOL, false).doc("random left-right mirror"),
          ArgSpec.optional("quad_lr_scale", Kind.FLOAT, 1.0)
              .range(0, 1e3)
              .doc("lr factor for quadratic-neuron terms (quad_* parameters)"),
          ArgSpec.optional("init_std", Kind.FLOAT, 0.0)
              .range(0, 10)
              .doc("weights ~ N(0, init_std^2) instead of Glorot-uniform; 0 = Glorot"),
          ArgSpec.optional("ema", Kind.FLOAT, 0.0)
              .range(0, 0.999999)
              .doc("evaluate a moving average of the weights with this decay (Polyak); 0 = off"));

  public static Recipe defaults() {
    return from(Node.of("recipe"));
  }

  /** The optimisers and the settings each takes when written as a node. */
  private static final List<NodeType> OPTIMIZERS =
      List.of(
          NodeType.of("sgd", "SGD", TYPE.arg("momentum"), TYPE.arg("nesterov")),
          NodeType.of(
              "adam", "Adam, L2 decay in the gradient", TYPE.arg("beta1"), TYPE.arg("beta2")),
          NodeType.of("adamw", "Adam, decoupled decay", TYPE.arg("beta1"), TYPE.arg("beta2")));

  /** Reads a recipe node; unknown keys and out-of-range values fail naming {@code recipe.key}. */
  public static Recipe from(Node n) {
    Node flat = flattenOptimizer(n);
    Args a = TYPE.check(flat, "recipe");
    return new Recipe(
        a.string("optimizer"),
        a.number("lr"),
        a.number("momentum"),
        a.bool("nesterov"),
        a.number("beta1"),
        a.number("beta2"),
        a.number("weight_decay"),
        a.string("schedule"),
        a.smallInt("step_every"),
        a.number("gamma"),
        a.number("power"),
        a.smallInt("batch_size"),
        a.smallInt("epochs"),
        a.number("max_seconds"),
        a.number("clip_norm"),
        a.number("grad_noise"),
        a.bool("curriculum"),
        a.smallInt("patience"),
        a.integer("seed"),
        a.smallInt("shift"),
        a.bool("flip"),
        a.number("quad_lr_scale"),
        a.number("init_std"),
        a.number("ema"));
  }

  /**
   * The recipe with an optimiser node's settings moved up beside the others ({@code optimizer:
   * {_type: sgd, momentum: 0.8}} reads as {@code optimizer: sgd, momentum: 0.8}); a setting given
   * both ways, or one the optimiser does not take, fails naming its path.
   */
  private static Node flattenOptimizer(Node n) {
    Value v = n.args().get("optimizer");
    if (v == null || v instanceof Value.StrVal) {
      if (v instanceof Value.StrVal s
          && OPTIMIZERS.stream().noneMatch(t -> t.name().equals(s.value()))) {
        throw new SpecError("recipe.optimizer", "one of [sgd, adam, adamw]", "'" + s.value() + "'");
      }
      return n;
    }
    if (!(v instanceof Node o)) {
      throw new SpecError(
          "recipe.optimizer", "a name or a node such as {_type: sgd}", v.toString());
    }
    NodeType type =
        OPTIMIZERS.stream()
            .filter(t -> t.name().equals(o.type()))
            .findFirst()
            .orElseThrow(
                () ->
                    new SpecError(
                        "recipe.optimizer._type",
                        "one of [sgd, adam, adamw]",
                        "'" + o.type() + "'"));
    type.check(o, "recipe.optimizer");
    Node flat = n.with("optimizer", new Value.StrVal(o.type()));
    for (Map.Entry<String, Value> e : o.args().entrySet()) {
      if (n.args().containsKey(e.getKey())) {
        throw new SpecError(
            "recipe." + e.getKey(),
            "one setting: it is also given in recipe.optimizer." + e.getKey());
      }
      flat = flat.with(e.getKey(), e.getValue());
    }
    return flat;
  }

  /** This recipe with some keys replaced, e.g. {@code with("epochs", 2, "lr", 0.01)}. */
  public Recipe with(Object... namesAndValues) {
    Node n = toNode();
    Node more = Node.of("recipe", namesAndValues);
    for (var e : more.args().entrySet()) {
      n = n.with(e.getKey(), e.getValue());
    }
    return from(n);
  }

  public Node toNode() {
    Node n = toNodeWithoutEma();
    // only when set, so that the nodes (and fingerprints) of recipes written before it stay the
    // same
    return ema > 0 ? n.with("ema", new Value.FloatVal(ema)) : n;
  }

  private Node toNodeWithoutEma() {
    return Node.of(
        "recipe",
        "optimizer",
        optimizer,
        "lr",
        lr,
        "momentum",
        momentum,
        "nesterov",
        nesterov,
        "beta1",
        beta1,
        "beta2",
        beta2,
        "weight_decay",
        weightDecay,
        "schedule",
        schedule,
        "step_every",
        (long) stepEvery,
        "gamma",
        gamma,
        "power",
        power,
        "batch_size",
        (long) batchSize,
        "epochs",
        (long) epochs,
        "max_seconds",
        maxSeconds,
        "clip_norm",
        clipNorm,
        "grad_noise",
        gradNoise,
        "curriculum",
        curriculum,
        "patience",
        (long) patience,
        "seed",
        seed,
        "shift",
        (long) shift,
        "flip",
        flip,
        "quad_lr_scale",
        quadLrScale,
        "init_std",
        initStd);
  }

  /** Whether training images are augmented (then the data must be images, C×H×W). */
  public boolean augments() {
    return shift > 0 || flip;
  }
}
