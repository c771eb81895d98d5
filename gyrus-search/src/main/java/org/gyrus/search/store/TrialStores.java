package org.gyrus.search.store;

import java.nio.file.Path;
import org.gyrus.core.SpecError;
import org.gyrus.search.TrialStore;

/** Opens a store from a URL: {@code memory} or {@code sqlite:PATH}. */
public final class TrialStores {
  private TrialStores() {}

  public static TrialStore open(String url) {
    if (url == null || url.isBlank() || url.equals("memory")) {
      return new MemoryTrialStore();
    }
    if (url.startsWith("sqlite:")) {
      String path = url.substring("sqlite:".length());
      if (path.isBlank()) {
        throw new SpecError("--storage", "sqlite:PATH with a file path", "'" + url + "'");
      }
      return SqliteTrialStore.open(Path.of(path));
    }
    throw new SpecError("--storage", "'memory' or 'sqlite:PATH'", "'" + url + "'");
  }
}
