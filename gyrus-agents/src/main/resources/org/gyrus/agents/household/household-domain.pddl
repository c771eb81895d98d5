; One item per piece of furniture (free). The sub-goal level of the household world (issue 21 section 3): going between pieces of
; furniture (cost = the navigator's step estimate), opening containers, picking, placing, washing.
; Goals are reached through achieve-* actions so that the planner picks which item serves a goal.
(define (domain household)
  (:requirements :strips :typing :action-costs)
  (:types place item goal)
  (:predicates
    (agent-at ?p - place) (in ?i - item ?p - place) (holding ?i - item) (handempty)
    (accessible ?p - place) (free ?p - place) (openable ?p - place) (sink ?p - place) (clean ?i - item)
    (fits ?g - goal ?i - item) (put-goal ?g - goal ?p - place) (clean-goal ?g - goal)
    (any-goal ?g - goal) (hold-goal ?g - goal) (done ?g - goal))
  (:functions (total-cost) - number (dist ?a ?b - place) - number)
  (:action go
    :parameters (?a ?b - place)
    :precondition (agent-at ?a)
    :effect (and (not (agent-at ?a)) (agent-at ?b) (increase (total-cost) (dist ?a ?b))))
  (:action open
    :parameters (?p - place)
    :precondition (and (agent-at ?p) (openable ?p))
    :effect (and (accessible ?p) (increase (total-cost) 1)))
  (:action pick
    :parameters (?i - item ?p - place)
    :precondition (and (agent-at ?p) (accessible ?p) (in ?i ?p) (handempty))
    :effect (and (holding ?i) (not (in ?i ?p)) (not (handempty)) (free ?p)
                 (increase (total-cost) 1)))
  (:action place
    :parameters (?i - item ?p - place)
    :precondition (and (agent-at ?p) (accessible ?p) (holding ?i) (free ?p))
    :effect (and (in ?i ?p) (handempty) (not (holding ?i)) (not (free ?p))
                 (increase (total-cost) 1)))
  (:action wash
    :parameters (?i - item ?p - place)
    :precondition (and (agent-at ?p) (sink ?p) (holding ?i))
    :effect (and (clean ?i) (increase (total-cost) 1)))
  (:action achieve-put
    :parameters (?g - goal ?i - item ?p - place)
    :precondition (and (any-goal ?g) (put-goal ?g ?p) (fits ?g ?i) (in ?i ?p))
    :effect (done ?g))
  (:action achieve-clean-put
    :parameters (?g - goal ?i - item ?p - place)
    :precondition (and (clean-goal ?g) (put-goal ?g ?p) (fits ?g ?i) (in ?i ?p) (clean ?i))
    :effect (done ?g))
  (:action achieve-hold
    :parameters (?g - goal ?i - item)
    :precondition (and (hold-goal ?g) (fits ?g ?i) (holding ?i))
    :effect (done ?g)))
