package org.gyrus.core;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON and YAML forms of specs and spaces. A node is a map with {@code _type} and its arguments; a
 * hyper is a one-key map named after it, e.g. {@code {oneOf: [16, 32]}} or {@code {intRange: {lo:
 * 1, hi: 8}}}. Round trips are exact.
 */
public final class SpecCodec {
  public static final String TYPE_KEY = "_type";

  /**
   * The optional key beside a hyper's own that names its decision: {@code {oneOf: [..], name: x}}.
   */
  public static final String NAME_KEY = "name";

  private static final Set<String> HYPERS =
      Set.of("oneOf", "manyOf", "intRange", "floatRange", "repeat", "optional");

  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  static final ObjectMapper YAML =
      new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private SpecCodec() {}

  public static String toJson(Value v) {
    try {
      return JSON.writerWithDefaultPrettyPrinter()
          .without(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .writeValueAsString(toTree(v));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One-line JSON: the form stores keep and compare (same spec, same text). */
  public static String toCompactJson(Value v) {
    try {
      return JSON.writeValueAsString(toTree(v));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String toYaml(Value v) {
    try {
      return YAML.writeValueAsString(toTree(v));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Value fromJson(String text) {
    return fromTree(readTree(JSON, text, "<json>"), "");
  }

  public static Value fromYaml(String text) {
    return fromTree(readTree(YAML, text, "<yaml>"), "");
  }

  /** Reads a spec from a .json, .yaml or .yml file; errors name the file. */
  public static Value read(Path file) {
    String text = TextFiles.readUtf8(file);
    ObjectMapper mapper = file.toString().endsWith(".json") ? JSON : YAML;
    try {
      return fromTree(readTree(mapper, text, file.toString()), "");
    } catch (SpecError e) {
      throw e.path().startsWith(file.toString()) ? e : e.under(file.toString());
    }
  }

  /** Parses text into a tree; syntax errors name the source, line and column. */
  public static JsonNode readTree(ObjectMapper mapper, String text, String source) {
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new SpecError(source, "expected a document, got an empty input");
      }
      return node;
    } catch (JacksonException e) {
      JsonLocation loc = e.getLocation();
      String where =
          loc == null ? source : source + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw new SpecError(where, "malformed input: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) { // e.g. a number literal too large to read
      throw new SpecError(source, "malformed input: " + e.getMessage());
    } catch (StackOverflowError e) {
      throw new SpecError(source, "input nested too deeply");
    }
  }

  public static ObjectMapper json() {
    return JSON;
  }

  public static ObjectMapper yaml() {
    return YAML;
  }

  /** The plain-object tree (maps, lists, numbers, strings, booleans) of a value. */
  public static Object toTree(Value v) {
    if (v instanceof Value.IntVal i) {
      return i.value();
    } else if (v instanceof Value.FloatVal f) {
      return f.value();
    } else if (v instanceof Value.StrVal s) {
      return s.value();
    } else if (v instanceof Value.BoolVal b) {
      return b.value();
    } else if (v instanceof Value.ListVal l) {
      return l.items().stream().map(SpecCodec::toTree).toList();
    } else if (v instanceof Value.Node n) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(TYPE_KEY, n.type());
      n.args().forEach((k, a) -> m.put(k, toTree(a)));
      return m;
    } else if (v instanceof Hyper h) {
      return hyperTree(h);
    }
    throw new IllegalStateException(String.valueOf(v));
  }

  /** {@code {kind: body}}, with {@code name: ...} after it when the hyper is named. */
  private static Map<String, Object> hyperTree(Hyper v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.putAll(hyperBody(v));
    if (v.name() != null) {
      out.put(NAME_KEY, v.name());
    }
    return out;
  }

  private static Map<String, Object> hyperBody(Hyper v) {
    if (v instanceof Hyper.OneOf o) {
      return Map.of("oneOf", o.candidates().stream().map(SpecCodec::toTree).toList());
    } else if (v instanceof Hyper.ManyOf m) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("k", m.k());
      body.put("candidates", m.candidates().stream().map(SpecCodec::toTree).toList());
      body.put("distinct", m.distinct());
      body.put("sorted", m.sorted());
      return Map.of("manyOf", body);
    } else if (v instanceof Hyper.IntRange r) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("lo", r.lo());
      body.put("hi", r.hi());
      body.put("step", r.step());
      return Map.of("intRange", body);
    } else if (v instanceof Hyper.FloatRange r) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("lo", r.lo());
      body.put("hi", r.hi());
      body.put("log", r.log());
      return Map.of("floatRange", body);
    } else if (v instanceof Hyper.Repeat r) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("body", toTree(r.body()));
      body.put("n", toTree(r.count()));
      return Map.of("repeat", body);
    }
    return Map.of("optional", toTree(((Hyper.OptionalOf) v).body()));
  }

  /** Builds a value from a parsed tree; errors name the path inside the document. */
  public static Value fromTree(JsonNode n, String path) {
    return switch (n.getNodeType()) {
      case NUMBER -> {
        if (n.isIntegralNumber()) {
          if (!n.canConvertToLong()) {
            throw new SpecError(path, "an integer within 64 bits", n.asText());
          }
          yield new Value.IntVal(n.longValue());
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
          throw new SpecError(path, "a finite number", n.asText());
        }
        yield new Value.FloatVal(d);
      }
      case STRING -> new Value.StrVal(n.textValue());
      case BOOLEAN -> new Value.BoolVal(n.booleanValue());
      case ARRAY -> {
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
          items.add(fromTree(n.get(i), path + "[" + i + "]"));
        }
        yield new Value.ListVal(items);
      }
      case OBJECT -> fromObject(n, path);
      default ->
          throw new SpecError(
              path, "a number, string, boolean, list or map", describe(n.getNodeType()));
    };
  }

