package org.gyrus.logic.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fact landmarks and their orderings, as LAMA's landmark heuristic uses them. Landmarks are found
 * by Zhu &amp; Givan's label propagation over the relaxed planning graph (h^1 landmarks, Keyder,
 * Richter &amp; Helmert 2010): a fact's label is the set of facts every relaxed plan reaching it
 * must make true first; the labels of the goal facts together are the delete-relaxation landmarks,
 * sound for the real task because every real plan is a relaxed plan. Orderings: natural (q is in
 * p's label), greedy-necessary (q is a precondition of every first achiever of p) and reasonable
 * (Hoffmann, Porteous &amp; Sebastia 2004) for goal landmarks whose achievement another landmark's
 * achievement would undo.
 */
final class Landmarks {
  /** Landmark index to its fact. */
  final int[] fact;

  /** Fact to landmark index, -1 for facts that are no landmark. */
  final int[] index;

  /**
   * Landmarks ordered before each landmark (natural, greedy-necessary and reasonable orderings).
   */
  final int[][] parents;

  /** The parents that are there by reasonable orderings only (need not hold in every plan). */
  final int[][] reasonableParents;

  /** Landmarks each landmark is greedy-necessarily ordered before (it is needed right before). */
  final int[][] gnChildren;

  /** Which landmarks are goal facts. */
  final boolean[] goal;

  /**
   * Task operators that add each landmark's fact (unconditionally or through a conditional add).
   */
  final int[][] achievers;

  /** False when some goal fact is unreachable even under the relaxation. */
  final boolean reachable;

  private Landmarks(
      int[] fact,
      int[] index,
      int[][] parents,
      int[][] reasonableParents,
      int[][] gnChildren,
      boolean[] goal,
      int[][] achievers,
      boolean reachable) {
    this.fact = fact;
    this.index = index;
    this.parents = parents;
    this.reasonableParents = reasonableParents;
    this.gnChildren = gnChildren;
    this.goal = goal;
    this.achievers = achievers;
    this.reachable = reachable;
  }

  int size() {
    return fact.length;
  }

  /**
   * The landmark graph of {@code r}'s task; {@code h2} (null: none) supplies the mutexes the
   * reasonable orderings need.
   */
  static Landmarks of(Relaxed r, H2Reachability h2) {
    Task task = r.task;
    int[][] lab = labels(r);
    boolean reachable = true;
    boolean[] isLm = new boolean[r.numFacts];
    for (int g : task.goalPos()) {
      if (lab[g] == null) {
        reachable = false;
        continue;
      }
      for (int q : lab[g]) {
        isLm[q] = true;
      }
    }
    int[] index = new int[r.numFacts];
    Arrays.fill(index, -1);
    int[] fact = java.util.stream.IntStream.range(0, r.numFacts).filter(f -> isLm[f]).toArray();
    for (int l = 0; l < fact.length; l++) {
      index[fact[l]] = l;
    }
    boolean[] goal = new boolean[fact.length];
    for (int g : task.goalPos()) {
      if (index[g] >= 0) {
        goal[index[g]] = true;
      }
    }
    Graph graph = new Graph(fact.length);
    boolean[] init = new boolean[r.numFacts];
    for (int f : task.init()) {
      init[f] = true;
    }
    int[][] relaxedAch = relaxedAchievers(r, index, fact.length);
    for (int l = 0; l < fact.length; l++) {
      for (int q : lab[fact[l]]) {
        if (q != fact[l]) {
          graph.add(index[q], l, false);
        }
      }
      if (!init[fact[l]]) {
        for (int q : sharedFirstAchieverPre(r, lab, fact[l], relaxedAch[l])) {
          graph.add(index[q], l, true);
        }
      }
    }
    int[][] achievers = achievers(task, fact, index);
    return new Landmarks(fact, index, null, null, null, goal, achievers, reachable)
        .withReasonable(graph, task, init, h2);
  }

  /** Adds the reasonable orderings to {@code graph} and freezes it into a new landmark set. */
  private Landmarks withReasonable(Graph graph, Task task, boolean[] init, H2Reachability h2) {
    for (int p = 0; p < fact.length; p++) {
      if (!goal[p]) {
        continue;
      }
      for (int q = 0; q < fact.length; q++) {
        if (q != p && !init[fact[q]] && interferes(task, graph, q, p, h2) && !graph.reaches(p, q)) {
          graph.addReasonable(q, p);
        }
      }
    }
    return new Landmarks(
        fact,
        index,
        Graph.frozen(graph.parents),
        Graph.frozen(graph.reasonable),
        graph.gnChildren(),
        goal,
        achievers,
        reachable);
  }

  /**
   * Whether achieving landmark {@code q} must undo {@code p}: they are mutex, or every achiever of
   * q deletes p, or a fact needed right before q (greedy-necessary) is mutex with p and no achiever
   * of q adds p back.
   */
  private boolean interferes(Task task, Graph graph, int q, int p, H2Reachability h2) {
    int fq = fact[q];
    int fp = fact[p];
    if (h2 != null && h2.mutex(fq, fp)) {
      return true;
    }
    int[] ach = achievers[q];
    if (ach.length > 0 && Arrays.stream(ach).allMatch(o -> deletes(task.ops().get(o), fp))) {
      return true;
    }
    if (h2 == null || Arrays.stream(ach).anyMatch(o -> adds(task.ops().get(o), fp))) {
      return false;
    }
    for (int r : graph.gnParentsOf(q)) {
      if (r != p && h2.mutex(fact[r], fp)) {
        return true;
      }
    }
    return false;
  }

  private static boolean deletes(Task.Op op, int f) {
    return contains(op.del(), f) && !contains(op.add(), f);
  }

  private static boolean adds(Task.Op op, int f) {
    if (contains(op.add(), f)) {
      return true;
    }
    for (Task.CondEffect c : op.conds()) {
      if (c.add() && c.fact() == f) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(int[] a, int f) {
    for (int x : a) {
      if (x == f) {
        return true;
      }
    }
    return false;
  }

  private static int[][] achievers(Task task, int[] fact, int[] index) {
    List<List<Integer>> ach = new ArrayList<>();
    for (int l = 0; l < fact.length; l++) {
      ach.add(new ArrayList<>());
    }
    for (int o = 0; o < task.ops().size(); o++) {
      Task.Op op = task.ops().get(o);
      for (int f : op.add()) {
        if (index[f] >= 0) {
          ach.get(index[f]).add(o);
        }
      }
      for (Task.CondEffect c : op.conds()) {
        if (c.add() && index[c.fact()] >= 0) {
          ach.get(index[c.fact()]).add(o);
        }
      }
    }
    return ach.stream()
        .map(l -> l.stream().distinct().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
  }

  /** The relaxed operators adding each landmark's fact. */
  private static int[][] relaxedAchievers(Relaxed r, int[] index, int count) {
    List<List<Integer>> ach = new ArrayList<>();
    for (int l = 0; l < count; l++) {
      ach.add(new ArrayList<>());
    }
    for (int o = 0; o < r.eff.length; o++) {
      for (int f : r.eff[o]) {
        if (index[f] >= 0) {
          ach.get(index[f]).add(o);
        }
      }
    }
    return ach.stream()
        .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
  }

  /**
   * Zhu &amp; Givan's labels: for each fact, the facts every relaxed plan must make true before
   * (and including) it; null for facts the relaxation cannot reach. A worklist fixpoint: labels
   * only shrink once set, so it ends.
   */
  static int[][] labels(Relaxed r) {
    int[][] lab = new int[r.numFacts][];
    int[] queue = new int[r.pre.length];
    boolean[] queued = new boolean[r.pre.length];
    int head = 0;
    int size = 0;
    for (int f : r.task.init()) {
      lab[f] = new int[] {f};
    }
    for (int o = 0; o < r.pre.length; o++) {
      queue[size++] = o; // every operator once; later only those whose precondition labels changed
      queued[o] = true;
    }
    while (size > 0) {
      int o = queue[head];
      head = (head + 1) % queue.length;
      size--;
      queued[o] = false;
      int[] opLab = operatorLabel(r, lab, o);
      if (opLab == null) {
        continue;
      }
      for (int e : r.eff[o]) {
        int[] cand = insert(opLab, e);
        int[] next = lab[e] == null ? cand : intersect(lab[e], cand);
        if (lab[e] != null && next.length == lab[e].length) {
          continue;
        }
        lab[e] = next;
        for (int user : r.preOf[e]) {
          if (!queued[user]) {
            queued[user] = true;
            queue[(head + size++) % queue.length] = user;
          }
        }
      }
    }
    return lab;
  }

  /** The union of relaxed operator {@code o}'s precondition labels; null when one is unreached. */
  private static int[] operatorLabel(Relaxed r, int[][] lab, int o) {
    int[] out = new int[0];
    for (int q : r.pre[o]) {
      if (lab[q] == null) {
        return null;
      }
      out = union(out, lab[q]);
    }
    return out;
  }

  /** The preconditions shared by the first achievers {@code ach} of {@code p} (not needing p). */
  private static int[] sharedFirstAchieverPre(Relaxed r, int[][] lab, int p, int[] ach) {
    int[] shared = null;
    for (int o : ach) {
      int[] opLab = operatorLabel(r, lab, o);
      if (opLab == null || Arrays.binarySearch(opLab, p) >= 0) {
        continue;
      }
      int[] pre = r.pre[o].clone();
      Arrays.sort(pre);
      shared = shared == null ? pre : intersect(shared, pre);
    }
    return shared == null ? new int[0] : shared;
  }

  static int[] union(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      if (j == b.length || (i < a.length && a[i] < b[j])) {
        out[n++] = a[i++];
      } else if (i == a.length || b[j] < a[i]) {
        out[n++] = b[j++];
      } else {
        out[n++] = a[i++];
        j++;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  static int[] intersect(int[] a, int[] b) {
    int[] out = new int[Math.min(a.length, b.length)];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (b[j] < a[i]) {
        j++;
      } else {
        out[n++] = a[i++];
        j++;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static int[] insert(int[] a, int f) {
    return union(a, new int[] {f});
  }

  /** The landmark graph while it is built: edges with a greedy-necessary flag. */
  private static final class Graph {
    private final List<List<Integer>> children = new ArrayList<>();
    private final List<List<Integer>> parents = new ArrayList<>();
    private final List<List<Integer>> gnParents = new ArrayList<>();
    private final List<List<Integer>> reasonable = new ArrayList<>();

    Graph(int n) {
      for (int i = 0; i < n; i++) {
        children.add(new ArrayList<>());
        parents.add(new ArrayList<>());
        gnParents.add(new ArrayList<>());
        reasonable.add(new ArrayList<>());
      }
    }

    void addReasonable(int from, int to) {
      if (parents.get(to).contains(from)) {
        return; // already ordered for a stronger reason
      }
      reasonable.get(to).add(from);
      add(from, to, false);
    }

    void add(int from, int to, boolean greedyNecessary) {
      if (greedyNecessary) {
        gnParents.get(to).add(from);
      }
      if (!parents.get(to).contains(from)) {
        parents.get(to).add(from);
        children.get(from).add(to);
      }
    }

    List<Integer> gnParentsOf(int l) {
      return gnParents.get(l);
    }

    /** Whether {@code to} is reachable from {@code from} along orderings. */
    boolean reaches(int from, int to) {
      boolean[] seen = new boolean[children.size()];
      int[] stack = new int[children.size()];
      int sp = 0;
      stack[sp++] = from;
      seen[from] = true;
      while (sp > 0) {
        int x = stack[--sp];
        if (x == to) {
          return true;
        }
        for (int y : children.get(x)) {
          if (!seen[y]) {
            seen[y] = true;
            stack[sp++] = y;
          }
        }
      }
      return false;
    }

    static int[][] frozen(List<List<Integer>> lists) {
      return lists.stream()
          .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
          .toArray(int[][]::new);
    }

    int[][] gnChildren() {
      List<List<Integer>> out = new ArrayList<>();
      for (int i = 0; i < gnParents.size(); i++) {
        out.add(new ArrayList<>());
      }
      for (int to = 0; to < gnParents.size(); to++) {
        for (int from : gnParents.get(to)) {
          out.get(from).add(to);
        }
      }
      return out.stream()
          .map(l -> l.stream().distinct().mapToInt(Integer::intValue).toArray())
          .toArray(int[][]::new);
    }
  }
}
