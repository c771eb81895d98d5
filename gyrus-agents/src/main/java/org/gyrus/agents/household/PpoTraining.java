package org.gyrus.agents.household;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.gyrus.nn.train.Optimizer;
import org.gyrus.nn.train.Recipe;

/**
 * Trains the PPO baseline on freshly drawn training scenarios (levels 1-5 uniformly, seeds apart
 * from the evaluation's) for a budget of environment steps, then runs it on given scenarios.
 */
public final class PpoTraining implements AutoCloseable {
  /** Seeds of training scenarios start here; evaluation seeds stay below. */
  public static final long TRAIN_SEED_BASE = 1_000_000L;

  private final Ppo.Config cfg;
  private final NDManager m;
  private final Ppo net;
  private final SplittableRandom rnd;
  private long trainSeed;
  private double cpuSeconds;

  /** What one training run did. */
  public record Summary(
      long envSteps, int updates, int episodes, double successRate, double cpuSeconds) {}

  private final int maxLevel;

  /** Training scenarios of levels 1..maxLevel. */
  public PpoTraining(Ppo.Config cfg, int maxLevel) {
    if (maxLevel < 1 || maxLevel > Scenario.MAX_LEVEL) {
      throw new IllegalArgumentException("ppo: max level must be 1.." + Scenario.MAX_LEVEL);
    }
    this.maxLevel = maxLevel;
    this.cfg = cfg;
    this.m = Engine.getEngine("PyTorch").newBaseManager();
    this.net = new Ppo(m, ObsEncoder.SIZE, cfg.hidden(), Action.COUNT, cfg.seed());
    this.rnd = new SplittableRandom(cfg.seed());
    this.trainSeed = TRAIN_SEED_BASE + cfg.seed() * 100_000_000L;
  }

  private RlEnv freshEnv() {
    return new RlEnv(Scenario.generate(trainSeed++, 1 + rnd.nextInt(maxLevel)));
  }

  /** Runs the budget; logs a line every few updates. */
  public Summary train(PrintStream log) {
    long cpu0 = cpuNanos();
    int e = cfg.envs();
    int t = cfg.horizon();
    int d = ObsEncoder.SIZE;
    RlEnv[] envs = new RlEnv[e];
    for (int i = 0; i < e; i++) {
      envs[i] = freshEnv();
    }
    Optimizer opt = Optimizer.of(Recipe.defaults(), net.parameters());
    float[] obs = new float[e * t * d];
    int[] act = new int[e * t];
    float[] logp = new float[e * t];
    float[] val = new float[e * t];
    float[] rew = new float[e * t];
    boolean[] done = new boolean[e * t];
    long steps = 0;
    int updates = 0;
    int episodes = 0;
    int solved = 0;
    int recentEpisodes = 0;
    int recentSolved = 0;
    float[] x = new float[e * d]; // the envs' observations, re-encoded in place every step
    while (steps < cfg.envSteps()) {
      for (int s = 0; s < t; s++) {
        for (int i = 0; i < e; i++) {
          envs[i].encode(x, i * d);
        }
        float[][] pv = policy(x, e);
        for (int i = 0; i < e; i++) {
          int k = i * t + s;
          System.arraycopy(x, i * d, obs, k * d, d);
          act[k] = sample(pv[0], i, rnd);
          logp[k] = (float) Math.log(Math.max(1e-12, pv[0][i * Action.COUNT + act[k]]));
          val[k] = pv[1][i];
          rew[k] = envs[i].step(Action.of(act[k]));
          done[k] = envs[i].done();
          if (done[k]) {
            episodes++;
            recentEpisodes++;
            if (envs[i].world().solved()) {
              solved++;
              recentSolved++;
            }
            envs[i] = freshEnv();
          }
        }
        steps += e;
      }
      for (int i = 0; i < e; i++) {
        envs[i].encode(x, i * d);
      }
      float[] last = policy(x, e)[1];
      update(opt, obs, act, logp, val, rew, done, last, ++updates);
      if (log != null && updates % 10 == 0) {
        log.printf(
            Locale.ROOT,
            "  ppo steps %d episodes %d solved (last 10 updates) %.3f%n",
            steps,
            episodes,
            recentEpisodes == 0 ? 0.0 : (double) recentSolved / recentEpisodes);
        recentEpisodes = 0;
        recentSolved = 0;
      }
    }
    cpuSeconds = (cpuNanos() - cpu0) / 1e9;
    return new Summary(
        steps, updates, episodes, episodes == 0 ? 0 : (double) solved / episodes, cpuSeconds);
  }

