package org.gyrus.agents.goals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A blocks-world state over the palette's blocks: {@code under[b]} is the block {@code b} sits on,
 * {@link #TABLE}, or {@link #ABSENT} when {@code b} is not in the scene. The hand is empty.
 */
public record BlocksState(int[] under) {
  public static final int TABLE = -1;
  public static final int ABSENT = -2;

  public BlocksState {
    under = under.clone();
    if (under.length != Palette.size()) {
      throw new IllegalArgumentException(
          "blocks state: " + Palette.size() + " entries expected, got " + under.length);
    }
  }

  /** A random state of {@code n} blocks drawn from the palette, arranged as {@link #arrange}. */
  public static BlocksState random(int n, SplittableRandom rng) {
    int k = Palette.size();
    if (n < 1 || n > Math.min(k, SceneRenderer.SLOTS)) {
      throw new IllegalArgumentException(
          "blocks state: 1 to " + Math.min(k, SceneRenderer.SLOTS) + " blocks expected, got " + n);
    }
    return arrange(Arrays.copyOf(shuffled(k, rng), n), rng);
  }

  /**
   * A random arrangement of {@code blocks}: a random order cut into stacks, each gap a cut with
   * probability {@code p} drawn uniformly from [0.25, 0.75] per state.
   */
  public static BlocksState arrange(int[] blocks, SplittableRandom rng) {
    int[] order = shuffled(blocks.length, rng);
    int[] under = new int[Palette.size()];
    Arrays.fill(under, ABSENT);
    double p = 0.25 + 0.5 * rng.nextDouble();
    for (int i = 0; i < blocks.length; i++) {
      int b = blocks[order[i]];
      under[b] = i == 0 || rng.nextDouble() < p ? TABLE : blocks[order[i - 1]];
    }
    return new BlocksState(under);
  }

  private static int[] shuffled(int n, SplittableRandom rng) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }

  public boolean present(int b) {
    return under[b] != ABSENT;
  }

  public int under(int b) {
    return under[b];
  }

  /** The blocks in the scene, in palette order. */
  public int[] blocks() {
    return java.util.stream.IntStream.range(0, under.length).filter(this::present).toArray();
  }

  /**
   * Whether this is a physical state: every present block is on the table or on another present
   * block, no block carries two, and no chain of blocks loops.
   */
  public boolean valid() {
    int k = under.length;
    boolean[] carries = new boolean[k];
    for (int b = 0; b < k; b++) {
      int s = under[b];
      if (s == ABSENT || s == TABLE) {
        continue;
      }
      if (s < 0 || s >= k || s == b || !present(s) || carries[s]) {
        return false;
      }
      carries[s] = true;
    }
    for (int b = 0; b < k; b++) {
      int s = b;
      for (int steps = 0; present(b) && s != TABLE; steps++) {
        if (steps > k) {
          return false;
        }
        s = under[s];
      }
    }
    return true;
  }

  /** The stacks bottom to top; stacks ordered by their bottom block's palette index. */
  public List<List<Integer>> stacks() {
    int k = under.length;
    int[] above = new int[k];
    Arrays.fill(above, -1);
    for (int b = 0; b < k; b++) {
      if (under[b] >= 0) {
        above[under[b]] = b;
      }
    }
    List<List<Integer>> out = new ArrayList<>();
    for (int b = 0; b < k; b++) {
      if (under[b] == TABLE) {
        List<Integer> s = new ArrayList<>();
        for (int c = b; c >= 0; c = above[c]) {
          s.add(c);
        }
        out.add(s);
      }
    }
    return out;
  }

  /** The true ground atoms: {@code (on a b)}, {@code (ontable a)}, {@code (clear a)}. */
  public Set<String> atoms() {
    Set<String> out = new LinkedHashSet<>();
    boolean[] covered = new boolean[under.length];
    for (int b : blocks()) {
      if (under[b] == TABLE) {
        out.add("(ontable " + Palette.name(b) + ")");
      } else {
        out.add("(on " + Palette.name(b) + " " + Palette.name(under[b]) + ")");
        covered[under[b]] = true;
      }
    }
    for (int b : blocks()) {
      if (!covered[b]) {
        out.add("(clear " + Palette.name(b) + ")");
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlocksState s && Arrays.equals(under, s.under);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(under);
  }

  @Override
  public String toString() {
    return atoms().toString();
  }
}
