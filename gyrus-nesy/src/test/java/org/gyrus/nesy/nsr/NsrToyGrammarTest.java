package org.gyrus.nesy.nsr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The learner on small compositional languages with a known interpreter. */
class NsrToyGrammarTest {
  private static final String[] PRIMS = {"dax", "wif", "lug", "zup"};
  private static final String[] COLOURS = {"RED", "GREEN", "BLUE", "YELLOW"};

  /**
   * A SCAN-like language in other words: primitives; "up"/"down" prefix a marker; "across D" takes
   * the direction word as a function (UP UP x); "fep" repeats three times; "kiki" swaps.
   */
  static List<SeqPair> toyLanguage() {
    List<List<String>[]> ds = new ArrayList<>();
    for (int p = 0; p < PRIMS.length; p++) {
      List<String> c = List.of(COLOURS[p]);
      ds.add(pair(List.of(PRIMS[p]), c));
      for (String dir : new String[] {"up", "down"}) {
        String mark = dir.toUpperCase();
        ds.add(pair(List.of(PRIMS[p], dir), cat(List.of(mark), c)));
        ds.add(pair(List.of(PRIMS[p], "across", dir), cat(List.of(mark, mark), c)));
      }
    }
    List<List<String>[]> ss = new ArrayList<>(ds);
    for (List<String>[] d : ds) {
      ss.add(pair(cat(d[0], List.of("fep")), cat(cat(d[1], d[1]), d[1])));
    }
    List<SeqPair> out = new ArrayList<>();
    for (List<String>[] s : ss) {
      out.add(new SeqPair(s[0], s[1], "toy"));
    }
    for (List<String>[] x : ss) {
      for (List<String>[] y : ss) {
        out.add(new SeqPair(cat(cat(x[0], List.of("kiki")), y[0]), cat(y[1], x[1]), "toy"));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] pair(List<String> in, List<String> out) {
    return new List[] {in, out};
  }

  private static List<String> cat(List<String> a, List<String> b) {
    List<String> l = new ArrayList<>(a);
    l.addAll(b);
    return l;
  }

  @Test
  void learnsTheToyLanguageAndGeneralisesToANewPrimitive() {
    List<SeqPair> train = new ArrayList<>();
    List<SeqPair> test = new ArrayList<>();
    for (SeqPair p : toyLanguage()) {
      boolean zup = p.input().contains("zup");
      if (zup && p.input().size() > 1) {
        test.add(p);
      } else {
        train.add(p);
      }
    }
    NsrLearner l = new NsrLearner(NsrLearner.Config.defaults());
    NsrLearner.TrainReport r = l.train(train, 0);
    assertThat(r.explained()).isEqualTo(r.examples());
    assertThat(l.programs())
        .containsEntry("fep", "λx1. x1 x1 x1")
        .containsEntry("kiki", "λx1 x2. x2 x1")
        .containsEntry("up", "λx1. UP x1")
        .containsEntry("zup", "YELLOW");
    assertThat(test).hasSizeGreaterThan(500);
    assertThat(l.accuracy(test)).isEqualTo(1.0);
    assertThat(l.parse(List.of("zup", "across", "down", "fep", "kiki", "dax")))
        .isEqualTo("kiki(fep(across(zup, down)), dax)");
  }

  @Test
  void learnsArithmeticToPostfixAndGeneralisesToLongerExpressions() {
    Random rnd = new Random(3);
    List<SeqPair> train = ArithmeticPostfix.sample(rnd, 600, 0, 2, java.util.Set.of());
    List<SeqPair> test = ArithmeticPostfix.sample(rnd, 300, 3, 5, java.util.Set.of());
    NsrLearner l = new NsrLearner(NsrLearner.Config.defaults());
    l.train(train, 1);
    assertThat(l.programs()).containsEntry("minus", "λx1 x2. x1 x2 -");
    assertThat(l.accuracy(test)).isEqualTo(1.0);
  }

  @Test
  void postfixOfTheGeneratorEvaluatesLikeTheInfixExpression() {
    Random rnd = new Random(5);
    for (int i = 0; i < 300; i++) {
      SeqPair p = ArithmeticPostfix.expression(rnd, 1 + rnd.nextInt(5));
      assertThat(evalPostfix(p.output())).isEqualTo(evalInfix(p.input()));
    }
  }

  private static long evalPostfix(List<String> toks) {
    java.util.ArrayDeque<Long> st = new java.util.ArrayDeque<>();
    for (String t : toks) {
      if (t.matches("\\d")) {
        st.push(Long.parseLong(t));
      } else {
        long b = st.pop();
        long a = st.pop();
        st.push(t.equals("+") ? a + b : t.equals("-") ? a - b : a * b);
      }
    }
    return st.pop();
  }

  /** Sum of products, left to right: the precedence the generator promises. */
  private static long evalInfix(List<String> words) {
    long sum = 0;
    long term = digit(words.get(0));
    int sign = 1;
    for (int i = 1; i < words.size(); i += 2) {
      long d = digit(words.get(i + 1));
      if (words.get(i).equals("times")) {
        term *= d;
      } else {
        sum += sign * term;
        sign = words.get(i).equals("plus") ? 1 : -1;
        term = d;
      }
    }
    return sum + sign * term;
  }

  private static long digit(String w) {
    return List.of(ArithmeticPostfix.DIGITS).indexOf(w);
  }
}
