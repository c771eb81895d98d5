/**
 * Untrained encoders (B13): the {@code frozen} block keeps its body at its random initialisation
 * while the rest of the network trains.
 */
package org.gyrus.nn.untrained;
