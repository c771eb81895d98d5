package org.gyrus.logic.ilp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Planted rules on generated toy data, recovered from Popper-format task files. */
class LearnerTest {
  @TempDir Path dir;

  private Task write(String bias, StringBuilder bk, StringBuilder exs) throws IOException {
    Files.writeString(dir.resolve("bias.pl"), bias);
    Files.writeString(dir.resolve("bk.pl"), bk);
    Files.writeString(dir.resolve("exs.pl"), exs);
    return Task.readPopper(dir);
  }

  /** A random forest of parent edges over n people: parent[i] < i or -1. */
  private static int[] forest(Random rnd, int n) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i == 0 || rnd.nextInt(5) == 0 ? -1 : rnd.nextInt(i);
    }
    return parent;
  }

  @Test
  void recoversAPlantedConjunctiveRule() throws IOException {
    Random rnd = new Random(1);
    int[] parent = forest(rnd, 60);
    boolean[] female = new boolean[60];
    StringBuilder bk = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      female[i] = rnd.nextBoolean();
      if (female[i]) {
        bk.append("female(p").append(i).append(").\n");
      }
      if (parent[i] >= 0) {
        bk.append("parent(p").append(parent[i]).append(",p").append(i).append(").\n");
      }
    }
    // planted: has_daughter(X) :- parent(X,Y), female(Y).
    Set<Integer> target = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      if (parent[i] >= 0 && female[i]) {
        target.add(parent[i]);
      }
    }
    StringBuilder exs = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      exs.append(target.contains(i) ? "pos" : "neg")
          .append("(has_daughter(p")
          .append(i)
          .append(")).\n");
    }
    String bias =
        "head_pred(has_daughter,1).\nbody_pred(parent,2).\nbody_pred(female,1).\n"
            + "type(has_daughter,(person,)).\ntype(parent,(person,person)).\ntype(female,(person,)).\n"
            + "direction(has_daughter,(in,)).\ndirection(parent,(in,out)).\ndirection(female,(in,)).\n"
            + "max_vars(3).\nmax_body(3).\nmax_clauses(2).\n";
    Learner.Result r = Learner.learn(write(bias, bk, exs), Learner.Options.defaults());
    assertThat(r.status()).isEqualTo(Learner.Status.SOLVED);
    assertThat(r.programText().strip()).isEqualTo("has_daughter(A):- parent(A,B), female(B).");
    assertThat(r.accuracy()).isEqualTo(1.0);
  }

  @Test
  void recoversARecursiveRule() throws IOException {
    Random rnd = new Random(2);
    int n = 40;
    int[] parent = forest(rnd, n);
    StringBuilder bk = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (parent[i] >= 0) {
        bk.append("parent(p").append(parent[i]).append(",p").append(i).append(").\n");
      }
    }
    StringBuilder exs = new StringBuilder();
    int pos = 0;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        boolean anc = false;
        for (int x = parent[b]; x >= 0 && !anc; x = parent[x]) {
          anc = x == a;
        }
        if (anc || rnd.nextInt(8) == 0) {
          exs.append(anc ? "pos" : "neg")
              .append("(ancestor(p")
              .append(a)
              .append(",p")
              .append(b)
              .append(")).\n");
          pos += anc ? 1 : 0;
        }
      }
    }
    assertThat(pos).isGreaterThan(30);
    String bias =
        "head_pred(ancestor,2).\nbody_pred(parent,2).\nenable_recursion.\n"
            + "type(ancestor,(person,person)).\ntype(parent,(person,person)).\n"
            + "direction(ancestor,(in,in)).\ndirection(parent,(in,out)).\n"
            + "max_vars(3).\nmax_body(2).\nmax_clauses(2).\n";
    Learner.Result r = Learner.learn(write(bias, bk, exs), Learner.Options.defaults());
    assertThat(r.status()).isEqualTo(Learner.Status.SOLVED);
    assertThat(r.program()).hasSize(2);
    assertThat(r.program().stream().filter(Clause::recursive)).hasSize(1);
    assertThat(r.fn() + r.fp()).isZero();
  }

  @Test
  void saysNoSolutionWhenTheBiasCannotExpressTheTarget() throws IOException {
    // target: odd(X) over a chain; the bias offers only succ/2 and zero/1, no recursion, one
    // clause of at most two literals, and parity is not expressible that way.
    StringBuilder bk = new StringBuilder("zero(n0).\n");
    StringBuilder exs = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      bk.append("succ(n").append(i).append(",n").append(i + 1).append(").\n");
      exs.append(i % 2 == 1 ? "pos" : "neg").append("(odd(n").append(i).append(")).\n");
    }
    String bias =
        "head_pred(odd,1).\nbody_pred(succ,2).\nbody_pred(zero,1).\n"
            + "max_vars(3).\nmax_body(2).\nmax_clauses(1).\n";
    Learner.Result r = Learner.learn(write(bias, bk, exs), Learner.Options.defaults());
    assertThat(r.status()).isEqualTo(Learner.Status.NO_SOLUTION);
    assertThat(r.program()).isEmpty();
    // with noise-tolerant scoring the best short program is still reported, marked as such
    Learner.Result noisy = Learner.learn(write(bias, bk, exs), new Learner.Options(60, true));
    assertThat(noisy.status()).isIn(Learner.Status.BEST_EFFORT, Learner.Status.NO_SOLUTION);
  }
}
