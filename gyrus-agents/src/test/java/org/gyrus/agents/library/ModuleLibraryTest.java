package org.gyrus.agents.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleLibraryTest {
  private static final RelType PP = RelType.of("x", "person", "person");

  /** ann → bob → cid → dan (a line of four generations), bob and eve are siblings. */
  private static final List<String> LINE =
      List.of(
          "parent(ann, bob)",
          "parent(ann, eve)",
          "parent(bob, cid)",
          "parent(cid, dan)",
          "male(bob)",
          "female(ann)",
          "female(eve)",
          "male(cid)",
          "male(dan)");

  private static Module module(String name, String... rules) {
    return new Module(name, 0, new RelType(name, PP.argTypes()), List.of(rules));
  }

  private static FewShotTest test(String name, List<String> facts, String... expected) {
    return new FewShotTest(name, facts, Set.of(expected));
  }

  private static ModuleLibrary library() {
    return new ModuleLibrary(Curriculum.familyBase());
  }

  private static final FewShotTest GRANDPARENT =
      test("grandparent@line", LINE, "grandparent(ann, cid)", "grandparent(bob, dan)");

  @Test
  void aModuleWhoseTestsPassIsAdmittedAndCallable() {
    ModuleLibrary lib = library();
    Decision d =
        lib.submit(
            module("grandparent", "grandparent(X, Y) :- parent(X, Z), parent(Z, Y)."),
            List.of(GRANDPARENT));
    assertThat(d).isInstanceOf(Decision.Admitted.class);
    assertThat(d.module().version()).isEqualTo(1);
    assertThat(lib.get("grandparent")).contains(d.module());
    Decision caller =
        lib.submit(
            module(
                "great_grandparent", "great_grandparent(X, Y) :- grandparent(X, Z), parent(Z, Y)."),
            List.of(test("ggp@line", LINE, "great_grandparent(ann, dan)")));
    assertThat(caller).isInstanceOf(Decision.Admitted.class);
    assertThat(lib.calls(caller.module())).containsExactly("grandparent");
  }

  @Test
  void aFailingModuleIsRefusedWithTheFailingCaseAndNeverUsed() {
    ModuleLibrary lib = library();
    Decision d =
        lib.submit(
            module("sibling", "sibling(X, Y) :- parent(Z, X), parent(Z, Y)."),
            List.of(test("sibling@line", LINE, "sibling(bob, eve)", "sibling(eve, bob)")));
    assertThat(d).isInstanceOf(Decision.Refused.class);
    TestOutcome failing = ((Decision.Refused) d).failing();
    assertThat(failing.test().name()).isEqualTo("sibling@line");
    assertThat(failing.missing()).isEmpty();
    assertThat(failing.extra()).contains("sibling(bob, bob)", "sibling(cid, cid)");
    assertThat(failing.describe()).contains("sibling@line", "unexpected", "sibling(bob, bob)");
    assertThat(lib.get("sibling")).isEmpty();
    assertThat(lib.refused()).hasSize(1);
    // a module calling the refused one cannot use it: refused before any test runs
    Decision caller =
        lib.submit(
            module("pibling", "pibling(X, Y) :- sibling(X, Z), parent(Z, Y)."),
            List.of(test("pibling@line", LINE, "pibling(eve, cid)")));
    assertThat(caller).isInstanceOf(Decision.Refused.class);
    assertThat(((Decision.Refused) caller).reason()).contains("unknown relation sibling/2");
  }

  @Test
  void typeAndArityErrorsAreRefused() {
    ModuleLibrary lib = library();
    Decision d = lib.submit(module("odd", "odd(X, Y) :- parent(X, Y, Y)."), List.of(GRANDPARENT));
    assertThat(((Decision.Refused) d).reason()).contains("does not match parent(person, person)");
    ModuleLibrary typed =
        new ModuleLibrary(
            List.of(
                RelType.of("parent", "person", "person"), RelType.of("owns", "person", "thing")));
    Decision mixed =
        typed.submit(module("weird", "weird(X, Y) :- owns(X, Y)."), List.of(GRANDPARENT));
    assertThat(((Decision.Refused) mixed).reason()).contains("variable Y is person and thing");
  }

  @Test
  void aLaterVersionPassingMoreTestsRetiresTheActiveOneAndCallersFollowByName() {
    ModuleLibrary lib = library();
    List<String> shallow = List.of("parent(a, b)", "parent(b, c)");
    Decision v1 =
        lib.submit(
            module("grandparent", "grandparent(X, Y) :- parent(X, Z), parent(Z, Y)."),
            List.of(test("gp@shallow", shallow, "grandparent(a, c)")));
    assertThat(v1).isInstanceOf(Decision.Admitted.class);
    Decision a1 =
        lib.submit(
            module(
                "ancestor",
                "ancestor(X, Y) :- parent(X, Y).",
                "ancestor(X, Y) :- grandparent(X, Y)."),
            List.of(
                test(
                    "anc@shallow", shallow, "ancestor(a, b)", "ancestor(b, c)", "ancestor(a, c)")));
    assertThat(a1).isInstanceOf(Decision.Admitted.class);
    Decision desc =
        lib.submit(
            module("descendant", "descendant(X, Y) :- ancestor(Y, X)."),
            List.of(
                test(
                    "desc@shallow",
                    shallow,
                    "descendant(b, a)",
                    "descendant(c, b)",
                    "descendant(c, a)")));
    assertThat(desc).isInstanceOf(Decision.Admitted.class);
    FewShotTest deepDesc =
        test(
            "desc@line",
            List.of("parent(ann, bob)", "parent(bob, cid)", "parent(cid, dan)"),
            "descendant(bob, ann)",
            "descendant(cid, ann)",
            "descendant(dan, ann)",
            "descendant(cid, bob)",
            "descendant(dan, bob)",
            "descendant(dan, cid)");
    assertThat(lib.run(desc.module(), deepDesc).missing()).containsExactly("descendant(dan, ann)");

    FewShotTest deep =
        test(
            "anc@line",
            List.of("parent(ann, bob)", "parent(bob, cid)", "parent(cid, dan)"),
            "ancestor(ann, bob)",
            "ancestor(ann, cid)",
            "ancestor(ann, dan)",
            "ancestor(bob, cid)",
            "ancestor(bob, dan)",
            "ancestor(cid, dan)");
    Decision same =
        lib.submit(
            module(
                "ancestor",
                "ancestor(X, Y) :- grandparent(X, Y).",
                "ancestor(X, Y) :- parent(X, Y)."),
            List.of());
    assertThat(same).isInstanceOf(Decision.Refused.class);
    assertThat(((Decision.Refused) same).reason()).contains("not better");
    Decision v2 =
        lib.submit(
            module(
                "ancestor",
                "ancestor(X, Y) :- parent(X, Y).",
                "ancestor(X, Y) :- parent(X, Z), ancestor(Z, Y)."),
            List.of(deep));
    assertThat(v2).isInstanceOf(Decision.Admitted.class);
    Decision.Admitted adm = (Decision.Admitted) v2;
    assertThat(adm.module().version()).isEqualTo(2);
    assertThat(adm.retired()).isEqualTo(a1.module());
    assertThat(adm.passed()).isEqualTo(2);
    assertThat(lib.retired()).containsExactly(a1.module());
    // the caller was not resubmitted: it calls "ancestor" by name and now gets version 2
    assertThat(lib.run(desc.module(), deepDesc).passed()).isTrue();
  }

  @Test
  void anActiveModuleIsReusedByNameWhenItPassesTheNewTask() {
    ModuleLibrary lib = library();
    lib.submit(
        module("grandparent", "grandparent(X, Y) :- parent(X, Z), parent(Z, Y)."),
        List.of(GRANDPARENT));
    FewShotTest other =
        test(
            "gp@other",
            List.of("parent(p, q)", "parent(q, r)", "parent(q, s)"),
            "grandparent(p, r)",
            "grandparent(p, s)");
    assertThat(lib.reuse("grandparent", List.of(other))).isPresent();
    assertThat(lib.reuses()).containsEntry("grandparent", 1);
    FewShotTest wrong = test("gp@wrong", List.of("parent(p, q)"), "grandparent(p, q)");
    assertThat(lib.reuse("grandparent", List.of(wrong))).isEmpty();
    assertThat(lib.reuse("uncle", List.of(other))).isEmpty();
    assertThat(lib.reuses()).containsEntry("grandparent", 1);
  }

  @Test
  void theCurriculumIsSolvedOnlyWithTheLibrary() {
    List<Task> tasks = Curriculum.family(1);
    Curriculum with = new Curriculum(library(), new EnumeratingProposer(true), 10);
    List<Curriculum.Step> steps = with.run(tasks);
    assertThat(steps).allSatisfy(s -> assertThat(s.module()).as(s.task()).isNotNull());
    Curriculum.Step cousin =
        steps.stream().filter(s -> s.task().equals("cousin")).findFirst().get();
    assertThat(cousin.calls()).contains("pibling");
    // every admitted module passes all tests of its task (checked again here, independently)
    for (int i = 0; i < tasks.size(); i++) {
      for (FewShotTest t : tasks.get(i).tests()) {
        assertThat(with.library().run(with.library().get(tasks.get(i).name()).get(), t).passed())
            .as(t.name())
            .isTrue();
      }
    }
    Curriculum without = new Curriculum(library(), new EnumeratingProposer(false), 10);
    long solved = without.run(tasks).stream().filter(s -> s.module() != null).count();
    assertThat(solved).isLessThan(tasks.size());
  }
}
