package org.gyrus.nesy.clutrr;

/**
 * One CLUTRR example as a graph: edge i goes from {@code from[i]} to {@code to[i]} and says that
 * node {@code to[i]} is the {@code relation[i]} of node {@code from[i]} (the data's reading: edge
 * (0, 1) 'father' = node 1 is node 0's father). The query asks for the relation of {@code target}
 * to {@code source}; {@code label} is its relation id and {@code k} the story's edge count (the
 * task's length).
 */
public record Story(
    int nodes, int[] from, int[] to, int[] relation, int source, int target, int label, int k) {

  public int edges() {
    return from.length;
  }
}
