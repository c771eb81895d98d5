package org.gyrus.nesy.nsr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tree enumeration, deduction (chart) and program decomposition against brute force. */
class ParserAbductionBruteForceTest {
  /** Words: a, b (constants A, B), one (λx. C x), two (λx y. y x), fn (λx f. f(f(x))). */
  static Lexicon lexicon() {
    Lexicon l = new Lexicon();
    int a = l.token("A");
    int b = l.token("B");
    int c = l.token("C");
    l.meaning.put(l.word("a"), new Program(new boolean[0], List.of(new Program.Tok(a)), 2));
    l.meaning.put(l.word("b"), new Program(new boolean[0], List.of(new Program.Tok(b)), 2));
    l.meaning.put(
        l.word("one"),
        new Program(new boolean[] {false}, List.of(new Program.Tok(c), new Program.Var(0)), 3));
    l.meaning.put(
        l.word("two"),
        new Program(
            new boolean[] {false, false}, List.of(new Program.Var(1), new Program.Var(0)), 2));
    Program.App inner = new Program.App(1, List.of(new Program.Var(0)));
    l.meaning.put(
        l.word("fn"),
        new Program(new boolean[] {false, true}, List.of(new Program.App(1, List.of(inner))), 3));
    return l;
  }

  /** Every parent array over n words: one root, no cycle, projective, child counts allowed. */
  static Set<String> bruteTrees(int[] words, int at, Lexicon lex, int maxArity) {
    int n = words.length;
    Set<String> out = new HashSet<>();
    int[] parent = new int[n];
    long total = (long) Math.pow(n + 1, n);
    for (long code = 0; code < total; code++) {
      long c = code;
      for (int i = 0; i < n; i++) {
        parent[i] = (int) (c % (n + 1)) - 1;
        c /= n + 1;
      }
      if (valid(parent, words, at, lex, maxArity)) {
        out.add(Arrays.toString(parent));
      }
    }
    return out;
  }

