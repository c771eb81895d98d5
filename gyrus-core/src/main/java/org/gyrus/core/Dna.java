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
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Number> e : new java.util.TreeMap<>(values).entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      try {
        sb.append(SpecCodec.JSON.writeValueAsString(e.getKey()));
      } catch (JsonProcessingException ex) {
        throw new IllegalStateException(ex);
      }
      sb.append(':').append(e.getValue());
    }
    return sb.append('}').toString();
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
