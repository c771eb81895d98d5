package org.gyrus.nesy.clutrr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gyrus.core.SpecError;

/**
 * A CLUTRR data directory: the training file and every {@code *_test.csv}, keyed by the k in the
 * file's name ({@code 1.7_test.csv} is k = 7). Relation names are numbered from the training file;
 * a test file naming another relation is an error.
 */
public record ClutrrData(
    Path dir, Relations relations, List<Story> train, Map<Integer, List<Story>> test) {
  public static final String DEFAULT_TRAIN = "1.2,1.3_train.csv";
  private static final Pattern TEST_K = Pattern.compile("\\.(\\d+)_test\\.csv$");

  public static ClutrrData load(Path dir, String trainFile) {
    Path trainPath = dir.resolve(trainFile);
    if (!Files.isRegularFile(trainPath)) {
      throw new SpecError(trainPath.toString(), "a CLUTRR training CSV", "no such file");
    }
    List<ClutrrCsv.Row> trainRows = ClutrrCsv.read(trainPath);
    Relations rel = Relations.of(ClutrrCsv.names(trainRows));
    Map<Integer, List<Story>> test = new TreeMap<>();
    for (Path p : testFiles(dir)) {
      Matcher m = TEST_K.matcher(p.getFileName().toString());
      int k = m.find() ? Integer.parseInt(m.group(1)) : -1;
      List<Story> stories = ClutrrCsv.stories(ClutrrCsv.read(p), rel);
      if (k < 0) {
        for (Story s : stories) {
          test.computeIfAbsent(s.k(), x -> new ArrayList<>()).add(s);
        }
      } else {
        test.computeIfAbsent(k, x -> new ArrayList<>()).addAll(stories);
      }
    }
    return new ClutrrData(dir, rel, ClutrrCsv.stories(trainRows, rel), test);
  }

  private static List<Path> testFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith("_test.csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }
}
