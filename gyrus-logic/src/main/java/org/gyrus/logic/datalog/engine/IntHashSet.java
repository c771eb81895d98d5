package org.gyrus.logic.datalog.engine;

/** An open-addressing set of non-negative ints (linear probing, slots hold value + 1). */
public final class IntHashSet {
  private int[] slots;
  private int size;
  private int mask;

  public IntHashSet(int expected) {
    int cap = 4;
    while (cap * 3 / 4 < expected) {
      cap <<= 1;
    }
    slots = new int[cap];
    mask = cap - 1;
  }

  public int size() {
    return size;
  }

  static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Adds v; true when it was absent. */
  public boolean add(int v) {
    int stored = v + 1;
    int i = mix(v) & mask;
    int[] s = slots;
    while (true) {
      int cur = s[i];
      if (cur == 0) {
        s[i] = stored;
        if (++size > (mask + 1) * 3 / 4) {
          grow();
        }
        return true;
      }
      if (cur == stored) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  public boolean contains(int v) {
    int stored = v + 1;
    int i = mix(v) & mask;
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

  /** Removes v; true when it was present. Later slots close the gap by backward shifting. */
  public boolean remove(int v) {
    int i = mix(v) & mask;
    while (slots[i] != v + 1) {
      if (slots[i] == 0) {
        return false;
      }
      i = (i + 1) & mask;
    }
    for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
      int home = mix(slots[j] - 1) & mask;
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

  private void grow() {
    int[] old = slots;
    slots = new int[old.length * 2];
    mask = slots.length - 1;
    for (int cur : old) {
      if (cur != 0) {
        int i = mix(cur - 1) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = cur;
      }
    }
  }

  public long bytes() {
    return 4L * slots.length + 16;
  }
}
