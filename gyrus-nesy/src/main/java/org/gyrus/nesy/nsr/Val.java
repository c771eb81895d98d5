package org.gyrus.nesy.nsr;

import java.util.Arrays;

/**
 * The meaning of a sub-tree: a token sequence, or (for a one-argument word standing alone as a
 * dependent) the word itself as a function, which the head's program may apply.
 */
final class Val {
  final int[] seq;
  final int closureWord;
  private final int hash;

  private Val(int[] seq, int closureWord) {
    this.seq = seq;
    this.closureWord = closureWord;
    this.hash = seq == null ? -1 - closureWord : Arrays.hashCode(seq);
  }

  static Val seq(int[] tokens) {
    return new Val(tokens, -1);
  }

  static Val closure(int word) {
    return new Val(null, word);
  }

  boolean isClosure() {
    return seq == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Val
        && ((Val) o).closureWord == closureWord
        && Arrays.equals(((Val) o).seq, seq);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Whether {@code part} occurs contiguously in {@code whole}. */
  static boolean contains(int[] whole, int[] part) {
    outer:
    for (int i = 0; i + part.length <= whole.length; i++) {
      for (int k = 0; k < part.length; k++) {
        if (whole[i + k] != part[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
