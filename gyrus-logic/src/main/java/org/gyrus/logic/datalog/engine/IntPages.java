package org.gyrus.logic.datalog.engine;

import java.util.Arrays;

/**
 * A growable list of ints in fixed-size pages, so that growing a relation of hundreds of millions
 * of values never copies (or doubles) one huge array.
 */
public final class IntPages {
  static final int SHIFT = 20;
  static final int PAGE = 1 << SHIFT;
  static final int MASK = PAGE - 1;

  private int[][] pages = new int[4][];
  private long size;

  public long size() {
    return size;
  }

  public int get(long i) {
    return pages[(int) (i >>> SHIFT)][(int) (i & MASK)];
  }

  public void set(long i, int v) {
    pages[(int) (i >>> SHIFT)][(int) (i & MASK)] = v;
  }

  public void add(int v) {
    int p = (int) (size >>> SHIFT);
    if (p >= pages.length) {
      pages = Arrays.copyOf(pages, pages.length * 2);
    }
    int[] page = pages[p];
    int off = (int) (size & MASK);
    if (page == null || off >= page.length) {
      // the first page grows gradually so that small relations stay small
      page =
          page == null
              ? new int[p == 0 ? 64 : PAGE]
              : Arrays.copyOf(page, Math.min(PAGE, page.length * 4));
      pages[p] = page;
    }
    page[off] = v;
    size++;
  }

  /** Adds two values; the pages hold an even number of ints, so a pair never straddles two. */
  public void add2(int a, int b) {
    int off = (int) (size & MASK);
    int p = (int) (size >>> SHIFT);
    int[] page = p < pages.length ? pages[p] : null;
    if (page == null || off + 1 >= page.length || (size & 1) != 0) {
      add(a);
      add(b);
      return;
    }
    page[off] = a;
    page[off + 1] = b;
    size += 2;
  }

  /** Drops the values from index {@code n} on (pages past the new end are released). */
  public void truncate(long n) {
    if (n < 0 || n > size) {
      throw new IllegalArgumentException("truncate to " + n + " of " + size + " values");
    }
    size = n;
    for (int p = (int) ((n + MASK) >>> SHIFT); p < pages.length; p++) {
      pages[p] = null;
    }
  }

  /** Bytes held, for statistics. */
  public long bytes() {
    long n = 0;
    for (int[] p : pages) {
      if (p != null) {
        n += 4L * p.length;
      }
    }
    return n;
  }
}
