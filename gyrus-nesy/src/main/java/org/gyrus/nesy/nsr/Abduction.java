package org.gyrus.nesy.nsr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Abduction: given a sentence, its output and a word taken as unknown, the programs for that word
 * that explain the output. Top-down over every projective tree the other words' arities allow: the
 * unknown word's node must mean a piece of the output that makes the whole tree mean the output
 * (tried for every contiguous piece, the DSL being concatenative), and its program is read off that
 * piece by decomposing it into constants, arguments and applications (program induction).
 */
final class Abduction {
  /** Decompositions stop after this many programs per piece (the cheapest come first anyway). */
  private static final int MAX_BODIES = 4000;

  /** Tree enumeration keeps at most this many trees per span (long inputs, many arities). */
  private static final int MAX_TREES = 20000;

  private Abduction() {}

  /** One way to build a piece: the atoms, their cost and the arguments used (bit mask). */
  record Body(List<Program.Atom> atoms, int cost, int used) {}

  /** Programs for {@code words[at]} under which some tree means {@code target}, cheapest first. */
  static List<Program> candidates(
      int[] words, int at, int[] target, Lexicon lex, int maxArity, int maxCost) {
    Set<String> seen = new LinkedHashSet<>();
    List<Program> out = new ArrayList<>();
    for (Tree t : trees(words, at, lex, maxArity)) {
      Tree w = find(t, at);
      boolean[] fn = new boolean[w.kids().size()];
      Val[] args = new Val[fn.length];
      boolean ok = typesFit(t, words, at, lex);
      for (int i = 0; ok && i < fn.length; i++) {
        args[i] = w.kids().get(i).eval(words, lex);
        ok = args[i] != null;
        fn[i] = ok && args[i].isClosure();
      }
      if (!ok) {
        continue;
      }
      for (int[] piece : pieces(t, words, at, fn, target, lex)) {
        for (Body b : decompose(piece, args, lex, maxCost)) {
          if (b.used() == (1 << fn.length) - 1) {
            Program p = new Program(fn, b.atoms(), b.cost());
            if (seen.add(Arrays.toString(fn) + b.atoms())) {
              out.add(p);
            }
          }
        }
      }
    }
    out.sort(Comparator.comparingInt(Program::cost));
    return out;
  }

  /** The values the unknown node may take so that the whole tree means {@code target}. */
  private static List<int[]> pieces(
      Tree t, int[] words, int at, boolean[] fn, int[] target, Lexicon lex) {
    if (t.pos() == at) {
      return List.of(target);
    }
    List<int[]> out = new ArrayList<>();
    Set<Val> tried = new java.util.HashSet<>();
    Lexicon l = lex.copyWith(words[at], null); // one scratch copy; the unknown word's entry varies
    for (int s = 0; s <= target.length; s++) {
      for (int e = s; e <= target.length; e++) {
        int[] piece = Arrays.copyOfRange(target, s, e);
        if (!tried.add(Val.seq(piece))) {
          continue;
        }
        List<Program.Atom> toks = new ArrayList<>();
        for (int tok : piece) {
          toks.add(new Program.Tok(tok));
        }
        l.meaning.put(words[at], new Program(fn, toks, 0));
        Val v = t.eval(words, l);
        if (v != null && !v.isClosure() && Arrays.equals(v.seq, target)) {
          out.add(piece);
        }
      }
    }
    return out;
  }

  /** Known heads get arguments of the kinds their programs take (the unknown node takes any). */
  private static boolean typesFit(Tree t, int[] words, int at, Lexicon lex) {
    if (t.pos() != at) {
      Program p = lex.get(words[t.pos()]);
      for (int i = 0; i < t.kids().size(); i++) {
        Tree k = t.kids().get(i);
        boolean closure = k.pos() != at && k.kids().isEmpty() && lex.canBeClosure(words[k.pos()]);
        if (closure != p.functionArgs()[i]) {
          return false;
        }
      }
    }
    for (Tree k : t.kids()) {
      if (!typesFit(k, words, at, lex)) {
        return false;
      }
    }
    return true;
  }

