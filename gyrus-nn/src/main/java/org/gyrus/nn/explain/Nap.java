package org.gyrus.nn.explain;

/**
 * A neural activation pattern (B17): per hidden layer and neuron, {@code +1} must be active ({@code
 * z > 0}), {@code -1} must be inactive ({@code z <= 0}), {@code 0} unconstrained. Layers outside
 * the mined set are all zeros.
 *
 * @param state {@code state[layer][neuron]}
 */
public record Nap(int[][] state) {
  public static final int ACTIVE = 1;
  public static final int INACTIVE = -1;
  public static final int FREE = 0;

  /** The pattern that constrains nothing (plain regions). */
  public static Nap none(ReluMlp net) {
    int[][] s = new int[net.hiddenLayers()][];
    for (int l = 0; l < s.length; l++) {
      s[l] = new int[net.width(l)];
    }
    return new Nap(s);
  }

  /** Whether the pre-activations {@code z} (as from {@link ReluMlp#preActivations}) match. */
  public boolean matches(double[][] z) {
    for (int l = 0; l < state.length; l++) {
      for (int j = 0; j < state[l].length; j++) {
        int s = state[l][j];
        if ((s == ACTIVE && !(z[l][j] > 0)) || (s == INACTIVE && z[l][j] > 0)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Number of constrained neurons. */
  public int size() {
    int n = 0;
    for (int[] layer : state) {
      for (int s : layer) {
        n += s == FREE ? 0 : 1;
      }
    }
    return n;
  }

  /**
   * The conjunction of two patterns (inputs matching both), or null when a neuron must be active in
   * one and inactive in the other, so that no input matches both.
   */
  public Nap and(Nap other) {
    int[][] s = new int[state.length][];
    for (int l = 0; l < state.length; l++) {
      s[l] = new int[state[l].length];
      for (int j = 0; j < s[l].length; j++) {
        int a = state[l][j];
        int b = other.state[l][j];
        if (a != FREE && b != FREE && a != b) {
          return null;
        }
        s[l][j] = a != FREE ? a : b;
      }
    }
    return new Nap(s);
  }
}
