package org.gyrus.agents.game;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gyrus.core.DataDir;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.Datasets;

/**
 * Bench main: trains one game per (message length, vocabulary) pair and appends one JSON line per
 * game. Usage: {@code GameGrid DATASET LENGTHS VOCABS STEPS TRAIN TEST DISTRACTORS SEED OUT.jsonl}
 * (lists comma-separated; data from $GYRUS_DATA).
 */
public final class GameGrid {
  private GameGrid() {}

  public static void main(String[] a) {
    if (a.length != 9) {
      System.err.println(
          "error: usage GameGrid DATASET LENGTHS VOCABS STEPS TRAIN TEST DISTRACTORS SEED OUT.jsonl");
      System.exit(2);
    }
    String dataset = a[0];
    int steps = Integer.parseInt(a[3]);
    int nTrain = Integer.parseInt(a[4]);
    int nTest = Integer.parseInt(a[5]);
    int distractors = Integer.parseInt(a[6]);
    long seed = Long.parseLong(a[7]);
    Path out = Path.of(a[8]);
    Path dir = DataDir.resolve(null);
    DataSplits s = Datasets.idx(dir, dataset, 0.0, seed);
    Dataset train = s.train().head(Math.min(nTrain, s.train().size()));
    Dataset test = s.test().subset(spread(s.test().size(), nTest), dataset + "/test-subset");
    for (int len : ints(a[1])) {
      for (int vocab : ints(a[2])) {
        GameConfig cfg = GameConfig.of(len, vocab, distractors, steps, seed);
        GameTraining.Report r =
            GameTraining.run(cfg, train, test, new GameTraining.Eval(2000, 400), System.err);
        String line = json(dataset, r, train.size(), test.size());
        System.out.println(line);
        append(out, line);
      }
    }
  }

  /** n indices spread evenly over 0..size-1 (the IDX test sets are not sorted by class). */
  static int[] spread(int size, int n) {
    int k = Math.min(size, n);
    int[] idx = new int[k];
    for (int i = 0; i < k; i++) {
      idx[i] = (int) ((long) i * size / k);
    }
    return idx;
  }

  static List<Integer> ints(String csv) {
    List<Integer> r = new ArrayList<>();
    for (String p : csv.split(",")) {
      r.add(Integer.parseInt(p.trim()));
    }
    return r;
  }

  public static String json(String dataset, GameTraining.Report r, int train, int test) {
    Map<String, Object> m = new LinkedHashMap<>();
    GameConfig c = r.config();
    m.put("dataset", dataset);
    m.put("length", c.length());
    m.put("vocab", c.vocab());
    m.put("distractors", c.distractors());
    m.put("steps", c.steps());
    m.put("batch", c.batch());
    m.put("train_images", train);
    m.put("test_images", test);
    m.put("seed", c.seed());
    m.put("train_success", r.trainSuccess());
    m.put("test_success", r.testSuccess());
    m.put("chance", r.chance());
    m.put("perplexity", r.usage().perplexity());
    m.put("codes_used_fraction", r.usage().usedFraction());
    m.put("distinct_messages", r.usage().distinctMessages());
    m.put("topsim_class", r.topsimClass());
    m.put("topsim_pixel", r.topsimPixel());
    m.put("topsim_class_shuffled", r.topsimShuffled()[0]);
    m.put("topsim_pixel_shuffled", r.topsimShuffled()[1]);
    m.put("final_loss", r.finalLoss());
    m.put("seconds", r.seconds());
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append('"').append(e.getKey()).append("\": ");
      Object v = e.getValue();
      if (v instanceof String str) {
        sb.append('"').append(str).append('"');
      } else if (v instanceof Double d) {
        sb.append(d.isNaN() ? "null" : String.format(Locale.ROOT, "%.4f", d));
      } else {
        sb.append(v);
      }
    }
    return sb.append('}').toString();
  }

  private static void append(Path out, String line) {
    try {
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": cannot append: " + e.getMessage(), e);
    }
  }
}
