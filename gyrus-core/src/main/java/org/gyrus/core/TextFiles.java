package org.gyrus.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a text input (spec, program, problem) as UTF-8, so that a binary or wrongly encoded file is
 * one clear error naming the file and the byte offset, never a decoder's exception.
 */
public final class TextFiles {
  /** Larger inputs are refused rather than read into memory. */
  public static final long MAX_BYTES = 512L << 20;

  private TextFiles() {}

  /** The file's text; a {@link SpecError} naming the file when it cannot be read as UTF-8 text. */
  public static String readUtf8(Path file) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new SpecError(file.toString(), "a text file", "a directory");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new SpecError(
            file.toString(), "a text file of at most 512 MB", Files.size(file) + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SpecError(file.toString(), "a readable file", "nothing there");
    } catch (IOException e) {
      throw new SpecError(file.toString(), "a readable file", e.toString());
    }
    return decode(bytes, file.toString());
  }

  /** {@code bytes} as UTF-8 text; {@code source} names them in the error. */
  public static String decode(byte[] bytes, String source) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new SpecError(
            source, "UTF-8 text", "a NUL byte at byte offset " + i + " (a binary file?)");
      }
    }
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      throw new SpecError(
          source,
          "UTF-8 text",
          String.format(
              Locale.ROOT,
              "a byte that is not UTF-8 at byte offset %d (0x%02X)",
              in.position(),
              bytes[in.position()] & 0xff));
    }
    r = d.flush(out);
    if (r.isError()) {
      throw new SpecError(source, "UTF-8 text", "a truncated character at the end");
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
