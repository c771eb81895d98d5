package org.gyrus.nesy.clutrr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The learned composition read out symbolically: for each pair of edge relations (r1, r2), the
 * answer EpiGNN gives for the path source -r1-> x -r2-> y, i.e. argmax of e_0 · M_r1 · M_r2 · C,
 * with its probability; beside it the composition the data states (the k = 2 training stories'
 * answers for that pair, the majority where they disagree), when the pair occurs there.
 */
public record CompositionTable(Relations relations, List<Entry> entries) {
  /**
   * @param truth the data's answer for the pair, -1 if the pair has no k = 2 story
   * @param support k = 2 stories with this pair
   */
  public record Entry(
      int first, int second, int learned, double probability, int truth, int support) {}

  public static CompositionTable of(EpiGnn model, List<Story> train, Relations rel) {
    int r = model.relations();
    int[][][] votes = votes(train, r);
    TreeSet<Integer> edgeTypes = new TreeSet<>();
    for (Story s : train) {
      for (int t : s.relation()) {
        edgeTypes.add(t);
      }
    }
    double[][][] mats = model.matrices();
    double[][] readout = model.readoutMatrix();
    List<Entry> entries = new ArrayList<>();
    for (int a : edgeTypes) {
      for (int b : edgeTypes) {
        double[] answer = times(times(mats[a][0], mats[b]), readout);
        int best = argmax(answer);
        int truth = argmax(votes[a][b]);
        int support = 0;
        for (int v : votes[a][b]) {
          support += v;
        }
        entries.add(new Entry(a, b, best, answer[best], support == 0 ? -1 : truth, support));
      }
    }
    return new CompositionTable(rel, entries);
  }

  /**
   * Facts (r1, ..., rk, answer) of the chain stories with 2..{@code longest} edges, the majority
   * answer per relation sequence.
   */
  public static List<int[]> chainFacts(List<Story> train, int longest) {
    // ordered by the sequence's text so the facts come out in the same order every run
    Map<List<Integer>, Map<Integer, Integer>> votes =
        new TreeMap<>((x, y) -> x.toString().compareTo(y.toString()));
    for (Story s : train) {
      if (s.edges() >= 2 && s.edges() <= longest && isChain(s)) {
        List<Integer> key = new ArrayList<>();
        for (int r : s.relation()) {
          key.add(r);
        }
        votes.computeIfAbsent(key, x -> new TreeMap<>()).merge(s.label(), 1, Integer::sum);
      }
    }
    List<int[]> out = new ArrayList<>();
    for (var e : votes.entrySet()) {
      int best = -1;
      for (var v : e.getValue().entrySet()) {
        if (best < 0 || v.getValue() > e.getValue().get(best)) {
          best = v.getKey();
        }
      }
      int[] f = new int[e.getKey().size() + 1];
      for (int i = 0; i < e.getKey().size(); i++) {
        f[i] = e.getKey().get(i);
      }
      f[f.length - 1] = best;
      out.add(f);
    }
    return out;
  }

  /** Edges i go from node i to node i + 1 of a path from the source to the target. */
  static boolean isChain(Story s) {
    if (s.from()[0] != s.source() || s.to()[s.edges() - 1] != s.target()) {
      return false;
    }
    for (int e = 1; e < s.edges(); e++) {
      if (s.from()[e] != s.to()[e - 1]) {
        return false;
      }
    }
    return true;
  }

  private static int[][][] votes(List<Story> train, int r) {
    int[][][] votes = new int[r][r][r];
    for (Story s : train) {
      if (s.edges() == 2 && isChain(s)) {
        votes[s.relation()[0]][s.relation()[1]][s.label()]++;
      }
    }
    return votes;
  }

  /** Pairs the data defines, and how many of them the learned table answers the same way. */
  public int[] agreement() {
    int same = 0;
    int defined = 0;
    for (Entry e : entries) {
      if (e.truth() >= 0) {
        defined++;
        same += e.truth() == e.learned() ? 1 : 0;
      }
    }
    return new int[] {same, defined};
  }

  /** One line per pair: "father . sister = aunt 0.999 | data aunt (57)". */
  public List<String> lines() {
    Relations rel = relations;
    List<String> out = new ArrayList<>();
    for (Entry e : entries) {
      String data =
          e.truth() < 0
              ? "data -"
              : "data "
                  + rel.name(e.truth())
                  + " ("
                  + e.support()
                  + ")"
                  + (e.truth() == e.learned() ? "" : "  MISMATCH");
      out.add(
          String.format(
              Locale.ROOT,
              "%s . %s = %s %.3f | %s",
              rel.name(e.first()),
              rel.name(e.second()),
              rel.name(e.learned()),
              e.probability(),
              data));
    }
    return out;
  }

  static double[] times(double[] v, double[][] m) {
    double[] out = new double[m[0].length];
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < out.length; j++) {
        out[j] += v[i] * m[i][j];
      }
    }
    return out;
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static int argmax(int[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
