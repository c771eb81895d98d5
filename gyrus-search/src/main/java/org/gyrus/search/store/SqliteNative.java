package org.gyrus.search.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, kept in a per-user cache instead of extracted anew by every
 * process. Left to itself the driver probes the platform (it runs {@code uname} in a child
 * process), writes the library under a random name in the temporary directory, reads it back to
 * compare and deletes it at exit: about 0.25 s of a 1.4 s {@code gyrus study best}. Here the first
 * process copies it once to {@code CACHE/sqlite-jdbc-VERSION-OS-ARCH/} (written under a temporary
 * name and moved into place, so no process loads a half-written file) and every process points the
 * driver at it ({@code org.sqlite.lib.path}/{@code .name}). A library that does not load there (a
 * home shared by glibc and musl machines) makes the driver fall back to its own extraction; any
 * failure here only means the usual path. CACHE is {@code -Dgyrus.cache}, else {@code
 * $XDG_CACHE_HOME/gyrus}, else {@code ~/.cache/gyrus}.
 */
final class SqliteNative {
  static final String LIB_PATH = "org.sqlite.lib.path";
  static final String LIB_NAME = "org.sqlite.lib.name";

  private static boolean prepared;

  private SqliteNative() {}

  /** Points the driver at the cached library (copying it there first when missing); once. */
  static synchronized void prepare() {
    if (prepared) {
      return;
    }
    prepared = true;
    if (System.getProperty(LIB_PATH) != null) {
      return; // the user chose a library
    }
    try {
      Path lib = cached(cacheRoot());
      if (lib != null) {
        System.setProperty(LIB_PATH, lib.getParent().toString());
        System.setProperty(LIB_NAME, lib.getFileName().toString());
      }
    } catch (IOException | RuntimeException e) {
      // an unwritable cache or a missing resource: the driver extracts the library itself
    }
  }

  /** The library in {@code root}, copied there from the driver's jar when missing; or null. */
  static Path cached(Path root) throws IOException {
    String name = LibraryLoaderUtil.getNativeLibName();
    Path dir =
        root.resolve(
            "sqlite-jdbc-"
                + SQLiteJDBCLoader.getVersion()
                + "-"
                + safe(System.getProperty("os.name"))
                + "-"
                + safe(System.getProperty("os.arch")));
    Path lib = dir.resolve(name);
    if (Files.isRegularFile(lib)) {
      return lib;
    }
    // the resource's folder needs the driver's platform probe: paid once, by the process that
    // copies
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, name, ".tmp");
      try {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return lib;
  }

  private static Path cacheRoot() {
    String own = System.getProperty("gyrus.cache");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "gyrus");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "gyrus");
  }

  private static String safe(String s) {
    return s == null ? "unknown" : s.replaceAll("[^A-Za-z0-9_.]", "_");
  }
}
