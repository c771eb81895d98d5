/**
 * Spiking networks (B9, B10, B14): the {@code lif} block type (leaky integrate-and-fire neurons
 * with an arctan surrogate gradient, trainable by the standard trainer), HLOP continual learning
 * (Hebbian subspace learning and orthogonal gradient projection), a liquid state machine, and
 * spike-train simulation of random LIF circuits.
 */
package org.gyrus.nn.spiking;
