package org.gyrus.nesy.nsr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Readers for (input sequence, output sequence) data: SCAN's {@code IN: ... OUT: ...} lines, or two
 * line-aligned files (source, target) with whitespace-separated tokens. Bad input fails with the
 * file and line and what was expected, before any training.
 */
public final class SeqData {
  private SeqData() {}

  /** Lines {@code IN: w1 w2 ... OUT: t1 t2 ...}; blank lines are skipped. */
  public static List<SeqPair> readInOut(Path file) throws IOException {
    List<String> lines = lines(file);
    List<SeqPair> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      int outAt = line.indexOf(" OUT:");
      if (!line.startsWith("IN:") || outAt < 0) {
        throw new org.gyrus.core.SpecError(
            "",
            where
                + ": expected 'IN: <input tokens> OUT: <output tokens>', got '"
                + clip(line)
                + "'");
      }
      List<String> in = tokens(line.substring(3, outAt));
      if (in.isEmpty()) {
        throw new org.gyrus.core.SpecError("", where + ": empty input sequence after 'IN:'");
      }
      out.add(new SeqPair(in, tokens(line.substring(outAt + 5)), where));
    }
    return nonEmpty(out, file.toString());
  }

  /** Two line-aligned files: line k of {@code source} is the input of line k of {@code target}. */
  public static List<SeqPair> readAligned(Path source, Path target) throws IOException {
    List<String> src = lines(source);
    List<String> tgt = lines(target);
    if (src.size() != tgt.size()) {
      throw new org.gyrus.core.SpecError(
          "",
          source
              + " has "
              + src.size()
              + " lines but "
              + target
              + " has "
              + tgt.size()
              + ": expected line-aligned files");
    }
    List<SeqPair> out = new ArrayList<>();
    for (int i = 0; i < src.size(); i++) {
      List<String> in = tokens(src.get(i));
      if (in.isEmpty()) {
        if (tokens(tgt.get(i)).isEmpty()) {
          continue;
        }
        throw new org.gyrus.core.SpecError(
            "", source + ":" + (i + 1) + ": empty input line (its target line is not empty)");
      }
      out.add(new SeqPair(in, tokens(tgt.get(i)), source + ":" + (i + 1)));
    }
    return nonEmpty(out, source.toString());
  }

  private static List<String> lines(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new org.gyrus.core.SpecError("", file + ": no such file");
    }
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private static List<SeqPair> nonEmpty(List<SeqPair> pairs, String file) {
    if (pairs.isEmpty()) {
      throw new org.gyrus.core.SpecError("", file + ": no examples in the file");
    }
    return pairs;
  }

  static List<String> tokens(String s) {
    String t = s.strip();
    return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
