package org.gyrus.nn.train;

import java.util.List;
import java.util.Set;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;

/**
 * How to train: a {@code {_type: recipe, ...}} spec node read into typed fields. Every field has a
 * default, so {@code {_type: recipe}} is a valid recipe (Adam, lr 1e-3, batch 128, 5 epochs).
 *
 * @param optimizer sgd, adam or adamw
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
 */
public record Recipe(
    String optimizer,
    double lr,
    double momentum,
    boolean nesterov,
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
    boolean flip) {
  private static final Set<String> KEYS =
      Set.of(
          "optimizer",
          "lr",
          "momentum",
          "nesterov",
          "weight_decay",
          "schedule",
          "step_every",
          "gamma",
          "power",
          "batch_size",
          "epochs",
          "max_seconds",
          "clip_norm",
          "grad_noise",
          "curriculum",
          "patience",
          "seed",
          "shift",
          "flip");

  public static Recipe defaults() {
    return from(Node.of("recipe"));
  }

  /** Reads a recipe node; unknown keys and out-of-range values fail naming {@code recipe.key}. */
  public static Recipe from(Node n) {
    for (String k : n.args().keySet()) {
      if (!KEYS.contains(k)) {
        throw new SpecError("recipe." + k, "a recipe key, one of " + KEYS, "'" + k + "'");
      }
    }
    Recipe r =
        new Recipe(
            oneOf(n, "optimizer", "adam", List.of("sgd", "adam", "adamw")),
            n.floatArg("lr", 1e-3),
            n.floatArg("momentum", 0.9),
            n.boolArg("nesterov", false),
            n.floatArg("weight_decay", 0),
            oneOf(n, "schedule", "constant", List.of("constant", "step", "cosine", "cosine_power")),
            (int) n.intArg("step_every", 10),
            n.floatArg("gamma", 0.1),
            n.floatArg("power", 10),
            (int) n.intArg("batch_size", 128),
            (int) n.intArg("epochs", 5),
            n.floatArg("max_seconds", 0),
            n.floatArg("clip_norm", 0),
            n.floatArg("grad_noise", 0),
            n.boolArg("curriculum", false),
            (int) n.intArg("patience", 0),
            n.intArg("seed", 0),
            (int) n.intArg("shift", 0),
            n.boolArg("flip", false));
    positive("lr", r.lr);
    positive("batch_size", r.batchSize);
    positive("epochs", r.epochs);
    positive("step_every", r.stepEvery);
    nonNegative("weight_decay", r.weightDecay);
    nonNegative("max_seconds", r.maxSeconds);
    nonNegative("clip_norm", r.clipNorm);
    nonNegative("grad_noise", r.gradNoise);
    nonNegative("patience", r.patience);
    if (r.shift < 0 || r.shift > 8) {
      throw new SpecError("recipe.shift", "0..8 pixels", "" + r.shift);
    }
    if (r.momentum < 0 || r.momentum >= 1) {
      throw new SpecError("recipe.momentum", "a number in [0, 1)", "" + r.momentum);
    }
    if (r.power <= 1) {
      throw new SpecError("recipe.power", "a number above 1", "" + r.power);
    }
    return r;
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
        flip);
  }

  /** Whether training images are augmented (then the data must be images, C×H×W). */
  public boolean augments() {
    return shift > 0 || flip;
  }

  private static String oneOf(Node n, String key, String fallback, List<String> allowed) {
    Value v = n.arg(key);
    String s = n.strArg(key, fallback);
    if ((v != null && !(v instanceof Value.StrVal)) || !allowed.contains(s)) {
      throw new SpecError("recipe." + key, "one of " + allowed, String.valueOf(v));
    }
    return s;
  }

  private static void positive(String key, double v) {
    if (!(v > 0)) {
      throw new SpecError("recipe." + key, "a positive number", "" + v);
    }
  }

  private static void nonNegative(String key, double v) {
    if (!(v >= 0)) {
      throw new SpecError("recipe." + key, "a non-negative number", "" + v);
    }
  }
}
