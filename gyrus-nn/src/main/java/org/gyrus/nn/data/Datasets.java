package org.gyrus.nn.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Named data sets: the embedded Fashion-MNIST test set and files under a data directory. */
public final class Datasets {
  private static final String EMBEDDED = "/org/gyrus/nn/data/fashion-mnist/";

  private Datasets() {}

  /** The Fashion-MNIST test set (10,000 images, MIT licence) shipped inside the jar. */
  public static Dataset embeddedFashionMnist() {
    String img = EMBEDDED + "t10k-images-idx3-ubyte.gz";
    String lab = EMBEDDED + "t10k-labels-idx1-ubyte.gz";
    try (InputStream i = Datasets.class.getResourceAsStream(img);
        InputStream l = Datasets.class.getResourceAsStream(lab)) {
      if (i == null || l == null) {
        throw new DataError("classpath:" + EMBEDDED, "embedded Fashion-MNIST missing from the jar");
      }
      return IdxReader.read(i, "classpath:" + img, l, "classpath:" + lab, "fashion-mnist-embedded");
    } catch (IOException e) {
      throw new DataError("classpath:" + EMBEDDED, e.getMessage(), e);
    }
  }

  /**
   * Demo splits of the embedded set: 8,000 train, 1,000 validation, 1,000 test (seeded), images
   * standardised with training statistics.
   */
  public static DataSplits embeddedDemo(long seed) {
    return DataSplits.threeWay(embeddedFashionMnist(), 0.1, 0.1, seed, false);
  }

  /**
   * Full Fashion-MNIST or MNIST from {@code dir/<name>/}: 60k train (less validation), 10k test.
   */
  public static DataSplits idx(Path dataDir, String name, double valFraction, long seed) {
    Path d = dataDir.resolve(name);
    if (!Files.isDirectory(d)) {
      throw new DataError(d.toString(), "a directory with IDX files");
    }
    Dataset train =
        IdxReader.read(
            d.resolve("train-images-idx3-ubyte.gz"),
            d.resolve("train-labels-idx1-ubyte.gz"),
            name + "/train");
    Dataset test =
        IdxReader.read(
            d.resolve("t10k-images-idx3-ubyte.gz"),
            d.resolve("t10k-labels-idx1-ubyte.gz"),
            name + "/test");
    return DataSplits.of(train, test, valFraction, seed, false);
  }

  /**
   * CIFAR-10 from the JPEG zips in {@code dataDir/cifar10}: all 50,000 training images, or with
   * {@code subset} the first 1,000 per class; validation split off the training images (seeded),
   * normalised per channel with training statistics.
   */
  public static DataSplits cifar10(Path dataDir, boolean subset, double valFraction, long seed) {
    Path d = dataDir.resolve("cifar10");
    Dataset train =
        JpegZipReader.read(
            d.resolve(subset ? "cifar10-train-1000perclass-jpeg.zip" : "cifar10-train-jpeg.zip"));
    Dataset test = JpegZipReader.read(d.resolve("cifar10-test-jpeg.zip"));
    return DataSplits.of(train, test, valFraction, seed, false);
  }

  /** A CSV table split 70/15/15 (seeded), standardised per feature. */
  public static DataSplits table(Path file, String labelColumn, long seed) {
    return DataSplits.threeWay(CsvTable.read(file, labelColumn), 0.15, 0.15, seed, true);
  }

  static SplittableRandom rng(long seed) {
    return new SplittableRandom(seed);
  }
}