  private static String describe(JsonNodeType t) {
    return t == JsonNodeType.NULL ? "null (an empty value)" : t.name().toLowerCase();
  }

  private static Value fromObject(JsonNode n, String path) {
    JsonNode type = n.get(TYPE_KEY);
    if (type != null) {
      if (!type.isTextual() || type.textValue().isBlank()) {
        throw new SpecError(join(path, TYPE_KEY), "a type name", type.toString());
      }
      Map<String, Value> args = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals(TYPE_KEY)) {
          args.put(e.getKey(), fromTree(e.getValue(), join(path, e.getKey())));
        }
      }
      return new Value.Node(type.textValue(), args);
    }
    String kind = hyperKind(n, path);
    JsonNode nameNode = n.get(NAME_KEY);
    Hyper h = hyper(kind, n.get(kind), join(path, kind));
    return nameNode == null ? h : h.named(name(nameNode, join(path, NAME_KEY)));
  }

  /** The one hyper key of a map, beside which only {@code name} may stand. */
  private static String hyperKind(JsonNode n, String path) {
    List<String> keys = new ArrayList<>();
    n.fieldNames().forEachRemaining(keys::add);
    List<String> kinds = keys.stream().filter(HYPERS::contains).toList();
    boolean named = keys.contains(NAME_KEY);
    if (kinds.size() != 1 || keys.size() != (named ? 2 : 1)) {
      throw new SpecError(
          path,
          "a node with '"
              + TYPE_KEY
              + "' or one of "
              + HYPERS.stream().sorted().toList()
              + " as the only key (and optionally '"
              + NAME_KEY
              + "')",
          "keys " + keys);
    }
    return kinds.get(0);
  }

  /** A decision name: letters, digits, '_', '-' and '.', starting with a letter or '_'. */
  static String name(JsonNode v, String path) {
    if (!v.isTextual()) {
      throw new SpecError(path, "a decision name (a string)", v.toString());
    }
    return checkName(v.textValue(), path);
  }

  /** {@code name} when it is a valid decision name, else an error naming {@code path}. */
  public static String checkName(String name, String path) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.\\-]{0,63}")) {
      throw new SpecError(
          path,
          "a decision name of letters, digits, '_', '-' or '.' (at most 64, starting with a"
              + " letter or '_')",
          "'" + name + "'");
    }
    return name;
  }

  private static Hyper hyper(String kind, JsonNode body, String p) {
    return switch (kind) {
      case "oneOf" -> new Hyper.OneOf(list(body, p));
      case "optional" -> new Hyper.OptionalOf(fromTree(body, p));
      case "manyOf" -> {
        requireObject(body, p, Set.of("k", "candidates", "distinct", "sorted"));
        yield new Hyper.ManyOf(
            (int) integer(body, p, "k", null),
            list(required(body, p, "candidates"), join(p, "candidates")),
            bool(body, p, "distinct", true),
            bool(body, p, "sorted", false));
      }
      case "intRange" -> {
        requireObject(body, p, Set.of("lo", "hi", "step"));
        yield new Hyper.IntRange(
            integer(body, p, "lo", null),
            integer(body, p, "hi", null),
            integer(body, p, "step", 1L));
      }
      case "floatRange" -> {
        requireObject(body, p, Set.of("lo", "hi", "log"));
        yield new Hyper.FloatRange(
            number(body, p, "lo"), number(body, p, "hi"), bool(body, p, "log", false));
      }
      case "repeat" -> {
        requireObject(body, p, Set.of("body", "n"));
        yield new Hyper.Repeat(
            fromTree(required(body, p, "body"), join(p, "body")),
            fromTree(required(body, p, "n"), join(p, "n")));
      }
      default -> throw new IllegalStateException(kind);
    };
  }

  private static List<Value> list(JsonNode body, String path) {
    if (!body.isArray()) {
      throw new SpecError(path, "a list", describe(body.getNodeType()));
    }
    return ((Value.ListVal) fromTree(body, path)).items();
  }

  private static void requireObject(JsonNode body, String path, Set<String> allowed) {
    if (!body.isObject()) {
      throw new SpecError(path, "a map with keys " + allowed, describe(body.getNodeType()));
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new SpecError(join(path, k), "one of the keys " + allowed, "'" + k + "'");
      }
    }
  }

  private static JsonNode required(JsonNode body, String path, String key) {
    JsonNode v = body.get(key);
    if (v == null) {
      throw new SpecError(join(path, key), "a value", "nothing (missing key)");
    }
    return v;
  }

  private static long integer(JsonNode body, String path, String key, Long fallback) {
    JsonNode v = body.get(key);
    if (v == null && fallback != null) {
      return fallback;
    }
    v = required(body, path, key);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new SpecError(join(path, key), "an integer", v.toString());
    }
    return v.longValue();
  }

  private static double number(JsonNode body, String path, String key) {
    JsonNode v = required(body, path, key);
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw new SpecError(join(path, key), "a number", v.toString());
    }
    return v.doubleValue();
  }

  private static boolean bool(JsonNode body, String path, String key, boolean fallback) {
    JsonNode v = body.get(key);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw new SpecError(join(path, key), "true or false", v.toString());
    }
    return v.booleanValue();
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
