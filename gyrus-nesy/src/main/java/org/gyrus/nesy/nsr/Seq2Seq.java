package org.gyrus.nesy.nsr;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.train.Optimizer;
import org.gyrus.nn.train.Recipe;

/**
 * The neural baseline: an LSTM encoder–decoder (Sutskever et al.; Lake and Baroni's SCAN baseline
 * without attention), trained with teacher forcing and Adam for a fixed number of steps, decoded
 * greedily. Parameters are plain DJL arrays; one LSTM cell per side.
 */
public final class Seq2Seq implements SeqLearner {
  /** Training budget and size. */
  public record Config(int hidden, int steps, int batch, double lr, long seed) {
    public Config {
      if (hidden < 1 || steps < 1 || batch < 1 || !(lr > 0)) {
        throw new IllegalArgumentException("seq2seq settings must be positive: " + this);
      }
    }
  }

  private static final int PAD = 0;
  private static final int SOS = 1;
  private static final int EOS = 2;

  private final Config cfg;
  private final NDManager m;
  private final Map<String, Integer> inVocab = new HashMap<>();
  private final Map<String, Integer> outVocab = new HashMap<>();
  private final List<String> outWords = new ArrayList<>(List.of("<pad>", "<s>", "</s>"));
  private NDArray embIn;
  private NDArray embOut;
  private NDArray encW;
  private NDArray encB;
  private NDArray decW;
  private NDArray decB;
  private NDArray outW;
  private NDArray outB;
  private int maxOut;

  /** The registered learner {@code seq2seq}. */
  @Register
  public static final class Factory implements SeqLearner.Factory {
    @Override
    public NodeType type() {
      return NodeType.of(
          "seq2seq",
          "LSTM encoder-decoder baseline (no attention), teacher forcing, Adam, greedy decoding",
          ArgSpec.optional("hidden", Kind.INT, 64).range(1, 4096).doc("LSTM width"),
          ArgSpec.optional("steps", Kind.INT, 2000).range(1, 10_000_000).doc("training steps"),
          ArgSpec.optional("batch", Kind.INT, 64).range(1, 1 << 16).doc("examples per step"),
          ArgSpec.optional("lr", Kind.FLOAT, 0.003).range(1e-9, 10).doc("Adam learning rate"));
    }

    @Override
    public SeqLearner create(Args a, long seed) {
      return new Seq2Seq(
          new Config(
              a.smallInt("hidden"),
              a.smallInt("steps"),
              a.smallInt("batch"),
              a.number("lr"),
              seed));
    }
  }

  @Override
  public String learn(List<SeqPair> pairs) {
    return String.format(
        java.util.Locale.ROOT,
        "hidden %d steps %d batch %d lr %s final loss %.4f",
        cfg.hidden(),
        cfg.steps(),
        cfg.batch(),
        cfg.lr(),
        train(pairs));
  }

  @Override
  public List<String> predict(List<String> input) {
    return predictBatch(List.of(new SeqPair(input, List.of(), "input"))).get(0);
  }

  public Seq2Seq(Config cfg) {
    this.cfg = cfg;
    this.m = Engine.getEngine("PyTorch").newBaseManager();
    m.getEngine().setRandomSeed((int) cfg.seed());
    inVocab.put("<pad>", PAD);
  }