  /** Action probabilities (batch x actions) and values for a batch of encodings. */
  private float[][] policy(float[] x, int batch) {
    try (NDManager s = m.newSubManager()) {
      NDArray in = s.create(x, new Shape(batch, ObsEncoder.SIZE));
      NDArray[] out = net.forward(in);
      return new float[][] {out[0].softmax(1).toFloatArray(), out[1].toFloatArray()};
    }
  }

  private static int sample(float[] probs, int row, SplittableRandom rnd) {
    double u = rnd.nextDouble();
    int base = row * Action.COUNT;
    for (int a = 0; a < Action.COUNT; a++) {
      u -= probs[base + a];
      if (u <= 0) {
        return a;
      }
    }
    return Action.COUNT - 1;
  }

  private void update(
      Optimizer opt,
      float[] obs,
      int[] act,
      float[] logp,
      float[] val,
      float[] rew,
      boolean[] done,
      float[] last,
      long t) {
    int e = cfg.envs();
    int h = cfg.horizon();
    int n = e * h;
    float[] adv = new float[n];
    float[] ret = new float[n];
    for (int i = 0; i < e; i++) {
      float[] r = java.util.Arrays.copyOfRange(rew, i * h, (i + 1) * h);
      float[] v = java.util.Arrays.copyOfRange(val, i * h, (i + 1) * h);
      boolean[] dn = java.util.Arrays.copyOfRange(done, i * h, (i + 1) * h);
      float[] a = Ppo.advantages(r, v, dn, last[i], cfg.gamma(), cfg.lambda());
      for (int k = 0; k < h; k++) {
        adv[i * h + k] = a[k];
        ret[i * h + k] = a[k] + v[k];
      }
    }
    normalise(adv);
    int d = ObsEncoder.SIZE;
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    long step = (t - 1) * cfg.epochs() * ((n + cfg.minibatch() - 1) / cfg.minibatch());
    for (int ep = 0; ep < cfg.epochs(); ep++) {
      shuffle(order);
      for (int from = 0; from < n; from += cfg.minibatch()) {
        int b = Math.min(cfg.minibatch(), n - from);
        float[] x = new float[b * d];
        float[] a = new float[b];
        float[] lp = new float[b];
        float[] ad = new float[b];
        float[] rt = new float[b];
        for (int j = 0; j < b; j++) {
          int k = order[from + j];
          System.arraycopy(obs, k * d, x, j * d, d);
          a[j] = act[k];
          lp[j] = logp[k];
          ad[j] = adv[k];
          rt[j] = ret[k];
        }
        try (NDManager s = m.newSubManager()) {
          try (var gc = m.getEngine().newGradientCollector()) {
            NDArray[] out = net.forward(s.create(x, new Shape(b, d)));
            NDArray[] loss =
                Ppo.loss(
                    out[0],
                    out[1],
                    s.create(a),
                    s.create(lp),
                    s.create(ad),
                    s.create(rt),
                    cfg.clip(),
                    cfg.valueCoef(),
                    cfg.entropyCoef());
            gc.backward(loss[0]);
          }
          opt.stepAndZero(net.parameters(), (float) cfg.lr(), ++step);
        }
      }
    }
  }

  private static void normalise(float[] a) {
    double mean = 0;
    for (float v : a) {
      mean += v;
    }
    mean /= a.length;
    double var = 0;
    for (float v : a) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / a.length) + 1e-8;
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) ((a[i] - mean) / sd);
    }
  }

  private void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }

  /** One evaluation episode's outcome. */
  public record Outcome(boolean solved, int steps) {}

  /** Runs the trained policy (sampling, seeded) on each scenario, all in one batch. */
  public List<Outcome> evaluate(List<Scenario> scenarios, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<RlEnv> envs = new ArrayList<>();
    for (Scenario s : scenarios) {
      envs.add(new RlEnv(s));
    }
    int d = ObsEncoder.SIZE;
    List<Integer> live = new ArrayList<>();
    for (int i = 0; i < envs.size(); i++) {
      live.add(i);
    }
    while (!live.isEmpty()) {
      float[] x = new float[live.size() * d];
      for (int j = 0; j < live.size(); j++) {
        envs.get(live.get(j)).encode(x, j * d);
      }
      float[] p = policy(x, live.size())[0];
      List<Integer> next = new ArrayList<>();
      for (int j = 0; j < live.size(); j++) {
        RlEnv env = envs.get(live.get(j));
        env.step(Action.of(sample(p, j, r)));
        if (!env.done()) {
          next.add(live.get(j));
        }
      }
      live = next;
    }
    List<Outcome> out = new ArrayList<>();
    for (RlEnv env : envs) {
      out.add(new Outcome(env.world().solved(), env.world().steps()));
    }
    return out;
  }

  public double cpuSeconds() {
    return cpuSeconds;
  }

  private static long cpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  @Override
  public void close() {
    m.close();
  }
}
