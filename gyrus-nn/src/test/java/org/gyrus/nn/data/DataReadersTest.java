package org.gyrus.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataReadersTest {
  @TempDir Path tmp;

  static Path data() {
    String d = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(d != null, "GYRUS_DATA not set: skipping real-data reader checks");
    return Path.of(d);
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in =
        Datasets.class.getResourceAsStream("/org/gyrus/nn/data/fashion-mnist/" + name)) {
      return in.readAllBytes();
    }
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(raw);
    }
    return out.toByteArray();
  }

  @Test
  void embedded_fashion_mnist_is_the_balanced_test_set() {
    Dataset d = Datasets.embeddedFashionMnist();
    assertThat(d.size()).isEqualTo(10_000);
    assertThat(d.exampleShape()).isEqualTo(new Shape(1, 28, 28));
    int[] counts = new int[10];
    for (int y : d.y()) {
      counts[y]++;
    }
    assertThat(counts).containsOnly(1000);
    float max = 0;
    for (float v : d.x()) {
      max = Math.max(max, v);
    }
    assertThat(max).isEqualTo(1f);
  }

  @Test
  void truncated_idx_names_file_and_byte() throws IOException {
    byte[] img =
        Bytes.read(
            new java.io.ByteArrayInputStream(resource("t10k-images-idx3-ubyte.gz")), "x", true);
    byte[] lab =
        Bytes.read(
            new java.io.ByteArrayInputStream(resource("t10k-labels-idx1-ubyte.gz")), "y", true);
    Path imgs = tmp.resolve("imgs-idx3-ubyte.gz");
    Path labs = tmp.resolve("labs-idx1-ubyte.gz");
    Files.write(labs, gzip(lab));
    Files.write(imgs, gzip(Arrays.copyOf(img, 16 + 784 * 3 + 10)));
    assertThatThrownBy(() -> IdxReader.read(imgs, labs, "t"))
        .isInstanceOf(DataError.class)
        .hasMessageContaining(imgs + ":byte " + (16 + 784 * 3 + 10))
        .hasMessageContaining("truncated");
    // a cut compressed stream
    byte[] gz = resource("t10k-images-idx3-ubyte.gz");
    Files.write(imgs, Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(() -> IdxReader.read(imgs, labs, "t"))
        .isInstanceOf(DataError.class)
        .hasMessageStartingWith(imgs + ":byte ")
        .hasMessageContaining("truncated");
    // wrong magic: labels passed as images
    Files.write(imgs, gzip(lab));
    assertThatThrownBy(() -> IdxReader.read(imgs, labs, "t"))
        .hasMessageContaining(
            imgs + ":byte 0: IDX magic number 0x00000803 expected, found 0x00000801");
  }

  @Test
  void cifar_records_and_truncation() throws IOException {
    byte[] two = new byte[2 * Cifar10Reader.RECORD + 5];
    two[0] = 3;
    two[Cifar10Reader.RECORD] = 9;
    two[1] = (byte) 255;
    Path f = tmp.resolve("c.bin");
    Files.write(f, two);
    assertThatThrownBy(() -> Cifar10Reader.read(f))
        .hasMessageStartingWith(f + ":byte " + 2 * Cifar10Reader.RECORD + ": truncated record 2");
    Files.write(f, Arrays.copyOf(two, 2 * Cifar10Reader.RECORD));
    Dataset d = Cifar10Reader.read(f);
    assertThat(d.y()).containsExactly(3, 9);
    assertThat(d.x()[0]).isEqualTo(1f);
    two[Cifar10Reader.RECORD] = 12;
    Files.write(f, Arrays.copyOf(two, 2 * Cifar10Reader.RECORD));
    assertThatThrownBy(() -> Cifar10Reader.read(f))
        .hasMessageStartingWith(f + ":byte " + Cifar10Reader.RECORD + ": expected a label 0..9");
  }

  @Test
  void real_cifar_sample() {
    Dataset d = Cifar10Reader.read(data().resolve("cifar10/test_1k_from_jpeg.bin.gz"));
    assertThat(d.size()).isEqualTo(1000);
    assertThat(d.exampleShape()).isEqualTo(new Shape(3, 32, 32));
    assertThat(Arrays.stream(d.y()).filter(y -> y == 4).count()).isEqualTo(100);
  }

  @Test
  void csv_layouts_sklearn_and_uci() {
    Path dir = data();
    Dataset iris = CsvTable.read(dir.resolve("sklearn-small/iris.csv"), null);
    assertThat(iris.size()).isEqualTo(150);
    assertThat(iris.exampleShape()).isEqualTo(new Shape(4));
    assertThat(iris.classes()).isEqualTo(3);
    assertThat(iris.x()[0]).isEqualTo(5.1f);
    Dataset digits = CsvTable.read(dir.resolve("sklearn-small/digits.csv.gz"), null);
    assertThat(digits.size()).isEqualTo(1797);
    assertThat(digits.classes()).isEqualTo(10);
    Dataset glass = CsvTable.read(dir.resolve("uci-mlbench/Glass.csv.gz"), "Type");
    assertThat(glass.size()).isEqualTo(214);
    assertThat(glass.exampleShape()).isEqualTo(new Shape(9));
    assertThat(glass.classes()).isEqualTo(6);
    Dataset zoo = CsvTable.read(dir.resolve("uci-mlbench/Zoo.csv.gz"), null);
    assertThat(zoo.classes()).isEqualTo(7);
    assertThat(zoo.x()[0]).isEqualTo(1f);
  }

  @Test
  void csv_errors_name_the_line() {
    String text = "\"a\",\"b\",\"y\"\n1,2,\"x\"\n3,NA,\"z\"\n4,5\n";
    assertThatThrownBy(() -> CsvTable.parse(text, "t.csv", null))
        .hasMessage("t.csv:line 4: 3 fields expected (as on line 2), found 2");
    assertThatThrownBy(() -> CsvTable.parse("\"a,b\n1,2\n", "u.csv", null))
        .hasMessageStartingWith("u.csv:line 1: a closing quote");
    Dataset ok = CsvTable.parse("\"a\",\"b\",\"y\"\n1,2,\"x\"\n3,NA,\"z\"\n", "t.csv", null);
    assertThat(ok.x()).containsExactly(1f, 2f, 3f, 2f);
    assertThat(ok.y()).containsExactly(0, 1);
  }

  @Test
  void splits_are_seeded_disjoint_and_normalised_on_train() {
    Dataset d = Datasets.embeddedFashionMnist().head(1000);
    Dataset[] a = d.split(0.2, new SplittableRandom(5));
    Dataset[] b = d.split(0.2, new SplittableRandom(5));
    assertThat(a[0].y()).containsExactly(b[0].y());
    assertThat(a[1].size()).isEqualTo(200);
    Set<Integer> idx = new HashSet<>();
    int[] p = Dataset.permutation(1000, new SplittableRandom(5));
    for (int i : p) {
      idx.add(i);
    }
    assertThat(idx).hasSize(1000);
    DataSplits s = DataSplits.threeWay(d, 0.1, 0.1, 1, false);
    assertThat(s.train().size() + s.validation().size() + s.test().size()).isEqualTo(1000);
    double mean = 0;
    for (float v : s.train().x()) {
      mean += v;
    }
    assertThat(mean / s.train().x().length).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4));
  }
}
