package org.gyrus.logic.datalog.engine;

import java.util.Arrays;

/**
 * A set of interned ids that starts as an open-addressing hash set and turns into a bitset once it
 * holds more than 1/64 of the symbol table (from then on a bit costs less than a hash slot): the
 * second column of a dense binary relation such as a transitive closure then costs one bit per
 * possible value and a membership test is one load.
 */
final class AdaptiveIntSet {
  private int[] slots = new int[8];
  private int mask = 7;
  private long[] bits;
  private int size;

  int size() {
    return size;
  }

  /** Adds v; true when it was absent. {@code universe} is the current number of symbols. */
  boolean add(int v, int universe) {
    long[] b = bits;
    if (b != null) {
      int w = v >>> 6;
      if (w >= b.length) {
        b = Arrays.copyOf(b, Math.max(w + 1, b.length * 2));
        bits = b;
      }
      long m = 1L << v;
      if ((b[w] & m) != 0) {
        return false;
      }
      b[w] |= m;
      size++;
      return true;
    }
    int stored = v + 1;
    int i = IntHashSet.mix(v) & mask;
    int[] s = slots;
    while (true) {
      int cur = s[i];
      if (cur == 0) {
        s[i] = stored;
        if (++size > (mask + 1) * 3 / 4) {
          if (size > (universe >>> 6) + 8) {
            toBits(universe);
          } else {
            grow();
          }
        }
        return true;
      }
      if (cur == stored) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  /** A copy sharing nothing with this set. */
  AdaptiveIntSet copy() {
    AdaptiveIntSet c = new AdaptiveIntSet();
    c.slots = slots == null ? null : slots.clone();
    c.mask = mask;
    c.bits = bits == null ? null : bits.clone();
    c.size = size;
    return c;
  }

  /** Removes v; true when it was present. Hash slots close the gap by backward shifting. */
  boolean remove(int v) {
    if (bits != null) {
      int w = v >>> 6;
      if (w >= bits.length || (bits[w] & (1L << v)) == 0) {
        return false;
      }
      bits[w] &= ~(1L << v);
      size--;
      return true;
    }
    int i = IntHashSet.mix(v) & mask;
    while (slots[i] != v + 1) {
      if (slots[i] == 0) {
        return false;
      }
      i = (i + 1) & mask;
    }
    for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
      int home = IntHashSet.mix(slots[j] - 1) & mask;
      boolean staysAfterGap = i <= j ? home > i && home <= j : home > i || home <= j;
      if (!staysAfterGap) {
        slots[i] = slots[j];
        i = j;
      }
    }
    slots[i] = 0;
    size--;
    return true;
  }

  boolean contains(int v) {
    if (bits != null) {
      int w = v >>> 6;
      return w < bits.length && (bits[w] & (1L << v)) != 0;
    }
    int stored = v + 1;
    int i = IntHashSet.mix(v) & mask;
    while (true) {
      int cur = slots[i];
      if (cur == 0) {
        return false;
      }
      if (cur == stored) {
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  private void toBits(int universe) {
    int max = universe;
    for (int cur : slots) {
      max = Math.max(max, cur);
    }
    long[] b = new long[(max >>> 6) + 1];
    for (int cur : slots) {
      if (cur != 0) {
        int v = cur - 1;
        b[v >>> 6] |= 1L << v;
      }
    }
    bits = b;
    slots = null;
  }

  private void grow() {
    int[] old = slots;
    slots = new int[old.length * 2];
    mask = slots.length - 1;
    for (int cur : old) {
      if (cur != 0) {
        int i = IntHashSet.mix(cur - 1) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = cur;
      }
    }
  }

  long bytes() {
    return bits != null ? 8L * bits.length + 16 : 4L * slots.length + 16;
  }
}
