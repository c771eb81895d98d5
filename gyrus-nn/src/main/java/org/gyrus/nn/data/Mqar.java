package org.gyrus.nn.data;

import java.util.SplittableRandom;

/**
 * Multi-query associative recall (Zoology's MQAR), seeded. A sequence starts with {@code pairs}
 * key-value pairs {@code k1 v1 k2 v2 ...} (distinct keys from {@code [1, vocab/2)}, values from
 * {@code [vocab/2, vocab)}); every key is then queried once, in random order, at random positions
 * of the rest of the sequence, which is otherwise filled with the padding token 0. The target at a
 * query position is the value bound to that key; every other position has target {@link #IGNORE}. A
 * model must therefore read the value written {@code ~T} tokens earlier.
 */
public final class Mqar {
  /** Target of positions that are not queries. */
  public static final int IGNORE = -1;

  private final int vocab;
  private final int length;
  private final int pairs;

  /** Checks the shape of the task before any sequence is drawn. */
  public Mqar(int vocab, int length, int pairs) {
    if (pairs < 1) {
      throw new IllegalArgumentException("mqar: pairs must be >= 1, got " + pairs);
    }
    if (vocab / 2 - 1 < pairs) {
      throw new IllegalArgumentException(
          "mqar: vocab " + vocab + " has " + (vocab / 2 - 1) + " keys, fewer than pairs=" + pairs);
    }
    if (length < 3 * pairs) {
      throw new IllegalArgumentException(
          "mqar: length "
              + length
              + " cannot hold "
              + pairs
              + " pairs and their queries (>= 3·pairs)");
    }
    this.vocab = vocab;
    this.length = length;
    this.pairs = pairs;
  }

  public int vocab() {
    return vocab;
  }

  public int length() {
    return length;
  }

  public int pairs() {
    return pairs;
  }

  /** {@code n} sequences: tokens and targets, row-major (n × length). */
  public record Batch(int n, int length, int[] tokens, int[] targets) {
    /** Number of positions with a target. */
    public int queries() {
      int q = 0;
      for (int t : targets) {
        q += t == IGNORE ? 0 : 1;
      }
      return q;
    }
  }

  /** Draws {@code n} sequences from {@code rng}; the same seed gives the same batch. */
  public Batch sample(int n, SplittableRandom rng) {
    int[] tokens = new int[n * length];
    int[] targets = new int[n * length];
    java.util.Arrays.fill(targets, IGNORE);
    int half = vocab / 2;
    for (int s = 0; s < n; s++) {
      int base = s * length;
      int[] keys = distinct(half - 1, pairs, rng);
      int[] values = new int[pairs];
      for (int i = 0; i < pairs; i++) {
        keys[i] += 1;
        values[i] = half + rng.nextInt(vocab - half);
        tokens[base + 2 * i] = keys[i];
        tokens[base + 2 * i + 1] = values[i];
      }
      int[] slots = distinct(length - 2 * pairs, pairs, rng);
      int[] order = distinct(pairs, pairs, rng);
      for (int i = 0; i < pairs; i++) {
        int pos = base + 2 * pairs + slots[i];
        tokens[pos] = keys[order[i]];
        targets[pos] = values[order[i]];
      }
    }
    return new Batch(n, length, tokens, targets);
  }

  /** {@code count} distinct integers from {@code [0, range)} in random order (partial shuffle). */
  static int[] distinct(int range, int count, SplittableRandom rng) {
    int[] all = new int[range];
    for (int i = 0; i < range; i++) {
      all[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + rng.nextInt(range - i);
      int tmp = all[i];
      all[i] = all[j];
      all[j] = tmp;
    }
    return java.util.Arrays.copyOf(all, count);
  }
}
