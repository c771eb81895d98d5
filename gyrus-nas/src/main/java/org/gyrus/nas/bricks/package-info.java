/**
 * Bricks (S15): the {@code routed} block type (a learned router selecting bricks per input) and
 * brick operations over specs with weights: grow (a new brick without changing outputs), update
 * (fine-tune one brick, the rest frozen), merge (weight averaging after permutation alignment).
 */
package org.gyrus.nas.bricks;
