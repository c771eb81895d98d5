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
 * first), the next N the second; the label is only the sum, kept as its N + 1 decimal digits (least
 * significant first) so that N = 100 or 500 fits.
 */
public record AdditionData(Dataset images, int digits, int[][] groups, int[][] sumDigits) {

  public static AdditionData of(Dataset images, int digits, long seed) {
    int per = 2 * digits;
    int n = images.size() / per;
    int[] order = Dataset.permutation(images.size(), new SplittableRandom(seed));
    int[][] groups = new int[n][per];
    int[][] sums = new int[n][];
    int[] a = new int[digits];
    int[] b = new int[digits];
    for (int g = 0; g < n; g++) {
      for (int i = 0; i < digits; i++) {
        groups[g][i] = order[g * per + i];
        groups[g][digits + i] = order[g * per + digits + i];
        a[i] = images.y()[groups[g][i]];
        b[i] = images.y()[groups[g][digits + i]];
      }
      sums[g] = addDigits(a, b);
    }
    return new AdditionData(images, digits, groups, sums);
  }

  public int size() {
    return groups.length;
  }

  /** The sums as numbers (N ≤ 17 only: a long holds 18 digits). */
  public long[] sums() {
    if (digits > 17) {
      throw new SpecError("digits", "at most 17 for sums as numbers", "" + digits);
    }
    long[] out = new long[sumDigits.length];
    for (int g = 0; g < out.length; g++) {
      for (int p = digits; p >= 0; p--) {
        out[g] = out[g] * 10 + sumDigits[g][p];
      }
    }
    return out;
  }

  /**
   * Schoolbook addition of two N-digit numbers given most significant digit first; the N + 1 digits
   * of the sum come back least significant first.
   */
  public static int[] addDigits(int[] a, int[] b) {
    int n = a.length;
    int[] z = new int[n + 1];
    int carry = 0;
    for (int pos = 0; pos < n; pos++) {
      int t = a[n - 1 - pos] + b[n - 1 - pos] + carry;
      z[pos] = t % 10;
      carry = t / 10;
    }
    z[n] = carry;
    return z;
  }

  /** The N + 1 digits of a sum of two N-digit numbers, least significant first. */
  public static int[] digitsOf(long sum, int digits) {
    if (sum < 0 || digits > 17 || sum >= 2 * (long) Math.pow(10, digits)) {
      throw new SpecError("sum", "a sum of two " + digits + "-digit numbers", "" + sum);
    }
    int[] z = new int[digits + 1];
    for (int p = 0; p <= digits; p++) {
      z[p] = (int) (sum % 10);
      sum /= 10;
    }
    return z;
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