  private static boolean valid(int[] parent, int[] words, int at, Lexicon lex, int maxArity) {
    int n = parent.length;
    int roots = 0;
    int[] kids = new int[n];
    for (int i = 0; i < n; i++) {
      if (parent[i] == i) {
        return false;
      }
      if (parent[i] < 0) {
        roots++;
      } else {
        kids[parent[i]]++;
      }
    }
    if (roots != 1) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      int steps = 0;
      for (int p = i; p >= 0; p = parent[p]) {
        if (++steps > n) {
          return false;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (parent[i] >= 0) {
        int lo = Math.min(i, parent[i]);
        int hi = Math.max(i, parent[i]);
        for (int k = lo + 1; k < hi; k++) {
          if (!dominates(parent, parent[i], k)) {
            return false;
          }
        }
      }
      if (i == at) {
        if (kids[i] > maxArity) {
          return false;
        }
      } else {
        int arity = lex.get(words[i]).arity();
        if (kids[i] != arity && !(kids[i] == 0 && lex.canBeClosure(words[i]))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean dominates(int[] parent, int head, int k) {
    for (int p = k; p >= 0; p = parent[p]) {
      if (p == head) {
        return true;
      }
    }
    return false;
  }

  private static void parents(Tree t, int parent, int[] out) {
    out[t.pos()] = parent;
    for (Tree k : t.kids()) {
      parents(k, t.pos(), out);
    }
  }

  private static int[] randomSentence(Random rnd, Lexicon lex, int n) {
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextInt(lex.words.size());
    }
    return w;
  }

  @Test
  void enumeratedTreesAreExactlyTheValidProjectiveTrees() {
    Lexicon lex = lexicon();
    Random rnd = new Random(11);
    for (int trial = 0; trial < 150; trial++) {
      int n = 1 + rnd.nextInt(5);
      int[] words = randomSentence(rnd, lex, n);
      int at = rnd.nextInt(n + 1) - 1; // -1: no unknown word
      int maxArity = 1 + rnd.nextInt(3);
      Set<String> got = new HashSet<>();
      for (Tree t : Abduction.trees(words, at, lex, maxArity)) {
        int[] p = new int[n];
        parents(t, -1, p);
        assertThat(got.add(Arrays.toString(p))).as("duplicate tree").isTrue();
      }
      assertThat(got).isEqualTo(bruteTrees(words, at, lex, maxArity));
    }
  }

  private static double score(Tree t, int[] words, Lexicon lex, Arcs arcs) {
    double s = 0;
    for (Tree k : t.kids()) {
      Program dp = lex.get(words[k.pos()]);
      boolean closure = k.kids().isEmpty() && lex.canBeClosure(words[k.pos()]);
      s +=
          arcs.score(
              words[t.pos()], words[k.pos()], Arcs.signature(dp, closure), k.pos() < t.pos());
      s += score(k, words, lex, arcs);
    }
    return s;
  }

  @Test
  void deductionFindsTheBestScoringTreeThatMeansTheTarget() {
    Lexicon lex = lexicon();
    Random rnd = new Random(5);
    Arcs arcs = new Arcs();
    int checked = 0;
    for (int trial = 0; trial < 1500; trial++) {
      int[] words = randomSentence(rnd, lex, 1 + rnd.nextInt(6));
      List<Tree> valid = new ArrayList<>();
      for (Tree t : Abduction.trees(words, -1, lex, 1)) {
        Val v = t.eval(words, lex);
        if (v != null && !v.isClosure()) {
          valid.add(t);
        }
      }
      if (valid.isEmpty()) {
        assertThat(Chart.parse(words, lex, arcs)).isNull();
        continue;
      }
      Tree pick = valid.get(rnd.nextInt(valid.size()));
      int[] target = pick.eval(words, lex).seq;
      double best = Double.NEGATIVE_INFINITY;
      for (Tree t : valid) {
        if (Arrays.equals(t.eval(words, lex).seq, target)) {
          best = Math.max(best, score(t, words, lex, arcs));
        }
      }
      Tree got = Chart.explain(words, lex, arcs, target);
      assertThat(got).isNotNull();
      assertThat(got.eval(words, lex).seq).isEqualTo(target);
      assertThat(score(got, words, lex, arcs))
          .isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9));
      double bestAny =
          valid.stream().mapToDouble(t -> score(t, words, lex, arcs)).max().getAsDouble();
      assertThat(score(Chart.parse(words, lex, arcs), words, lex, arcs))
          .isCloseTo(bestAny, org.assertj.core.data.Offset.offset(1e-9));
      int[] wrong = Arrays.copyOf(target, target.length + 1);
      boolean producible =
          valid.stream().anyMatch(t -> Arrays.equals(t.eval(words, lex).seq, wrong));
      assertThat(Chart.explain(words, lex, arcs, wrong) != null).isEqualTo(producible);
      arcs.add(pick, words, lex); // statistics change as the test goes, as in training
      checked++;
    }
    assertThat(checked).isGreaterThan(150);
  }

  /** Every body up to {@code budget} over A, B, x1 and f2(...), by brute force. */
  private static final java.util.Map<Integer, List<List<Program.Atom>>> BODIES =
      new java.util.HashMap<>();

  private static List<List<Program.Atom>> allBodies(int budget) {
    List<List<Program.Atom>> known = BODIES.get(budget);
    if (known != null) {
      return known;
    }
    List<List<Program.Atom>> out = new ArrayList<>();
    out.add(List.of());
    for (int len = 1; len <= budget; len++) {
      List<List<Program.Atom>> next = new ArrayList<>();
      for (List<Program.Atom> b : out) {
        if (b.size() == len - 1) {
          for (Program.Atom a : atoms(budget - Program.cost(b))) {
            List<Program.Atom> nb = new ArrayList<>(b);
            nb.add(a);
            if (Program.cost(nb) <= budget) {
              next.add(nb);
            }
          }
        }
      }
      out.addAll(next);
    }
    BODIES.put(budget, out);
    return out;
  }

  private static List<Program.Atom> atoms(int budget) {
    List<Program.Atom> out =
        new ArrayList<>(List.of(new Program.Tok(0), new Program.Tok(1), new Program.Var(0)));
    if (budget >= 2) {
      for (List<Program.Atom> inner : allBodies(budget - 1)) {
        out.add(new Program.App(1, inner));
      }
    }
    return out;
  }

  private static int used(List<Program.Atom> body) {
    int m = 0;
    for (Program.Atom a : body) {
      if (a instanceof Program.Var) {
        m |= 1;
      } else if (a instanceof Program.App) {
        m |= 2 | used(((Program.App) a).body());
      }
    }
    return m;
  }

  @Test
  void decompositionFindsEveryProgramThatBuildsThePiece() {
    Lexicon lex = lexicon(); // tokens A=0, B=1, C=2; "one" = λx. C x
    Val[] args = {Val.seq(new int[] {0}), Val.closure(lex.wordIds.get("one"))};
    int budget = 5;
    int checked = 0;
    for (List<Program.Atom> body : allBodies(budget)) {
      if (used(body) != 3) {
        continue;
      }
      int[] piece = lex.apply(new Program(new boolean[] {false, true}, body, 0), args);
      List<Abduction.Body> got = Abduction.decompose(piece, args, lex, budget);
      assertThat(got).extracting(Abduction.Body::atoms).contains(body);
      for (Abduction.Body b : got) {
        int[] v = lex.apply(new Program(new boolean[] {false, true}, b.atoms(), 0), args);
        assertThat(v).isEqualTo(piece);
        assertThat(b.cost()).isEqualTo(Program.cost(b.atoms())).isLessThanOrEqualTo(budget);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void abductionRecoversAHiddenWordFromOneExample() {
    Lexicon lex = lexicon();
    int[] words = {lex.wordIds.get("a"), lex.word("thrice")};
    int[] target = {0, 0, 0};
    List<Program> c = Abduction.candidates(words, 1, target, lex, 2, 12);
    assertThat(c.get(0).show(lex.tokens)).isEqualTo("λx1. x1 x1 x1");
    assertThat(c).allSatisfy(p -> assertThat(p.arity()).isEqualTo(1));
  }
}
