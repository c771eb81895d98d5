package org.gyrus.nn.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.train.EpochListener;
import org.gyrus.nn.train.ProgressBar;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;

/**
 * B13 at CPU scale: character-level language modelling of the bAbI task-1 stories (the story and
 * question lines, line numbers and answer columns dropped): predict the next character from the
 * previous {@code T}. Three arms of one architecture — embedding, two residual multi-head attention
 * layers, then a trained decoder (dense ReLU, then the output layer): the encoder left untrained
 * ({@code frozen}), the whole network trained, and the decoder over a frozen embedding alone (no
 * attention). Prints per arm and seed the test bits per character, trainable parameters and
 * training seconds. Arguments: DATA_DIR TRAIN_WINDOWS EPOCHS SEEDS.
 */
public final class UntrainedMhaBench {
  private UntrainedMhaBench() {}

  private static final int T = 32;
  private static final int DIM = 64;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0], "babi-qa1");
    int windows = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    int seeds = Integer.parseInt(args[3]);
    String train = text(dir.resolve("qa1_single-supporting-fact_train.txt"));
    String test = text(dir.resolve("qa1_single-supporting-fact_test.txt"));
    String vocab = vocabulary(train);
    Dataset trainSet = windows(train, vocab, windows, 1);
    DataSplits data =
        new DataSplits(trainSet, windows(test, vocab, 2000, 2), windows(test, vocab, 10_000, 3));
    String embed = "{_type: embedding, vocab: " + (vocab.length() + 1) + ", dim: " + DIM + "}";
    String attn = "{_type: residual, body: {_type: attention, heads: 4}}";
    String encoder = embed + ", " + attn + ", " + attn;
    String decoder = "{_type: flatten}, {_type: dense, units: 256, activation: relu}";
    String[][] arms = {
      {"untrained_encoder", "[{_type: frozen, body: [" + encoder + "]}, " + decoder + "]"},
      {"trained_encoder", "[" + encoder + ", " + decoder + "]"},
      {"frozen_embedding_only", "[{_type: frozen, body: " + embed + "}, " + decoder + "]"},
    };
    for (int seed = 0; seed < seeds; seed++) {
      for (String[] arm : arms) {
        run(arm[0], SpecCodec.fromYaml("{_type: model, body: " + arm[1] + "}"), data, epochs, seed);
      }
    }
  }

  private static void run(String arm, Value spec, DataSplits data, int epochs, int seed) {
    Recipe recipe =
        Recipe.defaults()
            .with("lr", 1e-3, "epochs", (long) epochs, "seed", (long) seed, "batch_size", 128L);
    CompiledModel model = CompiledModel.classifier(spec, new Shape(T), data.train().classes());
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer trainer = new Trainer(model, recipe, manager);
      TrainResult r =
          trainer.fit(data, EpochListener.watching(e -> {}), new ProgressBar(arm, false));
      double bits = trainer.meanCrossEntropy(data.test()) / Math.log(2);
      System.out.printf(
          Locale.ROOT,
          "arm %s seed %d test_bpc %.4f test_acc %.4f trainable_params %d train_seconds %.1f"
              + " epochs %d%n",
          arm,
          seed,
          bits,
          r.testAccuracy(),
          model.params(),
          r.trainSeconds(),
          epochs);
    }
  }

  /** The story text: each line without its number, and without a question's answer columns. */
  static String text(Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      String s = line.replaceFirst("^\\d+ ", "");
      int tab = s.indexOf('\t');
      sb.append((tab >= 0 ? s.substring(0, tab) : s).trim()).append('\n');
    }
    return sb.toString();
  }

  static String vocabulary(String text) {
    TreeSet<Character> chars = new TreeSet<>();
    for (char c : text.toCharArray()) {
      chars.add(c);
    }
    StringBuilder sb = new StringBuilder();
    chars.forEach(sb::append);
    return sb.toString();
  }

  /** {@code n} windows at seeded random offsets: T character ids in, the next character out. */
  static Dataset windows(String text, String vocab, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int unknown = vocab.length();
    float[] x = new float[n * T];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int at = r.nextInt(text.length() - T);
      for (int t = 0; t < T; t++) {
        int id = vocab.indexOf(text.charAt(at + t));
        x[i * T + t] = id < 0 ? unknown : id;
      }
      int next = vocab.indexOf(text.charAt(at + T));
      y[i] = next < 0 ? unknown : next;
    }
    return new Dataset("babi-chars", x, y, new Shape(T), vocab.length() + 1);
  }
}
