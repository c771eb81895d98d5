package org.gyrus.nesy.pinesy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 4x4 Sudoku (values 1..4, rows, columns and 2x2 boxes all-different) and Π-NeSy's min-max
 * inference over it: the possibility that a board of uncertain cells is valid is the best valid
 * grid's degree {@code max_g min_c π_c(g_c)} over the 288 valid grids; the possibility that it is
 * invalid needs no enumeration, because changing one cell of a valid grid always breaks it.
 */
public final class Sudoku4 {
  /** The 288 valid grids, cells row-major, values 0..3 (standing for 1..4). */
  public static final int[][] VALID = enumerate();

  private Sudoku4() {}

  private static int[][] enumerate() {
    List<int[]> out = new ArrayList<>();
    fill(new int[16], 0, out);
    return out.toArray(new int[0][]);
  }

  private static void fill(int[] g, int c, List<int[]> out) {
    if (c == 16) {
      out.add(g.clone());
      return;
    }
    for (int v = 0; v < 4; v++) {
      g[c] = v;
      if (consistentAt(g, c)) {
        fill(g, c + 1, out);
      }
    }
  }

  private static boolean consistentAt(int[] g, int c) {
    int r = c / 4;
    int col = c % 4;
    for (int d = 0; d < c; d++) {
      int r2 = d / 4;
      int c2 = d % 4;
      boolean peer = r2 == r || c2 == col || (r2 / 2 == r / 2 && c2 / 2 == col / 2);
      if (peer && g[d] == g[c]) {
        return false;
      }
    }
    return true;
  }

  public static boolean isValid(int[] g) {
    for (int c = 0; c < 16; c++) {
      if (!consistentAt(g, c)) {
        return false;
      }
    }
    return true;
  }

  /** [π(valid), π(invalid)] for per-cell possibility distributions {@code pi[16][4]}. */
  public static double[] possibilities(double[][] pi) {
    double valid = 0;
    for (int[] g : VALID) {
      double d = 1;
      for (int c = 0; c < 16 && d > valid; c++) {
        d = Math.min(d, pi[c][g[c]]);
      }
      valid = Math.max(valid, d);
    }
    int[] top = new int[16];
    for (int c = 0; c < 16; c++) {
      for (int v = 1; v < 4; v++) {
        top[c] = pi[c][v] > pi[c][top[c]] ? v : top[c];
      }
    }
    double topDegree = 1;
    for (int c = 0; c < 16; c++) {
      topDegree = Math.min(topDegree, pi[c][top[c]]);
    }
    if (!isValid(top)) {
      return new double[] {valid, topDegree};
    }
    // best invalid grid = the top grid with one cell changed
    double invalid = 0;
    for (int c = 0; c < 16; c++) {
      double rest = 1;
      for (int c2 = 0; c2 < 16; c2++) {
        rest = c2 == c ? rest : Math.min(rest, pi[c2][top[c2]]);
      }
      for (int v = 0; v < 4; v++) {
        if (v != top[c]) {
          invalid = Math.max(invalid, Math.min(rest, pi[c][v]));
        }
      }
    }
    return new double[] {valid, invalid};
  }

  /** A seeded board: a random valid grid, or (invalid) one with a random cell changed. */
  public static int[] board(SplittableRandom rng, boolean valid) {
    int[] g = VALID[rng.nextInt(VALID.length)].clone();
    if (!valid) {
      int c = rng.nextInt(16);
      g[c] = (g[c] + 1 + rng.nextInt(3)) % 4;
    }
    return g;
  }
}
