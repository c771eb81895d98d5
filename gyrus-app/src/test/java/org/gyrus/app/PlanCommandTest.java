package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  static final String DOMAIN =
      "(define (domain b) (:requirements :strips :typing)\n"
          + " (:types block)\n"
          + " (:predicates (on ?x ?y - block) (clear ?x - block))\n"
          + " (:action move :parameters (?x ?y ?z - block)\n"
          + "  :precondition (and (on ?x ?y) (clear ?x) (clear ?z))\n"
          + "  :effect (and (on ?x ?z) (not (on ?x ?y)) (clear ?y) (not (clear ?z)))))\n";

  @Test
  void printsAPlanInIpcFormat() throws Exception {
    Path d = write("d.pddl", DOMAIN);
    Path p =
        write(
            "p.pddl",
            "(define (problem p) (:domain b) (:objects a b c t - block)\n"
                + " (:init (on a t) (on b a) (on c t) (clear b) (clear c)) (:goal (on a b)))");
    CliTest.Result r = CliTest.run("plan", d.toString(), p.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("(move b a c)\n(move a t b)\n; cost = 2\n");
    CliTest.Result o = CliTest.run("plan", "--optimal", d.toString(), p.toString());
    assertThat(o.out()).endsWith("; cost = 2 (optimal)\n");
    for (String planner :
        new String[] {"lama", "wastar:2", "gbfs-add", "astar:hmax", "astar:blind"}) {
      CliTest.Result x =
          CliTest.run("plan", "--planner", planner, "--timeout", "5", d.toString(), p.toString());
      assertThat(x.code()).as(planner).isZero();
      assertThat(x.out()).as(planner).startsWith("(move b a c)\n(move a t b)\n; cost = 2");
    }
    CliTest.Result bad = CliTest.run("plan", "--planner", "astar:hfoo", d.toString(), p.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--planner").contains("hfoo");
    assertThat(CliTest.run("explain", "wastar").out()).contains("weight of h");
  }

  @Test
  void unsolvableIsReportedWithExitZero() throws Exception {
    Path d = write("d.pddl", DOMAIN);
    Path p =
        write(
            "p.pddl",
            "(define (problem p) (:domain b) (:objects a b - block)\n"
                + " (:init (on a b)) (:goal (on b a)))");
    CliTest.Result r = CliTest.run("plan", d.toString(), p.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("; unsolvable: no plan exists (proven by exhaustive search)\n");
  }

  @Test
  void badInputExitsTwoWithTheSpot() throws Exception {
    Path d = write("d.pddl", DOMAIN.replace("(clear ?z))\n", "(clear ?w))\n"));
    Path p = write("p.pddl", "(define (problem p) (:domain b) (:init) (:goal (and)))");
    CliTest.Result r = CliTest.run("plan", d.toString(), p.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: "
                + d
                + ":5:51: expected a variable bound by"
                + " :parameters or a quantifier, got '?w'");
    CliTest.Result missing = CliTest.run("plan", dir.resolve("none.pddl").toString(), p.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(CliTest.run("plan", "--timeout", "0", d.toString(), p.toString()).code())
        .isEqualTo(2);
  }
}
