package org.gyrus.nn.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.gyrus.core.FileDigest;

/**
 * CIFAR-10 as a zip of JPEGs ({@code train/<class>/NNNN.jpg}, class names as in CIFAR), decoded
 * once and cached in CIFAR's binary record format (1 label byte, 3×32×32 channel-major pixels),
 * which {@link Cifar10Reader} reads back. The cache lives next to the zip when that directory is
 * writable, else in {@code $GYRUS_CACHE} or {@code ~/.gyrus/cache}; its name carries the zip's
 * SHA-256, so a changed zip is decoded again. Entries are read in name order, so the dataset's
 * order (and every seeded split of it) does not depend on the zip's.
 */
public final class JpegZipReader {
  /** CIFAR-10's classes, in label order. */
  public static final List<String> CLASSES =
      List.of(
          "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

  private static final int SIDE = 32;

  private JpegZipReader() {}

  /** The images of {@code zip}, decoded or read from the cache. */
  public static Dataset read(Path zip) {
    Path cache = cacheFile(zip);
    if (!Files.isRegularFile(cache)) {
      byte[] records = decode(zip);
      write(cache, records);
      return Cifar10Reader.parse(records, zip.toString());
    }
    return Cifar10Reader.parse(Bytes.read(cache), zip.toString());
  }

  /** Every JPEG entry as CIFAR records; a corrupt entry fails naming the zip and the entry. */
  static byte[] decode(Path zip) {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      List<ZipEntry> entries = new ArrayList<>();
      z.stream()
          .filter(e -> !e.isDirectory() && e.getName().toLowerCase().endsWith(".jpg"))
          .forEach(entries::add);
      entries.sort((a, b) -> a.getName().compareTo(b.getName()));
      if (entries.isEmpty()) {
        throw new DataError(zip.toString(), "a zip of <class>/NNNN.jpg images; it holds none");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * Cifar10Reader.RECORD);
      for (ZipEntry e : entries) {
        String where = zip + "!" + e.getName();
        try (InputStream in = z.getInputStream(e)) {
          out.write(record(label(e.getName(), where), in.readAllBytes(), where));
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new DataError(zip.toString(), "a readable zip of JPEG images: " + e.getMessage(), e);
    }
  }

  private static int label(String entry, String where) {
    String[] parts = entry.split("/");
    String cls = parts.length >= 2 ? parts[parts.length - 2] : "";
    int label = CLASSES.indexOf(cls);
    if (label < 0) {
      throw new DataError(where, "an image under a class directory " + CLASSES, "'" + cls + "'");
    }
    return label;
  }

  private static byte[] record(int label, byte[] jpeg, String where) throws IOException {
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(jpeg));
    } catch (IOException | RuntimeException e) {
      throw new DataError(where, "a JPEG image: " + e.getMessage(), e);
    }
    if (img == null) {
      throw new DataError(where, "a JPEG image", "bytes no image reader understands");
    }
    if (img.getWidth() != SIDE || img.getHeight() != SIDE) {
      throw new DataError(
          where, "a 32x32 image", img.getWidth() + "x" + img.getHeight() + " pixels");
    }
    byte[] r = new byte[Cifar10Reader.RECORD];
    r[0] = (byte) label;
    int plane = SIDE * SIDE;
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int rgb = img.getRGB(x, y);
        int p = 1 + y * SIDE + x;
        r[p] = (byte) (rgb >> 16);
        r[p + plane] = (byte) (rgb >> 8);
        r[p + 2 * plane] = (byte) rgb;
      }
    }
    return r;
  }

  /** Where the decoded records of {@code zip} are kept. */
  static Path cacheFile(Path zip) {
    String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
    String digest;
    try {
      digest = FileDigest.sha256(zip);
    } catch (IOException e) {
      throw new DataError(zip.toString(), "a readable file: " + e.getMessage(), e);
    }
    String file = name + "-" + digest.substring(0, 16) + ".cifar";
    Path dir = zip.toAbsolutePath().getParent();
    if (dir == null || !Files.isWritable(dir)) {
      String env = System.getenv("GYRUS_CACHE");
      dir =
          env != null && !env.isBlank()
              ? Path.of(env)
              : Path.of(System.getProperty("user.home"), ".gyrus", "cache");
    }
    return dir.resolve(file);
  }

  private static void write(Path cache, byte[] records) {
    try {
      Files.createDirectories(cache.getParent());
      Path tmp = Files.createTempFile(cache.getParent(), cache.getFileName().toString(), ".tmp");
      Files.write(tmp, records);
      try {
        Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // no cache: the data are decoded again next time, which is slow but correct
    }
  }
}
