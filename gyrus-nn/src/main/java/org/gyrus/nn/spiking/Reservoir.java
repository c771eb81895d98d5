package org.gyrus.nn.spiking;

/** A fixed random recurrent network that turns a sequence into a feature vector for a readout. */
public interface Reservoir {
  int features();

  /** Features of one sequence of {@code steps} rows (row-major floats). */
  float[] run(float[] sequence, int steps);
}
