; Every feature the parser claims: typing with either, constants, negative, disjunctive,
; quantified preconditions, equality, conditional and universal effects, derived predicates,
; action costs.
(define (domain briefcase-adl)
  (:requirements :strips :typing :negative-preconditions :disjunctive-preconditions :equality
                 :quantified-preconditions :conditional-effects :derived-predicates :action-costs)
  (:types place thing - object
          portable - thing
          case - thing)
  (:constants home - place bc - case)
  (:predicates (at ?t - (either portable case) ?p - place)
               (in ?x - portable)
               (road ?a ?b - place)
               (all-home)
               (locked))
  (:functions (total-cost) - number (dist ?a ?b - place) - number)
  (:derived (all-home) (forall (?x - portable) (at ?x home)))
  (:action move
    :parameters (?from ?to - place)
    :precondition (and (at bc ?from) (not (= ?from ?to))
                       (or (road ?from ?to) (road ?to ?from))
                       (not (locked)))
    :effect (and (at bc ?to) (not (at bc ?from))
                 (forall (?x - portable) (when (in ?x) (and (at ?x ?to) (not (at ?x ?from)))))
                 (increase (total-cost) (dist ?from ?to))))
  (:action put-in
    :parameters (?x - portable ?p - place)
    :precondition (and (at ?x ?p) (at bc ?p) (not (in ?x)))
    :effect (and (in ?x) (increase (total-cost) 1)))
  (:action take-out
    :parameters (?x - portable)
    :precondition (in ?x)
    :effect (and (not (in ?x)) (increase (total-cost) 1)))
  (:action lock
    :parameters ()
    :precondition (and (all-home) (exists (?p - place) (and (at bc ?p) (imply (at bc ?p) (= ?p home)))))
    :effect (and (locked) (increase (total-cost) 1))))
