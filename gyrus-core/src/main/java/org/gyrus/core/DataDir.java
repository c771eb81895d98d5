package org.gyrus.core;

import java.nio.file.Path;
import java.util.Optional;

/** Where data sets live: {@code --data DIR}, else {@code $GYRUS_DATA}, else ~/.gyrus/data. */
public final class DataDir {
  private DataDir() {}

  public static Path resolve(Path flag) {
    if (flag != null) {
      return flag;
    }
    String env = System.getenv("GYRUS_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".gyrus", "data");
  }

  /** A file under the data directory, if it exists. */
  public static Optional<Path> find(Path dataDir, String relative) {
    Path p = dataDir.resolve(relative);
    return java.nio.file.Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }
}
