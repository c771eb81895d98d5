package org.gyrus.nesy.nsr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Seq2SeqTest {
  /** Inputs of 1-3 words over {a, b, c}, output the mapped words reversed: a b -> B A. */
  private static List<SeqPair> reversal() {
    String[] in = {"a", "b", "c"};
    List<SeqPair> out = new ArrayList<>();
    for (int len = 1; len <= 3; len++) {
      int count = (int) Math.pow(3, len);
      for (int code = 0; code < count; code++) {
        List<String> x = new ArrayList<>();
        List<String> y = new ArrayList<>();
        for (int i = 0, c = code; i < len; i++, c /= 3) {
          x.add(in[c % 3]);
          y.add(0, in[c % 3].toUpperCase());
        }
        out.add(new SeqPair(x, y, "toy"));
      }
    }
    return out;
  }

  @Test
  void learnsASmallReversalTask() {
    List<SeqPair> data = reversal();
    try (Seq2Seq s = new Seq2Seq(new Seq2Seq.Config(32, 400, 32, 0.01, 0))) {
      double loss = s.train(data);
      assertThat(loss).isLessThan(0.2);
      assertThat(s.accuracy(data)).isGreaterThanOrEqualTo(0.9);
    }
  }
}
