package org.gyrus.logic.ilp;

import java.nio.file.Path;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void run() {
    Task t = Task.readPopper(Path.of("/work/shared/data/michalski-trains/popper-gt2"));
    // relabel: braced_wall car and a blue car
    Bias b = t.bias();
    Clause.Literal l1 = new Clause.Literal(b.body().get(0), new int[] {0, 1}, false);
    List<Clause> prog =
        List.of(
            new Clause(
                b.head(),
                List.of(
                    new Clause.Literal(find(b, "has_car"), new int[] {0, 1}, false),
                    new Clause.Literal(find(b, "braced_wall"), new int[] {1}, false),
                    new Clause.Literal(find(b, "has_car"), new int[] {0, 2}, false),
                    new Clause.Literal(find(b, "car_color"), new int[] {2, 3}, false),
                    new Clause.Literal(find(b, "blue"), new int[] {3}, false))));
    Set<List<Object>> cov = Learner.covered(b, Background.asRules(t.bk()), prog);
    List<Example> ex = new ArrayList<>();
    for (Example e : t.examples()) ex.add(new Example(e.args(), cov.contains(e.args())));
    System.out.println("planted positives " + ex.stream().filter(Example::positive).count());
    Task t2 = new Task(b, t.bk(), List.of(), ex);
    Learner.Result r = Learner.learn(t2, new Learner.Options(120, false));
    System.out.println(
        r.status()
            + " in "
            + r.seconds()
            + " s, tested "
            + r.tested()
            + " size "
            + r.bodySize()
            + "\n"
            + r.programText());
  }

  static Bias.Pred find(Bias b, String n) {
    return b.body().stream().filter(p -> p.name().equals(n)).findFirst().get();
  }
}