  /** Trains for the configured steps; returns the mean loss of the last 100 steps. */
  public double train(List<SeqPair> pairs) {
    for (SeqPair p : pairs) {
      p.input().forEach(w -> inVocab.putIfAbsent(w, inVocab.size()));
      for (String t : p.output()) {
        if (!outVocab.containsKey(t)) {
          outVocab.put(t, outWords.size());
          outWords.add(t);
        }
      }
      maxOut = Math.max(maxOut, p.output().size());
    }
    init();
    List<NDArray> ws = List.of(embIn, embOut, encW, encB, decW, decB, outW, outB);
    Optimizer opt = Optimizer.of(Recipe.defaults(), ws);
    SplittableRandom rng = new SplittableRandom(cfg.seed());
    double recent = 0;
    for (int s = 1; s <= cfg.steps(); s++) {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        List<SeqPair> b = new ArrayList<>();
        for (int i = 0; i < cfg.batch(); i++) {
          b.add(pairs.get(rng.nextInt(pairs.size())));
        }
        NDArray loss;
        try (GradientCollector gc = m.getEngine().newGradientCollector()) {
          loss = loss(b);
          gc.backward(loss);
        }
        opt.stepAndZero(ws, (float) cfg.lr(), s);
        if (s > cfg.steps() - 100) {
          recent += loss.getFloat() / Math.min(100, cfg.steps());
        }
      }
    }
    return recent;
  }

  private void init() {
    int h = cfg.hidden();
    embIn = param(new Shape(inVocab.size(), h));
    embOut = param(new Shape(outWords.size(), h));
    encW = param(new Shape(2L * h, 4L * h));
    encB = param(new Shape(1, 4L * h));
    decW = param(new Shape(2L * h, 4L * h));
    decB = param(new Shape(1, 4L * h));
    outW = param(new Shape(h, outWords.size()));
    outB = param(new Shape(1, outWords.size()));
  }

  private NDArray param(Shape s) {
    NDArray a = m.randomUniform(-0.1f, 0.1f, s);
    a.setRequiresGradient(true);
    return a;
  }

  /** State [h, c] after one LSTM step; rows where mask is 0 keep their state. */
  private NDArray[] cell(NDArray x, NDArray[] state, NDArray w, NDArray b, NDArray mask) {
    int h = cfg.hidden();
    NDArray z = x.concat(state[0], 1).matMul(w).add(b);
    NDList g = z.split(4, 1);
    NDArray c =
        Activation.sigmoid(g.get(1).add(1))
            .mul(state[1])
            .add(Activation.sigmoid(g.get(0)).mul(g.get(3).tanh()));
    NDArray hn = Activation.sigmoid(g.get(2)).mul(c.tanh());
    if (mask == null) {
      return new NDArray[] {hn, c};
    }
    NDArray keep = mask.neg().add(1);
    return new NDArray[] {
      hn.mul(mask).add(state[0].mul(keep)), c.mul(mask).add(state[1].mul(keep))
    };
  }

  private NDArray[] encode(List<SeqPair> batch) {
    int n = batch.size();
    int len = batch.stream().mapToInt(p -> p.input().size()).max().orElse(1);
    NDArray[] state = {m.zeros(new Shape(n, cfg.hidden())), m.zeros(new Shape(n, cfg.hidden()))};
    for (int t = 0; t < len; t++) {
      float[] ids = new float[n];
      float[] mask = new float[n];
      for (int i = 0; i < n; i++) {
        List<String> in = batch.get(i).input();
        if (t < in.size()) {
          ids[i] = inVocab.getOrDefault(in.get(t), PAD);
          mask[i] = 1;
        }
      }
      NDArray x = m.create(ids).toType(DataType.INT32, false).oneHot(inVocab.size()).matMul(embIn);
      state = cell(x, state, encW, encB, m.create(mask, new Shape(n, 1)));
    }
    return state;
  }

  /** Mean cross-entropy per target token (with end marker), teacher forced. */
  private NDArray loss(List<SeqPair> batch) {
    int n = batch.size();
    NDArray[] state = encode(batch);
    int len = batch.stream().mapToInt(p -> p.output().size()).max().orElse(0) + 1;
    NDArray total = m.zeros(new Shape(1));
    float count = 0;
    float[] prev = new float[n];
    java.util.Arrays.fill(prev, SOS);
    for (int t = 0; t < len; t++) {
      float[] gold = new float[n];
      float[] mask = new float[n];
      for (int i = 0; i < n; i++) {
        List<String> out = batch.get(i).output();
        if (t <= out.size()) {
          gold[i] = t < out.size() ? outVocab.get(out.get(t)) : EOS;
          mask[i] = 1;
          count++;
        }
      }
      state = decoderStep(prev, state);
      NDArray logp = state[0].matMul(outW).add(outB).logSoftmax(1);
      NDArray pick =
          logp.mul(m.create(gold).toType(DataType.INT32, false).oneHot(outWords.size()))
              .sum(new int[] {1});
      total = total.sub(pick.mul(m.create(mask)).sum());
      prev = gold;
    }
    return Scalars.div(total, Math.max(1, count));
  }

  /** The decoder's state after reading the previous output tokens {@code prev}. */
  private NDArray[] decoderStep(float[] prev, NDArray[] state) {
    NDArray x = m.create(prev).toType(DataType.INT32, false).oneHot(outWords.size());
    return cell(x.matMul(embOut), state, decW, decB, null);
  }

  /** Greedy outputs for a batch of inputs. */
  public List<List<String>> predictBatch(List<SeqPair> batch) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      out.add(new ArrayList<>());
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray[] state = encode(batch);
      int n = batch.size();
      float[] prev = new float[n];
      java.util.Arrays.fill(prev, SOS);
      boolean[] done = new boolean[n];
      for (int t = 0; t <= 2 * maxOut + 2; t++) {
        state = decoderStep(prev, state);
        long[] best = state[0].matMul(outW).add(outB).argMax(1).toLongArray();
        boolean all = true;
        for (int i = 0; i < n; i++) {
          prev[i] = best[i];
          if (!done[i]) {
            if (best[i] < 3) { // EOS, or SOS / PAD, which never start a real token
              done[i] = true;
            } else {
              out.get(i).add(outWords.get((int) best[i]));
            }
          }
          all &= done[i];
        }
        if (all) {
          break;
        }
      }
    }
    return out;
  }

  /** Exact-match accuracy, decoded in batches. */
  @Override
  public double accuracy(List<SeqPair> pairs) {
    int right = 0;
    for (int s = 0; s < pairs.size(); s += 256) {
      List<SeqPair> b = pairs.subList(s, Math.min(pairs.size(), s + 256));
      List<List<String>> got = predictBatch(b);
      for (int i = 0; i < b.size(); i++) {
        if (got.get(i).equals(b.get(i).output())) {
          right++;
        }
      }
    }
    return pairs.isEmpty() ? 0 : right / (double) pairs.size();
  }

  @Override
  public void close() {
    m.close();
  }
}
