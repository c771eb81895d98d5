package org.gyrus.logic.datalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gyrus.logic.datalog.engine.Engine;
import org.junit.jupiter.api.Test;

/** Absurdly deep expressions are one clear error, never a stack overflow; deep-enough ones work. */
class DeepInputTest {
  static String rule(String expr) {
    return "q(1).\np(X) :- q(Y), X = " + expr + ".\n";
  }

  @Test
  void deepExpressionsAreRefusedWithAPosition() {
    int n = 100_000;
    String[] deep = {
      "(".repeat(n) + "Y" + ")".repeat(n),
      "Y" + " + 1".repeat(n),
      "-".repeat(n) + "Y",
      "Y" + " * 2".repeat(n),
    };
    for (String e : deep) {
      assertThatThrownBy(() -> Parser.parse(rule(e), "deep.dl"))
          .isInstanceOf(DatalogError.class)
          .hasMessageStartingWith("deep.dl:2:")
          .hasMessageContaining("at most 400");
    }
  }

  @Test
  void expressionsWithinTheLimitEvaluate() {
    String sum = "Y" + " + 1".repeat(300);
    Engine e = new Engine(Parser.parse(rule(sum), "ok.dl"), false);
    e.run();
    int[] rows = e.answers(Parser.parseQuery("p(X)"));
    assertThat(rows).hasSize(1);
    assertThat(e.show(e.relation("p"), rows[0])).isEqualTo("p(301)");
    String nested = "(".repeat(300) + "Y + 1" + ")".repeat(300);
    Engine n = new Engine(Parser.parse(rule(nested), "ok.dl"), false);
    n.run();
    assertThat(n.show(n.relation("p"), n.answers(Parser.parseQuery("p(X)"))[0])).isEqualTo("p(2)");
  }
}
