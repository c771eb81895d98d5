package org.gyrus.app.draw;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gyrus.core.Value;

/**
 * Which layers of concrete specs differ, for drawing compared trials side by side. Each spec is
 * read as its sequence of layers (nodes without sub-specs, in drawing order, by type and settings;
 * a setting that the diagram draws as its own box, such as a cell edge's op, by its path and
 * value). A layer is the same as in another spec when a longest common subsequence of the two
 * sequences pairs it, so a layer inserted early (a batch norm, an extra stage) does not mark every
 * layer after it; a layer is highlighted when some other spec has no partner for it.
 */
public final class SpecDiff {
  private SpecDiff() {}

  private record Layer(String path, String signature) {}

  /** For each spec, the paths of its layers that some other spec lacks. */
  public static List<Set<String>> paths(List<Value> specs) {
    List<List<Layer>> seqs = new ArrayList<>();
    for (Value s : specs) {
      List<Layer> seq = new ArrayList<>();
      collect(s, "", seq);
      seqs.add(seq);
    }
    List<Set<String>> out = new ArrayList<>();
    for (int i = 0; i < seqs.size(); i++) {
      Set<String> hot = new HashSet<>();
      for (int j = 0; j < seqs.size(); j++) {
        if (i != j) {
          boolean[] paired = paired(seqs.get(i), seqs.get(j));
          for (int k = 0; k < paired.length; k++) {
            if (!paired[k]) {
              hot.add(seqs.get(i).get(k).path());
            }
          }
        }
      }
      out.add(hot);
    }
    return out;
  }

  /** Which layers of {@code a} a longest common subsequence with {@code b} pairs. */
  static boolean[] paired(List<Layer> a, List<Layer> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).signature().equals(b.get(j).signature())
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    boolean[] paired = new boolean[n];
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (a.get(i).signature().equals(b.get(j).signature())) {
        paired[i++] = true;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return paired;
  }

  private static void collect(Value v, String path, List<Layer> out) {
    if (v instanceof Value.ListVal l) {
      for (int i = 0; i < l.items().size(); i++) {
        collect(l.items().get(i), path + "[" + i + "]", out);
      }
    } else if (v instanceof Value.Node n) {
      StringBuilder sig = new StringBuilder(n.type());
      boolean leaf = true;
      for (var e : n.args().entrySet()) {
        String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        Value a = e.getValue();
        if (a instanceof Value.Node || a instanceof Value.ListVal) {
          leaf = false;
          collect(a, p, out);
        } else if (n.type().equals("edge") && e.getKey().equals("op")) {
          out.add(new Layer(p, p + "=" + a)); // a cell edge: drawn as its op, in its place
        } else {
          sig.append(' ').append(e.getKey()).append('=').append(a);
        }
      }
      if (leaf && !n.type().equals("edge")) {
        out.add(new Layer(path, sig.toString()));
      }
    }
  }
}
