package org.gyrus.search.store;

import java.nio.file.Path;
import org.gyrus.core.SpecError;
import org.gyrus.search.TrialStore;

/**
 * Opens a store from a URL: {@code memory}, {@code sqlite:PATH} (one machine) or {@code
 * postgresql://[user[:password]@]host[:port]/database} (shared by machines).
 */
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
    if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
      return PostgresTrialStore.open(url);
    }
    throw new SpecError(
        "--storage",
        "'memory', 'sqlite:PATH' or 'postgresql://[user@]host[:port]/database'",
        "'" + redact(url) + "'");
  }

  /** The URL with any password replaced by ***, for messages and pages. */
  public static String redact(String url) {
    return url == null ? null : url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@");
  }
}
