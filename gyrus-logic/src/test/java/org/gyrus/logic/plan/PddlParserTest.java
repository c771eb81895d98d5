package org.gyrus.logic.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.gyrus.core.SpecError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser accepts the classical subset and names file:line:column on malformed input. */
class PddlParserTest {
  static String resource(String name) {
    try (InputStream in = PddlParserTest.class.getResourceAsStream("/plan/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String BLOCKS =
      "(define (domain b) (:requirements :strips :typing)\n"
          + " (:types block)\n"
          + " (:predicates (on ?x ?y - block) (clear ?x - block))\n"
          + " (:action move :parameters (?x ?y ?z - block)\n"
          + "  :precondition (and (on ?x ?y) (clear ?x) (clear ?z))\n"
          + "  :effect (and (on ?x ?z) (not (on ?x ?y)) (clear ?y) (not (clear ?z)))))\n";

  @Test
  void parsesEveryFeature() {
    Pddl.Domain d = PddlParser.parseDomain(resource("adl-domain.pddl"), "adl-domain.pddl");
    assertThat(d.actions())
        .extracting(Pddl.Action::name)
        .containsExactly("move", "put-in", "take-out", "lock");
    assertThat(d.derived()).hasSize(1);
    assertThat(d.predicates().get("at").get(0).types()).containsExactly("portable", "case");
    assertThat(d.constants()).extracting(Pddl.Typed::name).containsExactly("home", "bc");
    Pddl.Problem p = PddlParser.parseProblem(resource("adl-problem.pddl"), "adl-problem.pddl", d);
    assertThat(p.minimizeCost()).isTrue();
    assertThat(p.numbers()).containsEntry("dist home office", 3.0);
    assertThat(p.goal()).isInstanceOf(Pddl.And.class);
  }

  @Test
  void caseAndCommentsDoNotMatter() {
    Pddl.Domain d =
        PddlParser.parseDomain(BLOCKS.toUpperCase().replace("\n", " ; a comment\n"), "upper.pddl");
    assertThat(d.name()).isEqualTo("b");
    assertThat(d.actions().get(0).params()).hasSize(3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unclosed list | (define (domain b) (:predicates (p) | d.pddl:1:36: expected ')' to close the list opened at d.pddl:1:20, got end of file",
        "stray paren | (define (domain b))) | d.pddl:1:20: expected end of file after the definition",
        "not define | (domain b) | d.pddl:1:1: expected '(define (domain NAME) ...)'",
        "unknown section | (define (domain b) (:axioms)) | d.pddl:1:20: expected one of :requirements",
        "unknown requirement | (define (domain b) (:requirements :fluents)) | d.pddl:1:35: expected a supported requirement",
        "undeclared predicate | (define (domain b) (:predicates (p)) (:action a :parameters () :precondition (q) :effect (p))) | d.pddl:1:78: expected a predicate declared in :predicates, got 'q'",
        "wrong arity | (define (domain b) (:predicates (p ?x)) (:action a :parameters (?x) :precondition (p ?x ?x) :effect (p ?x))) | d.pddl:1:83: expected 1 arguments for 'p', got 2",
        "unbound variable | (define (domain b) (:predicates (p ?x)) (:action a :parameters (?x) :precondition (p ?y) :effect (p ?x))) | d.pddl:1:86: expected a variable bound by :parameters or a quantifier, got '?y'",
        "unknown type | (define (domain b) (:types t) (:predicates (p ?x - u))) | d.pddl:1:44: expected a type declared in :types, got 'u'",
        "numeric effect | (define (domain b) (:predicates (p)) (:functions (f) - number) (:action a :parameters () :effect (decrease (f) 1))) | d.pddl:1:98: expected a propositional effect or '(increase (total-cost) N)', got 'decrease'",
        "dangling dash | (define (domain b) (:types a -)) | d.pddl:1:30: expected type names before '- TYPE' and a type after it",
        "empty file | '' | d.pddl:1:1: expected a PDDL definition"
      })
  void malformedDomainsNameTheSpot(String what, String text, String message) {
    assertThatThrownBy(() -> PddlParser.parseDomain(text, "d.pddl"))
        .isInstanceOf(SpecError.class)
        .hasMessageStartingWith(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "wrong domain | (define (problem p) (:domain c) (:init) (:goal (and))) | p.pddl:1:30: expected domain 'b', got 'c'",
        "unknown object | (define (problem p) (:domain b) (:objects a - block) (:init (clear z)) (:goal (and))) | p.pddl:1:68: expected a declared constant or object, got 'z'",
        "no goal | (define (problem p) (:domain b) (:init)) | p.pddl:1:1: expected both '(:init ...)' and '(:goal ...)'",
        "bad metric | (define (problem p) (:domain b) (:init) (:goal (and)) (:metric maximize (total-cost))) | p.pddl:1:55: expected '(:metric minimize (total-cost))'",
        "object of unknown type | (define (problem p) (:domain b) (:objects a - ball) (:init) (:goal (and))) | p.pddl: object a: expected a type of the domain, got 'ball'"
      })
  void malformedProblemsNameTheSpot(String what, String text, String message) {
    Pddl.Domain d = PddlParser.parseDomain(BLOCKS, "b.pddl");
    assertThatThrownBy(() -> PddlParser.parseProblem(text, "p.pddl", d))
        .isInstanceOf(SpecError.class)
        .hasMessageStartingWith(message);
  }
}
