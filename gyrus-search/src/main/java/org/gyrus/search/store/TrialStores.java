package org.gyrus.search.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gyrus.core.SpecError;
import org.gyrus.search.TrialStore;

/**
 * Opens a store from a URL: {@code memory}, {@code sqlite:PATH} (one machine) or {@code
 * postgresql://[user[:password]@]host[:port]/database} (shared by machines).
 */
public final class TrialStores {
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)([?&](?:ssl)?password=)([^&#]*)");

  private TrialStores() {}

  public static TrialStore open(String url) {
    return open(url, false);
  }

  /**
   * Opens an existing store for reading only: nothing is created, migrated or switched (SQLite
   * {@code mode=ro}, PostgreSQL read-only transactions); a missing or foreign store fails.
   */
  public static TrialStore openReadOnly(String url) {
    return open(url, true);
  }

  private static TrialStore open(String url, boolean readOnly) {
    if (url == null || url.isBlank() || url.equals("memory")) {
      return new MemoryTrialStore();
    }
    if (url.startsWith("sqlite:")) {
      String path = url.substring("sqlite:".length());
      if (path.isBlank()) {
        throw new SpecError("--storage", "sqlite:PATH with a file path", "'" + url + "'");
      }
      Path file = Path.of(path);
      return readOnly ? SqliteTrialStore.openReadOnly(file) : SqliteTrialStore.open(file);
    }
    if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
      return readOnly ? PostgresTrialStore.openReadOnly(url) : PostgresTrialStore.open(url);
    }
    throw new SpecError(
        "--storage",
        "'memory', 'sqlite:PATH' or 'postgresql://[user@]host[:port]/database'",
        "'" + redact(url) + "'");
  }

  /**
   * The URL with any password replaced by ***, for messages and pages: the one after {@code user:}
   * (up to the last '@' of the authority, so a raw '@' or '/' in it does not leak) and any {@code
   * password=} or {@code sslpassword=} query parameter.
   */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int start = scheme + 3;
    int query = url.indexOf('?', start);
    String head = query < 0 ? url : url.substring(0, query);
    String tail = query < 0 ? "" : url.substring(query);
    int at = head.lastIndexOf('@');
    if (at > start) {
      int colon = head.indexOf(':', start);
      if (colon >= 0 && colon < at) {
        head = head.substring(0, colon + 1) + "***" + head.substring(at);
      }
    }
    return head + PASSWORD_PARAM.matcher(tail).replaceAll("$1***");
  }

  /**
   * The password written in {@code url} (raw and decoded), for scrubbing it out of driver messages;
   * empty when there is none.
   */
  public static List<String> secrets(String url) {
    List<String> out = new ArrayList<>();
    int start = url == null ? -1 : url.indexOf("://");
    if (start < 0) {
      return out;
    }
    start += 3;
    int query = url.indexOf('?', start);
    String head = query < 0 ? url : url.substring(0, query);
    int at = head.lastIndexOf('@');
    int colon = head.indexOf(':', start);
    List<String> raw = new ArrayList<>();
    if (at > start && colon >= 0 && colon < at) {
      raw.add(head.substring(colon + 1, at));
    }
    if (query >= 0) {
      Matcher m = PASSWORD_PARAM.matcher(url.substring(query));
      while (m.find()) {
        raw.add(m.group(2));
      }
    }
    for (String r : raw) {
      if (!r.isEmpty()) {
        out.add(r);
        try {
          String decoded = URLDecoder.decode(r.replace("+", "%2B"), StandardCharsets.UTF_8);
          if (!decoded.equals(r)) {
            out.add(decoded);
          }
        } catch (IllegalArgumentException ignored) {
          // a malformed escape: the raw form is all there is to hide
        }
      }
    }
    return out;
  }

  /** {@code text} with every secret of {@code url} replaced by ***. */
  public static String scrub(String text, String url) {
    if (text == null) {
      return null;
    }
    String out = text.replace(url, redact(url));
    for (String secret : secrets(url)) {
      out = out.replace(secret, "***");
    }
    return out;
  }
}
