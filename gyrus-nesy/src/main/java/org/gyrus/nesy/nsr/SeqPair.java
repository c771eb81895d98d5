package org.gyrus.nesy.nsr;

import java.util.List;

/** One training or test example: an input token sequence, its output sequence, and its origin. */
public record SeqPair(List<String> input, List<String> output, String source) {
  public SeqPair {
    input = List.copyOf(input);
    output = List.copyOf(output);
  }
}
