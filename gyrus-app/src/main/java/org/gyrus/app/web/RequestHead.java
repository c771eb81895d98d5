package org.gyrus.app.web;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed HTTP/1.x request head: request line and header fields, read strictly (one request per
 * connection, so nothing a lenient parser would guess at can be smuggled past it). Header names are
 * lower-cased; a repeated field is joined with ", ", except the ones whose repetition is an attack
 * ({@code Host}, {@code Content-Length}).
 */
record RequestHead(
    String method, String rawPath, String rawQuery, Map<String, String> headers, long bodyLength) {
  static final int MAX_HEADERS = 100;
  private static final String TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";

  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The length of the head in {@code buf[0, len)} including its blank line, or -1 when the blank
   * line has not arrived yet. Lines may end in CRLF or a bare LF.
   */
  static int end(byte[] buf, int len) {
    for (int i = 1; i < len; i++) {
      if (buf[i] == '\n'
          && (buf[i - 1] == '\n' || (buf[i - 1] == '\r' && i >= 2 && buf[i - 2] == '\n'))) {
        return i + 1;
      }
    }
    return -1;
  }

  /** Parses a complete head (as found by {@link #end}); anything malformed is a 4xx/5xx error. */
  static RequestHead parse(byte[] buf, int len) {
    String text = new String(buf, 0, len, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r?\n", -1);
    String[] parts = lines[0].split(" ", -1);
    if (parts.length != 3 || !parts[0].matches("[A-Z]{1,16}")) {
      throw new HttpError(400, "request", "A request line 'METHOD /path HTTP/1.1'.");
    }
    if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
      throw new HttpError(505, "version", "HTTP/1.1 or HTTP/1.0.");
    }
    String target = parts[1];
    if (!target.startsWith("/") || !target.matches("[\\x21-\\x7e]+") || target.contains("#")) {
      throw new HttpError(400, "path", "A path starting with '/' in plain ASCII.");
    }
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);
    Map<String, String> headers = new LinkedHashMap<>();
    int count = 0;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || !line.substring(0, colon).matches(TOKEN) || ++count > MAX_HEADERS) {
        throw new HttpError(400, "header", "Header fields 'Name: value', at most 100.");
      }
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (!value.matches("[\\t\\x20-\\x7e\\x80-\\xff]*")) {
        throw new HttpError(400, "header", "Header values without control characters.");
      }
      if (headers.containsKey(name) && (name.equals("host") || name.equals("content-length"))) {
        throw new HttpError(400, name, "The " + name + " field given once.");
      }
      headers.merge(name, value, (a, b) -> a + ", " + b);
    }
    if (headers.containsKey("transfer-encoding")) {
      throw new HttpError(400, "body", "No request body (this server reads GET requests only).");
    }
    long body = 0;
    String cl = headers.get("content-length");
    if (cl != null) {
      if (!cl.matches("[0-9]{1,9}")) {
        throw new HttpError(400, "content-length", "A decimal Content-Length.");
      }
      body = Long.parseLong(cl);
    }
    return new RequestHead(parts[0], path, query, Collections.unmodifiableMap(headers), body);
  }
}
