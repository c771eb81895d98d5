package org.gyrus.nesy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.gyrus.core.SpecError;
import org.gyrus.nn.data.Dataset;
import org.gyrus.nn.data.IdxReader;

/**
 * MNIST-addition in the DeepStochLog / A-NeSI protocol: a seeded permutation of the images is cut
 * into disjoint groups of 2N; the first N images form the first number (most significant digit
 * first), the next N the second; the label is only the sum.
 */
public record AdditionData(Dataset images, int digits, int[][] groups, long[] sums) {

  public static AdditionData of(Dataset images, int digits, long seed) {
    int per = 2 * digits;
    int n = images.size() / per;
    int[] order = Dataset.permutation(images.size(), new SplittableRandom(seed));
    int[][] groups = new int[n][per];
    long[] sums = new long[n];
    for (int g = 0; g < n; g++) {
      long a = 0;
      long b = 0;
      for (int i = 0; i < digits; i++) {
        groups[g][i] = order[g * per + i];
        groups[g][digits + i] = order[g * per + digits + i];
        a = a * 10 + images.y()[groups[g][i]];
        b = b * 10 + images.y()[groups[g][digits + i]];
      }
      sums[g] = a + b;
    }
    return new AdditionData(images, digits, groups, sums);
  }

  public int size() {
    return groups.length;
  }

  /** Reads {@code train} or {@code t10k} MNIST IDX gzip files from a directory. */
  public static Dataset mnist(Path dir, String split) {
    Path img = dir.resolve(split + "-images-idx3-ubyte.gz");
    Path lab = dir.resolve(split + "-labels-idx1-ubyte.gz");
    if (!Files.isRegularFile(img) || !Files.isRegularFile(lab)) {
      throw new SpecError(
          dir.toString(),
          "MNIST files " + img.getFileName() + " and " + lab.getFileName(),
          "missing");
    }
    return IdxReader.read(img, lab, "mnist-" + split);
  }

  /** Resolves the MNIST folder from a data root ({@code $GYRUS_DATA}) or the folder itself. */
  public static Path mnistDir(Path data) {
    return Files.isDirectory(data.resolve("mnist")) ? data.resolve("mnist") : data;
  }
}
