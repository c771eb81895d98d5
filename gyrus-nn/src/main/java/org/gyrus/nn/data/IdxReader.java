package org.gyrus.nn.data;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** IDX files (MNIST, Fashion-MNIST): unsigned-byte images scaled to [0,1] and byte labels. */
public final class IdxReader {
  private IdxReader() {}

  public static Dataset read(Path images, Path labels, String name) {
    return parse(
        Bytes.read(images), images.toString(), Bytes.read(labels), labels.toString(), name);
  }

  /** Reads gzip-compressed IDX pairs from streams (e.g. class-path resources). */
  public static Dataset read(
      InputStream images, String imagesName, InputStream labels, String labelsName, String name)
      throws IOException {
    return parse(
        Bytes.read(images, imagesName, true),
        imagesName,
        Bytes.read(labels, labelsName, true),
        labelsName,
        name);
  }

  static Dataset parse(byte[] img, String imgName, byte[] lab, String labName, String name) {
    header(img, imgName, 0x803, 16);
    header(lab, labName, 0x801, 8);
    int n = Bytes.int32(img, 4);
    int rows = Bytes.int32(img, 8);
    int cols = Bytes.int32(img, 12);
    int nl = Bytes.int32(lab, 4);
    if (n < 0 || rows <= 0 || cols <= 0) {
      throw new DataError(imgName + ":byte 4", "bad dimensions " + n + "x" + rows + "x" + cols);
    }
    if (nl != n) {
      throw new DataError(labName + ":byte 4", n + " labels to match the images, found " + nl);
    }
    long need = 16L + (long) n * rows * cols;
    if (img.length < need) {
      throw new DataError(
          imgName + ":byte " + img.length,
          "truncated: "
              + need
              + " bytes expected for "
              + n
              + " images, file ends at "
              + img.length);
    }
    if (lab.length < 8L + n) {
      throw new DataError(
          labName + ":byte " + lab.length,
          "truncated: "
              + (8 + n)
              + " bytes expected for "
              + n
              + " labels, file ends at "
              + lab.length);
    }
    int per = rows * cols;
    float[] x = new float[n * per];
    for (int i = 0; i < x.length; i++) {
      x[i] = (img[16 + i] & 0xff) / 255f;
    }
    int[] y = new int[n];
    int classes = 0;
    for (int i = 0; i < n; i++) {
      y[i] = lab[8 + i] & 0xff;
      classes = Math.max(classes, y[i] + 1);
    }
    return new Dataset(name, x, y, new Shape(1, rows, cols), Math.max(classes, 10));
  }

  private static void header(byte[] b, String file, int magic, int len) {
    if (b.length < len) {
      throw new DataError(
          file + ":byte " + b.length, "truncated IDX header (" + len + " bytes expected)");
    }
    int m = Bytes.int32(b, 0);
    if (m != magic) {
      throw new DataError(
          file + ":byte 0",
          String.format("IDX magic number 0x%08x expected, found 0x%08x", magic, m));
    }
  }
}
