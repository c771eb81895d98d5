package org.gyrus.nn.data;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;

/** CIFAR-10 binary records: 1 label byte and 3x32x32 channel-major pixels, scaled to [0,1]. */
public final class Cifar10Reader {
  static final int RECORD = 1 + 3 * 32 * 32;

  private Cifar10Reader() {}

  public static Dataset read(Path file) {
    return parse(Bytes.read(file), file.toString());
  }

  static Dataset parse(byte[] b, String name) {
    if (b.length % RECORD != 0) {
      int whole = b.length / RECORD;
      throw new DataError(
          name + ":byte " + (long) whole * RECORD,
          "truncated record "
              + whole
              + ": "
              + (b.length - whole * RECORD)
              + " of "
              + RECORD
              + " bytes");
    }
    int n = b.length / RECORD;
    int per = RECORD - 1;
    float[] x = new float[n * per];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int off = i * RECORD;
      y[i] = b[off] & 0xff;
      if (y[i] > 9) {
        throw new DataError(name + ":byte " + off, "expected a label 0..9, found " + y[i]);
      }
      for (int j = 0; j < per; j++) {
        x[i * per + j] = (b[off + 1 + j] & 0xff) / 255f;
      }
    }
    return new Dataset(name, x, y, new Shape(3, 32, 32), 10);
  }
}
