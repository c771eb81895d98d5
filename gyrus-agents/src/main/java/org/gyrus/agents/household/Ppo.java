package org.gyrus.agents.household;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.gyrus.nn.Scalars;

/**
 * The PPO baseline's actor-critic (a two-layer tanh trunk with a policy head and a value head, DJL
 * arrays), the clipped surrogate loss and generalised advantage estimation (Schulman et al. 2017).
 */
public final class Ppo {
  /**
   * Hyper-parameters; {@code envSteps} is the training budget.
   *
   * @param envs parallel environments per rollout
   * @param horizon steps per environment per rollout
   */
  public record Config(
      int hidden,
      double lr,
      double gamma,
      double lambda,
      double clip,
      double valueCoef,
      double entropyCoef,
      int envs,
      int horizon,
      int epochs,
      int minibatch,
      long envSteps,
      long seed) {
    /** The settings used by the bench: common PPO defaults, 16 x 128 rollouts. */
    public static Config of(long envSteps, long seed) {
      return new Config(128, 3e-4, 0.99, 0.95, 0.2, 0.5, 0.01, 16, 128, 4, 512, envSteps, seed);
    }
  }

  private final NDArray w1;
  private final NDArray b1;
  private final NDArray w2;
  private final NDArray b2;
  private final NDArray wp;
  private final NDArray bp;
  private final NDArray wv;
  private final NDArray bv;

  public Ppo(NDManager m, int inputs, int hidden, int actions, long seed) {
    m.getEngine().setRandomSeed((int) seed);
    w1 = param(m, inputs, hidden, Math.sqrt(1.0 / inputs));
    b1 = m.zeros(new Shape(hidden));
    w2 = param(m, hidden, hidden, Math.sqrt(1.0 / hidden));
    b2 = m.zeros(new Shape(hidden));
    wp = param(m, hidden, actions, 0.01);
    bp = m.zeros(new Shape(actions));
    wv = param(m, hidden, 1, Math.sqrt(1.0 / hidden));
    bv = m.zeros(new Shape(1));
    for (NDArray p : parameters()) {
      p.setRequiresGradient(true);
    }
  }

  private static NDArray param(NDManager m, int in, int out, double std) {
    return m.randomNormal(0f, (float) std, new Shape(in, out), DataType.FLOAT32);
  }

  public List<NDArray> parameters() {
    return List.of(w1, b1, w2, b2, wp, bp, wv, bv);
  }

  /** Logits (batch x actions) and values (batch). */
  public NDArray[] forward(NDArray x) {
    NDArray h = x.matMul(w1).add(b1).tanh();
    h = h.matMul(w2).add(b2).tanh();
    return new NDArray[] {h.matMul(wp).add(bp), h.matMul(wv).add(bv).reshape(-1)};
  }

  /**
   * The PPO loss, averaged over the batch: {@code -min(r A, clip(r, 1-eps, 1+eps) A) + valueCoef (V
   * - R)^2 - entropyCoef H}, with {@code r = exp(log pi(a) - oldLogp)}.
   *
   * @return {total, policy, value, entropy}
   */
  public static NDArray[] loss(
      NDArray logits,
      NDArray values,
      NDArray actions,
      NDArray oldLogp,
      NDArray advantages,
      NDArray returns,
      double clip,
      double valueCoef,
      double entropyCoef) {
    NDArray logp = logits.logSoftmax(1);
    NDArray onehot = actions.oneHot((int) logits.getShape().get(1));
    NDArray taken = logp.mul(onehot).sum(new int[] {1});
    NDArray ratio = taken.sub(oldLogp).exp();
    NDArray s1 = ratio.mul(advantages);
    NDArray s2 = ratio.clip((float) (1 - clip), (float) (1 + clip)).mul(advantages);
    NDArray policy = s1.minimum(s2).mean().neg();
    NDArray value = values.sub(returns).square().mean();
    NDArray entropy = logp.exp().mul(logp).sum(new int[] {1}).mean().neg();
    NDArray total =
        policy.add(Scalars.mul(value, valueCoef)).sub(Scalars.mul(entropy, entropyCoef));
    return new NDArray[] {total, policy, value, entropy};
  }

  /**
   * Generalised advantage estimates for one environment's segment: {@code done[t]} ends the episode
   * after step t (no bootstrap across it), {@code lastValue} bootstraps the segment's end.
   */
  public static float[] advantages(
      float[] rewards,
      float[] values,
      boolean[] done,
      float lastValue,
      double gamma,
      double lambda) {
    int n = rewards.length;
    float[] adv = new float[n];
    double gae = 0;
    for (int t = n - 1; t >= 0; t--) {
      double next = t == n - 1 ? lastValue : values[t + 1];
      double live = done[t] ? 0 : 1;
      double delta = rewards[t] + gamma * next * live - values[t];
      gae = delta + gamma * lambda * live * gae;
      adv[t] = (float) gae;
    }
    return adv;
  }
}
