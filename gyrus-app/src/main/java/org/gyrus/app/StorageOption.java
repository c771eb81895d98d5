package org.gyrus.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gyrus.core.SpecError;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;
import picocli.CommandLine.Option;

/** The {@code --storage} option shared by commands that read or write studies. */
final class StorageOption {
  static final String DEFAULT = "sqlite:runs/studies.db";

  @Option(
      names = "--storage",
      paramLabel = "URL",
      description =
          "Where studies live: sqlite:PATH, postgresql://[user@]host[:port]/database or memory"
              + " (default: ${DEFAULT-VALUE}). A SQLite file is created when missing, its"
              + " directory is not (except the default runs/).",
      defaultValue = DEFAULT)
  String url;

  /** The option as picocli would fill it: {@code url}, or the default when null. */
  static StorageOption of(String url) {
    StorageOption o = new StorageOption();
    o.url = url == null ? DEFAULT : url;
    return o;
  }

  /**
   * Opens the store for writing. Only the default location's directory (runs/) is created; a
   * missing directory the user named is an error (a typo must not grow a new tree).
   */
  TrialStore openForWriting() {
    if (url.equals(DEFAULT)) {
      try {
        Files.createDirectories(Path.of(DEFAULT.substring("sqlite:".length())).getParent());
      } catch (IOException e) {
        throw new SpecError("--storage", "a writable runs/ directory: " + e.getMessage());
      }
    }
    return TrialStores.open(url);
  }
}
