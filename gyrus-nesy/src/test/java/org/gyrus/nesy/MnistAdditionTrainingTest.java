package org.gyrus.nesy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.nn.data.Dataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** End-to-end learning of digits from sums only, on real MNIST (skipped without GYRUS_DATA). */
class MnistAdditionTrainingTest {
  static Path mnist() {
    String env = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(
        env != null, "GYRUS_DATA not set: skipping the real-data MNIST-addition training test");
    Path dir = AdditionData.mnistDir(Path.of(env));
    Assumptions.assumeTrue(Files.isDirectory(dir), "GYRUS_DATA has no mnist/ folder: " + dir);
    return dir;
  }

  @Test
  void oneEpochOfSumsTeachesTheDigits() {
    Path dir = mnist();
    Dataset train = AdditionData.mnist(dir, "train");
    Dataset test = AdditionData.mnist(dir, "t10k");
    // one pass over the 30,000 training sums (about 25 s on one busy core), capped at 50 s
    MnistAddition.Result r =
        MnistAddition.run(
            new MnistAddition.Config(1, 1, 0, 32, 1e-3f, "carry", 0, 50, null, "constant", 0),
            train,
            test,
            null);
    assertThat(r.trainSums()).isPositive();
    assertThat(r.testSums()).isEqualTo(5000);
    assertThat(r.sumAccuracy())
        .as("test sum accuracy after %.1f s", r.trainSeconds())
        .isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void groundedTopKCircuitAlsoLearns() {
    Path dir = mnist();
    // top-k learns more slowly than exact early on (gradient only through the kept proofs):
    // measured
    // 0.58-0.62 after 12,000 sums vs 0.93 for exact, so the bar is lower here
    Dataset train = AdditionData.mnist(dir, "train");
    Dataset test = AdditionData.mnist(dir, "t10k").head(2000);
    MnistAddition.Result r =
        MnistAddition.run(
            new MnistAddition.Config(1, 1, 1, 32, 1e-3f, "topk:3", 12000, 25, null, "constant", 0),
            train,
            test,
            null);
    assertThat(r.sumAccuracy()).as("top-3 proofs, 12000 sums").isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void digitNetworkFromASpecWithScheduleAndShiftsLearns() {
    Path dir = mnist();
    Dataset train = AdditionData.mnist(dir, "train");
    Dataset test = AdditionData.mnist(dir, "t10k").head(2000);
    Value net =
        SpecCodec.fromYaml(
            "{_type: model, body: [{_type: conv2d, filters: 8, kernel: 5, activation: relu},"
                + " {_type: batch_norm}, {_type: max_pool, kernel: 2}, {_type: flatten},"
                + " {_type: dense, units: 64, activation: relu}]}");
    MnistAddition.Result r =
        MnistAddition.run(
            new MnistAddition.Config(1, 1, 2, 32, 2e-3f, "carry", 12000, 40, net, "cosine", 2),
            train,
            test,
            null);
    assertThat(r.sumAccuracy()).as("spec network, 12000 sums").isGreaterThanOrEqualTo(0.85);
  }

  /**
   * N = 100 (issue 23): every sum is a 201-digit label over 200 images, so this exercises the
   * log-space circuit far below float32's range (P(sum) ~ e^-200 at the start) and the (d+5)
   * relabelling that replaces restarts at large N. Three epochs of all 60,000 training images (300
   * sums each) with LeNet take the seed past the plateau; 2,000 test images (10 sums) measure the
   * digits. Measured: 97.4% digits, 28 s of training CPU (728 s wall at load 27 on 2 cores); seed 1
   * 97.8%; with the training labels shuffled (sums no longer match the images) 10.1%, so the bar
   * fails when the circuit's labels are wrong.
   */
  @Test
  void hundredDigitSumsTeachTheDigits() {
    Path dir = mnist();
    Dataset train = AdditionData.mnist(dir, "train");
    Dataset test = AdditionData.mnist(dir, "t10k").head(2000);
    MnistAddition.Result r =
        MnistAddition.run(
            new MnistAddition.Config(
                100, 3, SEED_100, 2, 2e-3f, "carry", 0, 0, null, "constant", 2),
            train,
            test,
            null);
    assertThat(r.trainSums()).isEqualTo(300);
    assertThat(r.testSums()).isEqualTo(10);
    assertThat(r.digitAccuracy())
        .as("N=100 digit accuracy after %d epochs, %.1f s", r.epochsRun(), r.trainSeconds())
        .isGreaterThan(0.90);
  }

  static final long SEED_100 = 2;

  @Test
  void plusFiveRelabellingIsAnInvolutionOnTheLogits() {
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
      float[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
      ai.djl.ndarray.NDArray logits = m.create(x, new ai.djl.ndarray.types.Shape(2, 10));
      ai.djl.ndarray.NDList once = MnistAddition.rotateByFive(new ai.djl.ndarray.NDList(logits));
      assertThat(once.singletonOrThrow().toFloatArray())
          .containsExactly(5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 15, 16, 17, 18, 19, 10, 11, 12, 13, 14);
      assertThat(MnistAddition.rotateByFive(once).singletonOrThrow().toFloatArray())
          .containsExactly(x);
    }
    assertThat(MnistAddition.plusFive(new long[] {0, 4, 5, 9})).containsExactly(5, 9, 0, 4);
  }

  @Test
  void cosineRateFallsFromLrToZero() {
    MnistAddition.Config c =
        new MnistAddition.Config(1, 1, 0, 2, 1e-3f, "carry", 0, 0, null, "cosine", 0);
    assertThat(c.rate(0, 100)).isEqualTo(1e-3f);
    assertThat(c.rate(50, 100)).isCloseTo(5e-4f, within(1e-9f));
    assertThat(c.rate(100, 100)).isCloseTo(0f, within(1e-9f));
    assertThat(c.rate(200, 100)).isCloseTo(0f, within(1e-9f));
    MnistAddition.Config k =
        new MnistAddition.Config(1, 1, 0, 2, 1e-3f, "carry", 0, 0, null, "constant", 0);
    assertThat(k.rate(77, 100)).isEqualTo(1e-3f);
    assertThatThrownBy(
            () -> new MnistAddition.Config(1, 1, 0, 2, 1e-3f, "carry", 0, 0, null, "linear", 0))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("constant or cosine");
    assertThat(k.ema()).isZero(); // the 11-argument form averages nothing
    assertThatThrownBy(
            () ->
                new MnistAddition.Config(
                    1, 1, 0, 2, 1e-3f, "carry", 0, 0, null, "constant", 0, 1.0))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("ema");
  }

  @Test
  void restartCheckCountsCorrectSumDigits() {
    // 12 + 34 = 046: all three sum digits right; label 47 has the units wrong; the (d+5) mod 10
    // reading 67 + 89 = 156 keeps only the units digit of 046
    long[] digits = {1, 2, 3, 4, 6, 7, 8, 9};
    int[][] s46 = {AdditionData.digitsOf(46, 2)};
    int[][] s47 = {AdditionData.digitsOf(47, 2)};
    assertThat(MnistAddition.mapSumDigitsCorrect(new long[] {1, 2, 3, 4}, s46, 2)).isEqualTo(3);
    assertThat(MnistAddition.mapSumDigitsCorrect(new long[] {1, 2, 3, 4}, s47, 2)).isEqualTo(2);
    assertThat(MnistAddition.mapSumDigitsCorrect(digits, new int[][] {s46[0], s46[0]}, 2))
        .isEqualTo(4);
  }

  @Test
  void badSemanticsAreSpecErrors() {
    Dataset tiny =
        new Dataset(
            "t", new float[784 * 4], new int[4], new ai.djl.ndarray.types.Shape(1, 28, 28), 10);
    assertThatThrownBy(
            () ->
                MnistAddition.run(
                    new MnistAddition.Config(1, 1, 0, 2, 1e-3f, "bogus", 0, 0, null, "constant", 0),
                    tiny,
                    tiny,
                    null))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("carry, exact or topk:K");
    assertThatThrownBy(
            () ->
                MnistAddition.run(
                    new MnistAddition.Config(3, 1, 0, 2, 1e-3f, "exact", 0, 0, null, "constant", 0),
                    tiny,
                    tiny,
                    null))
        .isInstanceOf(SpecError.class);
  }
}
