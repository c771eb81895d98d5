package org.gyrus.search.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;

/**
 * A trial's objective values as stored ({@code vals}: a JSON list written by Jackson, such as
 * {@code [-3.322]} or {@code [0.5,1.0E-5]}). Lists of plain decimal numbers with a fraction or an
 * exponent (every finite double Jackson writes), and the empty list, are read here; anything else
 * (quoted NaN or Infinity, whole numbers such as {@code -0}, spaces, bad text) goes to Jackson, as
 * all of them did before. Why: a cold process that reads one trial ({@code study best}) spent ~40
 * ms of its 0.28 CPU s building Jackson's reader of a list of Double (found by reflection). Both
 * readers give the same doubles (Jackson's text-to-double is {@link Double#parseDouble}).
 */
final class StoredValues {
  private StoredValues() {}

  static List<Double> read(String json) {
    List<Double> plain = plain(json);
    return plain != null ? plain : withJackson(json);
  }

  /** The values of a list of plain decimal numbers, or null for anything else. */
  static List<Double> plain(String s) {
    int end = s.length() - 1;
    if (end < 1 || s.charAt(0) != '[' || s.charAt(end) != ']') {
      return null;
    }
    List<Double> out = new ArrayList<>();
    if (end == 1) {
      return out;
    }
    int from = 1;
    while (from <= end) {
      int comma = s.indexOf(',', from);
      int to = comma < 0 ? end : comma;
      if (!isDecimal(s, from, to)) {
        return null;
      }
      out.add(Double.parseDouble(s.substring(from, to)));
      from = to + 1;
      if (comma < 0) {
        break;
      }
    }
    return out;
  }

  /**
   * JSON's number grammar with a fraction or an exponent: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?
   * ([eE][+-]?[0-9]+)?}, at least one of the last two present (a whole number is left to Jackson,
   * which reads {@code -0} as 0.0, where {@link Double#parseDouble} gives -0.0).
   */
  static boolean isDecimal(String s, int from, int to) {
    int i = from;
    if (i < to && s.charAt(i) == '-') {
      i++;
    }
    int intStart = i;
    i = digits(s, i, to);
    if (i == intStart || (s.charAt(intStart) == '0' && i - intStart > 1)) {
      return false;
    }
    boolean decimal = false;
    if (i < to && s.charAt(i) == '.') {
      int f = digits(s, i + 1, to);
      if (f == i + 1) {
        return false;
      }
      i = f;
      decimal = true;
    }
    if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int e = digits(s, i, to);
      if (e == i) {
        return false;
      }
      i = e;
      decimal = true;
    }
    return decimal && i == to;
  }

  private static int digits(String s, int i, int to) {
    while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  static List<Double> withJackson(String json) {
    try {
      return SpecCodec.json().readValue(json, new TypeReference<List<Double>>() {});
    } catch (Exception e) {
      throw new SpecError("trial values", "a JSON list of numbers", json);
    }
  }

  /**
   * A trial's intermediate values as PostgreSQL's {@code json_agg} writes them: {@code [[step,
   * value], ...]}, a value that is not finite as a string ({@code "NaN"}). Each number is read from
   * its own text, as the driver reads the column (so {@code -0} stays -0.0).
   */
  static TreeMap<Long, Double> readSteps(String json) {
    TreeMap<Long, Double> out = new TreeMap<>();
    try (JsonParser p = SpecCodec.json().getFactory().createParser(json)) {
      expect(p.nextToken() == JsonToken.START_ARRAY, json);
      while (p.nextToken() == JsonToken.START_ARRAY) {
        p.nextToken();
        long step = Long.parseLong(p.getText());
        p.nextToken();
        out.put(step, Double.parseDouble(p.getText()));
        expect(p.nextToken() == JsonToken.END_ARRAY, json);
      }
    } catch (IOException | RuntimeException e) {
      throw new SpecError("trial intermediate values", "a JSON list of [step, value]", json);
    }
    return out;
  }

  /** A trial's attributes as PostgreSQL's {@code json_object_agg} writes them: key to text. */
  static Map<String, String> readStrings(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = SpecCodec.json().getFactory().createParser(json)) {
      expect(p.nextToken() == JsonToken.START_OBJECT, json);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.getCurrentName();
        expect(p.nextToken() == JsonToken.VALUE_STRING, json);
        out.put(key, p.getText());
      }
    } catch (IOException | RuntimeException e) {
      throw new SpecError("trial attributes", "a JSON object of strings", json);
    }
    return out;
  }

  private static void expect(boolean ok, String json) {
    if (!ok) {
      throw new IllegalArgumentException(json);
    }
  }
}
