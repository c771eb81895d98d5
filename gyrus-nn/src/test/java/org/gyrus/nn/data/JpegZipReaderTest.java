package org.gyrus.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CIFAR-10 JPEG reader: labels from class directories, pixels channel-major, entries in name
 * order, decoded once and then read from its cache; a corrupt entry is named. On the real data,
 * every record of the 1,000-image reference file (decoded by the same decoder) is found.
 */
class JpegZipReaderTest {
  @TempDir Path dir;

  private static byte[] jpeg(int rgb) throws Exception {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }

  private Path zip(String name, Object... entriesAndBytes) throws Exception {
    Path p = dir.resolve(name);
    try (OutputStream f = Files.newOutputStream(p);
        ZipOutputStream z = new ZipOutputStream(f)) {
      for (int i = 0; i < entriesAndBytes.length; i += 2) {
        z.putNextEntry(new ZipEntry((String) entriesAndBytes[i]));
        z.write((byte[]) entriesAndBytes[i + 1]);
        z.closeEntry();
      }
    }
    return p;
  }

  @Test
  void labelsPixelsOrderAndCache() throws Exception {
    Path p =
        zip(
            "small.zip",
            "train/ship/0002.jpg",
            jpeg(0x2040C0),
            "train/cat/0001.jpg",
            jpeg(0xC08020),
            "train/airplane/0009.jpg",
            jpeg(0x808080));
    Dataset d = JpegZipReader.read(p);
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.exampleShape()).isEqualTo(new Shape(3, 32, 32));
    // name order: airplane/0009, cat/0001, ship/0002
    assertThat(d.y()).containsExactly(0, 3, 8);
    int plane = 32 * 32;
    float[] x = d.x();
    int cat = 3 * plane; // second example
    assertThat(x[cat]).isCloseTo(0xC0 / 255f, within(6 / 255f));
    assertThat(x[cat + plane]).isCloseTo(0x80 / 255f, within(6 / 255f));
    assertThat(x[cat + 2 * plane]).isCloseTo(0x20 / 255f, within(6 / 255f));

    Path cache = JpegZipReader.cacheFile(p);
    assertThat(cache).exists().hasParent(dir);
    byte[] records = Files.readAllBytes(cache);
    records[1] = (byte) 255; // the next read must come from the cache
    Files.write(cache, records);
    assertThat(JpegZipReader.read(p).x()[0]).isEqualTo(1f);
  }

  @Test
  void badEntriesAreNamed() throws Exception {
    Path corrupt =
        zip("bad.zip", "train/cat/0001.jpg", jpeg(0), "train/cat/0002.jpg", new byte[] {1, 2, 3});
    assertThatThrownBy(() -> JpegZipReader.read(corrupt))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("bad.zip!train/cat/0002.jpg")
        .hasMessageContaining("a JPEG image");
    Path unknown = zip("cls.zip", "train/unicorn/0001.jpg", jpeg(0));
    assertThatThrownBy(() -> JpegZipReader.read(unknown))
        .hasMessageContaining("cls.zip!train/unicorn/0001.jpg")
        .hasMessageContaining("'unicorn'");
    Path empty = zip("empty.zip", "readme.txt", new byte[] {1});
    assertThatThrownBy(() -> JpegZipReader.read(empty)).hasMessageContaining("holds none");
  }

  @Test
  void imagesAreStandardisedPerChannel() throws Exception {
    Path p =
        zip(
            "n.zip",
            "train/cat/1.jpg",
            jpeg(0xFF0000),
            "train/dog/2.jpg",
            jpeg(0x00FF00),
            "train/dog/3.jpg",
            jpeg(0x0000FF),
            "train/cat/4.jpg",
            jpeg(0x808080));
    Dataset d = JpegZipReader.read(p);
    Dataset n = Normaliser.fit(d, false).apply(d);
    int plane = 32 * 32;
    for (int c = 0; c < 3; c++) {
      double sum = 0;
      double sq = 0;
      for (int i = 0; i < d.size(); i++) {
        for (int j = 0; j < plane; j++) {
          float v = n.x()[i * 3 * plane + c * plane + j];
          sum += v;
          sq += v * v;
        }
      }
      double count = d.size() * plane;
      assertThat(sum / count).as("channel %d mean", c).isCloseTo(0, within(1e-4));
      assertThat(sq / count).as("channel %d variance", c).isCloseTo(1, within(1e-3));
    }
  }

  @Test
  void theRealTestSetHoldsEveryReferenceRecord() {
    String data = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(
        data != null && Files.isDirectory(Path.of(data, "cifar10")),
        "GYRUS_DATA/cifar10 not present: skipping the CIFAR-10 JPEG check");
    Path zip = Path.of(data, "cifar10", "cifar10-test-jpeg.zip");
    byte[] ours = JpegZipReader.decode(zip);
    assertThat(ours.length).isEqualTo(10_000 * Cifar10Reader.RECORD);
    int[] perClass = new int[10];
    Set<ByteBuffer> records = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      perClass[ours[i * Cifar10Reader.RECORD]]++;
      records.add(ByteBuffer.wrap(ours, i * Cifar10Reader.RECORD, Cifar10Reader.RECORD).slice());
    }
    assertThat(perClass).containsOnly(1000);
    byte[] reference = Bytes.read(Path.of(data, "cifar10", "test_1k_from_jpeg.bin.gz"));
    int found = 0;
    for (int i = 0; i < reference.length / Cifar10Reader.RECORD; i++) {
      if (records.contains(
          ByteBuffer.wrap(reference, i * Cifar10Reader.RECORD, Cifar10Reader.RECORD).slice())) {
        found++;
      }
    }
    assertThat(found).isEqualTo(1000);
  }
}
