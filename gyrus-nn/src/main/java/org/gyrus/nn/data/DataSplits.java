package org.gyrus.nn.data;

import java.util.SplittableRandom;

/** Training, validation and test data for one experiment. */
public record DataSplits(Dataset train, Dataset validation, Dataset test) {
  /**
   * Splits a validation fraction off the training set (seeded) and standardises all three with
   * statistics of the training part only.
   */
  public static DataSplits of(
      Dataset trainAndVal, Dataset test, double valFraction, long seed, boolean perFeature) {
    Dataset[] tv = trainAndVal.split(valFraction, new SplittableRandom(seed));
    Normaliser n = Normaliser.fit(tv[0], perFeature);
    return new DataSplits(n.apply(tv[0]), n.apply(tv[1]), n.apply(test));
  }

  /** Three-way split of a single data set: test, validation and training parts. */
  public static DataSplits threeWay(
      Dataset all, double valFraction, double testFraction, long seed, boolean perFeature) {
    SplittableRandom rng = new SplittableRandom(seed);
    Dataset[] rest = all.split(testFraction, rng);
    Dataset[] tv = rest[0].split(valFraction / (1 - testFraction), rng);
    Normaliser n = Normaliser.fit(tv[0], perFeature);
    return new DataSplits(n.apply(tv[0]), n.apply(tv[1]), n.apply(rest[1]));
  }
}
