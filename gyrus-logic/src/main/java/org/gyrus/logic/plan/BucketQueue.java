package org.gyrus.logic.plan;

import java.util.Arrays;

/**
 * A monotone priority queue of (int key, int value): buckets for keys below {@link #LIMIT}, a heap
 * above. Keys pushed must not be below the last popped key (Dijkstra-style explorations).
 */
final class BucketQueue {
  static final int LIMIT = 1 << 16;
  private int[][] buckets = new int[64][];
  private int[] sizes = new int[64];
  private int cursor;
  private int count;
  private int maxUsed = -1;
  private final LongHeap overflow = new LongHeap();
  int lastKey;

  void clear() {
    for (int b = 0; b <= maxUsed; b++) {
      sizes[b] = 0;
    }
    maxUsed = -1;
    cursor = 0;
    count = 0;
    overflow.clear();
  }

  boolean isEmpty() {
    return count == 0 && overflow.isEmpty();
  }

  void push(int key, int value) {
    if (key >= LIMIT) {
      overflow.push(key, value);
      return;
    }
    if (key >= buckets.length) {
      int n = Math.max(key + 1, buckets.length * 2);
      buckets = Arrays.copyOf(buckets, n);
      sizes = Arrays.copyOf(sizes, n);
    }
    int[] b = buckets[key];
    if (b == null) {
      b = buckets[key] = new int[8];
    } else if (sizes[key] == b.length) {
      b = buckets[key] = Arrays.copyOf(b, b.length * 2);
    }
    b[sizes[key]++] = value;
    if (key > maxUsed) {
      maxUsed = key;
    }
    if (key < cursor) {
      cursor = key; // tolerated: keeps correctness if a caller breaks monotonicity
    }
    count++;
  }

  /** Removes an entry with the smallest key; its key is left in {@link #lastKey}. */
  int pop() {
    if (count > 0) {
      while (sizes[cursor] == 0) {
        cursor++;
      }
      count--;
      lastKey = cursor;
      return buckets[cursor][--sizes[cursor]];
    }
    lastKey = (int) overflow.topKey();
    return (int) overflow.pop();
  }
}
