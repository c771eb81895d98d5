package org.gyrus.logic.plan;

import java.util.Arrays;

/** A binary min-heap of (long key, long value) pairs. */
final class LongHeap {
  private long[] keys = new long[256];
  private long[] vals = new long[256];
  private int n;

  void clear() {
    n = 0;
  }

  boolean isEmpty() {
    return n == 0;
  }

  int size() {
    return n;
  }

  void push(long key, long val) {
    if (n == keys.length) {
      keys = Arrays.copyOf(keys, n * 2);
      vals = Arrays.copyOf(vals, n * 2);
    }
    int i = n++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (keys[p] <= key) {
        break;
      }
      keys[i] = keys[p];
      vals[i] = vals[p];
      i = p;
    }
    keys[i] = key;
    vals[i] = val;
  }

  long topKey() {
    return keys[0];
  }

  /** Removes the smallest entry and returns its value. */
  long pop() {
    long top = vals[0];
    n--;
    if (n > 0) {
      long k = keys[n];
      long v = vals[n];
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= n) {
          break;
        }
        if (c + 1 < n && keys[c + 1] < keys[c]) {
          c++;
        }
        if (keys[c] >= k) {
          break;
        }
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = k;
      vals[i] = v;
    }
    return top;
  }
}
