package org.gyrus.app.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A strictly parsed query string: bounded length, at most a few parameters, names from the route's
 * allowed set, each given once, well-formed percent-encoding, UTF-8, no control characters.
 */
public record Query(Map<String, String> params) {
  public static final int MAX_QUERY = 2048;
  public static final int MAX_VALUE = 256;
  public static final int MAX_PARAMS = 8;

  public Query {
    params = Map.copyOf(params);
  }

  /** Parses a raw (still encoded) query; {@code allowed} names the parameters the route takes. */
  public static Query parse(String raw, Set<String> allowed) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return new Query(out);
    }
    if (raw.length() > MAX_QUERY) {
      throw new HttpError(414, "query", "a query of at most " + MAX_QUERY + " characters");
    }
    String[] pairs = raw.split("&", -1);
    if (pairs.length > MAX_PARAMS) {
      throw new HttpError(400, "query", "at most " + MAX_PARAMS + " parameters");
    }
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new HttpError(400, "query", "name=value pairs, found '" + clip(pair) + "'");
      }
      String name = decode(pair.substring(0, eq));
      String value = decode(pair.substring(eq + 1));
      if (!allowed.contains(name)) {
        throw new HttpError(400, "query", "one of " + allowed + ", found '" + clip(name) + "'");
      }
      if (value.length() > MAX_VALUE) {
        throw new HttpError(400, name, "a value of at most " + MAX_VALUE + " characters");
      }
      if (out.put(name, value) != null) {
        throw new HttpError(400, name, "the parameter given once");
      }
    }
    return new Query(out);
  }

  public String get(String name) {
    return params.get(name);
  }

  public String require(String name) {
    String v = params.get(name);
    if (v == null || v.isEmpty()) {
      throw new HttpError(400, name, "the parameter '" + name + "'");
    }
    return v;
  }

  public int requireInt(String name) {
    String v = require(name);
    if (!v.matches("[0-9]{1,9}")) {
      throw new HttpError(400, name, "a non-negative integer, found '" + clip(v) + "'");
    }
    return Integer.parseInt(v);
  }

  /** Percent-decoding that rejects bad escapes, invalid UTF-8 and control characters. */
  static String decode(String s) {
    byte[] buf = new byte[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length()) {
          throw new HttpError(400, "query", "a complete %XX escape");
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new HttpError(400, "query", "a %XX escape with hex digits");
        }
        buf[n++] = (byte) (hi * 16 + lo);
        i += 2;
      } else if (c == '+') {
        buf[n++] = ' ';
      } else if (c < 0x80) {
        buf[n++] = (byte) c;
      } else {
        throw new HttpError(400, "query", "an ASCII (percent-encoded) query");
      }
    }
    String out;
    try {
      out =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(buf, 0, n))
              .toString();
    } catch (CharacterCodingException e) {
      throw new HttpError(400, "query", "UTF-8 text");
    }
    for (int i = 0; i < out.length(); i++) {
      if (Character.isISOControl(out.charAt(i))) {
        throw new HttpError(400, "query", "no control characters");
      }
    }
    return out;
  }

  static String clip(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    return t.replaceAll("\\p{Cntrl}", "?");
  }
}
