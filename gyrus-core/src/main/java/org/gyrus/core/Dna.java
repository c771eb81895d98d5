package org.gyrus.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A point of a space: a value for every active decision, keyed by decision id. Choice and integer
 * decisions hold a {@link Long}, real-valued ones a {@link Double}.
 */
public record Dna(Map<String, Number> values) {
  public Dna {
    Map<String, Number> copy = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            copy.put(
                k,
                v instanceof Double || v instanceof Float
                    ? (Number) v.doubleValue()
                    : v.longValue()));
    values = Collections.unmodifiableMap(copy);
  }

  public static final Dna EMPTY = new Dna(Map.of());

  public Number get(String id) {
    return values.get(id);
  }

  /** A compact canonical JSON form, also used as the identity of a point (e.g. for dedupe). */
  public String toJson() {
    // called for every candidate of every ask (dedupe keys): ids that JSON needs no escape for
    // are quoted directly, the same text Jackson writes, without a generator per key
    String[] keys = values.keySet().toArray(new String[0]);
    java.util.Arrays.sort(keys);
    StringBuilder sb = new StringBuilder(16 * keys.length + 2).append('{');
    for (String k : keys) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      if (plain(k)) {
        sb.append('"').append(k).append('"');
      } else {
        try {
          sb.append(SpecCodec.JSON.writeValueAsString(k));
        } catch (JsonProcessingException ex) {
          throw new IllegalStateException(ex);
        }
      }
      sb.append(':').append(values.get(k));
    }
    return sb.append('}').toString();
  }

  /** Printable ASCII without a quote or backslash: written as it is inside JSON quotes. */
  private static boolean plain(String k) {
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** Parses {@link #toJson()}'s form; errors name the key and what was expected. */
  public static Dna fromJson(String json) {
    JsonNode n = SpecCodec.readTree(SpecCodec.JSON, json, "<dna>");
    if (!n.isObject()) {
      throw new SpecError("dna", "a map from decision id to number", n.getNodeType().toString());
    }
    Map<String, Number> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode v = e.getValue();
      if (v.isIntegralNumber() && v.canConvertToLong()) {
        values.put(e.getKey(), v.longValue());
      } else if (v.isNumber() && Double.isFinite(v.doubleValue())) {
        values.put(e.getKey(), v.doubleValue());
      } else {
        throw new SpecError("dna." + e.getKey(), "a number", v.toString());
      }
    }
    return new Dna(values);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
