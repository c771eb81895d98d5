package org.gyrus.nesy.nsr;

import java.util.List;
import java.util.Map;
import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;
import org.gyrus.core.plugin.Registry;

/** A learner of (input tokens → output tokens) from examples: NSR or the seq2seq baseline. */
public interface SeqLearner extends AutoCloseable {
  /** Learns from the pairs; returns one line on what training did. */
  String learn(List<SeqPair> pairs);

  /** The output for one input. */
  List<String> predict(List<String> input);

  /** Exact-match accuracy over the pairs, in [0, 1]. */
  default double accuracy(List<SeqPair> pairs) {
    int right = 0;
    for (SeqPair p : pairs) {
      if (predict(p.input()).equals(p.output())) {
        right++;
      }
    }
    return pairs.isEmpty() ? 0 : right / (double) pairs.size();
  }

  /** What each input word came to mean, when the learner can say (NSR); empty otherwise. */
  default Map<String, String> programs() {
    return Map.of();
  }

  /** The parse of an input, when the learner has one; null otherwise. */
  default String parse(List<String> input) {
    return null;
  }

  @Override
  default void close() {}

  /**
   * A registered sequence learner ({@link org.gyrus.core.plugin.Register}): {@code gyrus types}
   * lists them, {@code gyrus explain NAME} shows their arguments, {@code gyrus nsr --model NAME}
   * trains one.
   */
  interface Factory extends Component {
    SeqLearner create(Args args, long seed);

    static Registry<Factory> registry() {
      return Registry.of(Factory.class, "sequence-to-sequence learner");
    }
  }
}
