/**
 * Attractor networks (B11, B12): the classical Hopfield network, dense associative memory, the
 * multitasking Hebbian network with diluted patterns and Glauber dynamics, the {@code hopfield}
 * retrieval block type, and a hippocampal spiking content-addressable memory with STDP.
 */
package org.gyrus.nn.attractor;