  private static Tree find(Tree t, int pos) {
    if (t.pos() == pos) {
      return t;
    }
    for (Tree k : t.kids()) {
      Tree f = find(k, pos);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /** Every projective tree where known words take their arity (or none, as a function). */
  static List<Tree> trees(int[] words, int at, Lexicon lex, int maxArity) {
    int n = words.length;
    int[][] counts = new int[n][];
    for (int p = 0; p < n; p++) {
      if (p == at) {
        counts[p] = new int[maxArity + 1];
        for (int c = 0; c <= maxArity; c++) {
          counts[p][c] = c;
        }
      } else {
        Program prog = lex.get(words[p]);
        if (prog == null) {
          return List.of();
        }
        counts[p] =
            lex.canBeClosure(words[p]) ? new int[] {prog.arity(), 0} : new int[] {prog.arity()};
      }
    }
    return new TreeEnumerator(counts).trees(0, n - 1);
  }

  /** Memoised enumeration of the trees and forests over spans. */
  private static final class TreeEnumerator {
    private final int[][] counts;
    private final Map<Long, List<Tree>> treeMemo = new HashMap<>();
    private final Map<Long, List<List<Tree>>> forestMemo = new HashMap<>();

    TreeEnumerator(int[][] counts) {
      this.counts = counts;
    }

    List<Tree> trees(int i, int j) {
      long key = ((long) i << 20) | j;
      List<Tree> memo = treeMemo.get(key);
      if (memo != null) {
        return memo;
      }
      List<Tree> out = new ArrayList<>();
      enumerate:
      for (int h = i; h <= j; h++) {
        for (int c : counts[h]) {
          for (int a = 0; a <= c; a++) {
            for (List<Tree> left : forests(i, h - 1, a)) {
              for (List<Tree> right : forests(h + 1, j, c - a)) {
                if (out.size() >= MAX_TREES) {
                  break enumerate;
                }
                List<Tree> kids = new ArrayList<>(left);
                kids.addAll(right);
                out.add(new Tree(h, kids));
              }
            }
          }
        }
      }
      treeMemo.put(key, out);
      return out;
    }

    /** Sequences of {@code m} trees covering [i, j] contiguously. */
    List<List<Tree>> forests(int i, int j, int m) {
      if (m == 0) {
        return i > j ? List.of(List.of()) : List.of();
      }
      if (j - i + 1 < m) {
        return List.of();
      }
      long key = ((long) i << 40) | ((long) j << 20) | m;
      List<List<Tree>> memo = forestMemo.get(key);
      if (memo != null) {
        return memo;
      }
      List<List<Tree>> out = new ArrayList<>();
      for (int e = i; e <= j - (m - 1); e++) {
        for (Tree first : trees(i, e)) {
          for (List<Tree> rest : forests(e + 1, j, m - 1)) {
            List<Tree> f = new ArrayList<>();
            f.add(first);
            f.addAll(rest);
            out.add(f);
          }
        }
      }
      forestMemo.put(key, out);
      return out;
    }
  }

  /** Every way to build {@code piece} from constants, arguments and applications within budget. */
  static List<Body> decompose(int[] piece, Val[] args, Lexicon lex, int budget) {
    if (args.length == 0) {
      List<Program.Atom> toks = new ArrayList<>();
      for (int t : piece) {
        toks.add(new Program.Tok(t));
      }
      return List.of(new Body(toks, Program.cost(toks), 0));
    }
    List<Body> out = new ArrayList<>();
    new Decomposer(args, lex).dfs(piece, 0, 0, budget, new ArrayList<>(), 0, out, true);
    return out;
  }

  private static final class Decomposer {
    private final Val[] args;
    private final Lexicon lex;
    private final Map<String, List<Body>> memo = new HashMap<>();

    /** f(v) per function argument and piece v, computed once (null: the value grew too long). */
    private final List<Map<Val, int[]>> applied = new ArrayList<>();

    Decomposer(Val[] args, Lexicon lex) {
      this.args = args;
      this.lex = lex;
      for (int i = 0; i < args.length; i++) {
        applied.add(new HashMap<>());
      }
    }

    void dfs(
        int[] t,
        int pos,
        int cost,
        int budget,
        List<Program.Atom> atoms,
        int used,
        List<Body> out,
        boolean top) {
      if (cost > budget || out.size() >= MAX_BODIES) {
        return;
      }
      if (pos == t.length) {
        emit(atoms, cost, budget, used, out, top);
        return;
      }
      step(t, pos, cost, budget, atoms, used, out, top, new Program.Tok(t[pos]), pos + 1, 2, 0);
      for (int i = 0; i < args.length; i++) {
        int[] s = args[i].seq;
        if (s != null && s.length > 0 && startsAt(t, pos, s)) {
          step(
              t,
              pos,
              cost,
              budget,
              atoms,
              used,
              out,
              top,
              new Program.Var(i),
              pos + s.length,
              1,
              1 << i);
        } else if (s == null) {
          applications(t, pos, cost, budget, atoms, used, out, top, i);
        }
      }
    }

    private void applications(
        int[] t,
        int pos,
        int cost,
        int budget,
        List<Program.Atom> atoms,
        int used,
        List<Body> out,
        boolean top,
        int arg) {
      Program f = lex.get(args[arg].closureWord);
      for (int end = pos + 1; end <= t.length; end++) {
        int[] u = Arrays.copyOfRange(t, pos, end);
        Set<Val> tried = new java.util.HashSet<>();
        for (int s = 0; s <= u.length; s++) {
          for (int e = s; e <= u.length; e++) {
            int[] v = Arrays.copyOfRange(u, s, e);
            Val vs = Val.seq(v);
            if (!tried.add(vs)) {
              continue;
            }
            Map<Val, int[]> memoF = applied.get(arg);
            if (!memoF.containsKey(vs)) {
              memoF.put(vs, lex.apply(f, new Val[] {vs}));
            }
            int[] fv = memoF.get(vs);
            if (fv == null || !Arrays.equals(fv, u)) {
              continue;
            }
            for (Body inner : inner(v, budget - cost - 1)) {
              step(
                  t,
                  pos,
                  cost,
                  budget,
                  atoms,
                  used | inner.used(),
                  out,
                  top,
                  new Program.App(arg, inner.atoms()),
                  end,
                  1 + inner.cost(),
                  1 << arg);
            }
          }
        }
      }
    }

    private List<Body> inner(int[] v, int budget) {
      String key = Arrays.toString(v) + "/" + budget;
      List<Body> known = memo.get(key);
      if (known == null) {
        known = new ArrayList<>();
        dfs(v, 0, 0, budget, new ArrayList<>(), 0, known, false);
        memo.put(key, known);
      }
      return known;
    }

    private void step(
        int[] t,
        int pos,
        int cost,
        int budget,
        List<Program.Atom> atoms,
        int used,
        List<Body> out,
        boolean top,
        Program.Atom atom,
        int next,
        int atomCost,
        int bit) {
      atoms.add(atom);
      dfs(t, next, cost + atomCost, budget, atoms, used | bit, out, top);
      atoms.remove(atoms.size() - 1);
    }

    /** Sequence arguments that mean nothing are used by placing them first (any place is alike). */
    private void emit(
        List<Program.Atom> atoms, int cost, int budget, int used, List<Body> out, boolean top) {
      List<Program.Atom> body = new ArrayList<>();
      int c = cost;
      if (top) {
        for (int i = 0; i < args.length; i++) {
          if ((used & (1 << i)) == 0 && args[i].seq != null && args[i].seq.length == 0) {
            body.add(new Program.Var(i));
            used |= 1 << i;
            c++;
          }
        }
      }
      if (c <= budget) {
        body.addAll(atoms);
        out.add(new Body(List.copyOf(body), c, used));
      }
    }

    private static boolean startsAt(int[] t, int pos, int[] s) {
      if (pos + s.length > t.length) {
        return false;
      }
      for (int k = 0; k < s.length; k++) {
        if (t[pos + k] != s[k]) {
          return false;
        }
      }
      return true;
    }
  }
}
