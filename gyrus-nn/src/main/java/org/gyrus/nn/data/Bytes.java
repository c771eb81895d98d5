package org.gyrus.nn.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a whole (optionally gzip-compressed) file, reporting where a broken stream stopped. */
final class Bytes {
  private Bytes() {}

  static byte[] read(Path file) {
    try (InputStream raw = Files.newInputStream(file)) {
      return read(raw, file.toString(), file.getFileName().toString().endsWith(".gz"));
    } catch (IOException e) {
      throw new DataError(file.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  static byte[] read(InputStream raw, String name, boolean gzip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
      }
    } catch (EOFException | ZipException e) {
      throw new DataError(
          name + ":byte " + out.size(),
          "compressed stream broken or truncated after "
              + out.size()
              + " bytes ("
              + e.getMessage()
              + ")",
          e);
    }
    return out.toByteArray();
  }

  static int int32(byte[] b, int off) {
    return ((b[off] & 0xff) << 24)
        | ((b[off + 1] & 0xff) << 16)
        | ((b[off + 2] & 0xff) << 8)
        | (b[off + 3] & 0xff);
  }
}
