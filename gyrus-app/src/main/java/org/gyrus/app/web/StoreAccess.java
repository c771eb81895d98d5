package org.gyrus.app.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gyrus.search.TrialStore;
import org.gyrus.search.store.TrialStores;

/**
 * Opens the study store read-only on first use and keeps it; when the file is missing or unreadable
 * every request gets a clear 503 page instead, and the next request tries again. The URL is only
 * ever shown with its password replaced by ***.
 */
final class StoreAccess implements AutoCloseable {
  private final String url;
  private TrialStore store;

  StoreAccess(String url) {
    this.url = url;
  }

  /** The URL as pages may show it: without its password. */
  String url() {
    return TrialStores.redact(url);
  }

  /** {@code text} (a driver's message, say) with the URL's password taken out. */
  String scrub(String text) {
    return TrialStores.scrub(text, url);
  }

  synchronized TrialStore get() {
    if (store != null) {
      return store;
    }
    if (url.startsWith("sqlite:")) {
      Path file = Path.of(url.substring("sqlite:".length()));
      if (!Files.isRegularFile(file)) {
        throw new HttpError(
            503,
            "storage",
            "No study database at "
                + file
                + ". Run `gyrus search ... --storage "
                + url
                + "` first, or point --storage at an existing file.");
      }
    }
    try {
      store = TrialStores.openReadOnly(url);
      return store;
    } catch (RuntimeException e) {
      throw new HttpError(
          503, "storage", "Cannot read the study database " + url() + ": " + scrub(e.getMessage()));
    }
  }

  /** Drops the store after a failure so the next request reopens it. */
  synchronized void reset() {
    if (store != null) {
      try {
        store.close();
      } catch (RuntimeException ignored) {
        // The store is broken already; reopening is what matters.
      }
      store = null;
    }
  }

  @Override
  public synchronized void close() {
    reset();
  }
}
