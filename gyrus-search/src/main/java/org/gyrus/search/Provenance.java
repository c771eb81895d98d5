package org.gyrus.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gyrus.core.FileDigest;
import org.gyrus.core.GyrusVersion;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;

/**
 * What a study records about how it is scored, so that every trial can be re-run and a resume
 * cannot silently mix results: the whole experiment, the identity of the data (files, sizes,
 * SHA-256), what models are selected on, and the versions that ran it. Stored once per study as
 * study attributes; {@link #requireSame} refuses a resume whose experiment or data differ.
 */
public final class Provenance {
  public static final String EXPERIMENT = "experiment";
  public static final String DATA = "data";
  public static final String SELECTION = "selection";
  public static final String RUNTIME = "runtime";

  /**
   * The number of trials the study was created to hold, for {@code gyrus worker}; set once, never
   * compared (a resume may ask for more).
   */
  public static final String TRIALS = "trials";

  /** Keys that must match when a study is resumed. */
  private static final List<String> COMPARED = List.of(EXPERIMENT, DATA);

  private Provenance() {}

  /** The attributes of a checked experiment; {@code runtime} adds engine versions and threads. */
  public static Map<String, String> of(
      Experiment.Checked checked, Path dataDir, Map<String, String> runtime) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(EXPERIMENT, SpecCodec.toCompactJson(checked.experiment().toValue()));
    out.put(DATA, dataIdentity(checked.dataFiles(dataDir)));
    out.put(SELECTION, checked.selectsOn());
    List<Constraint> constraints = checked.experiment().constraints();
    if (!constraints.isEmpty()) {
      out.put(Constraint.ATTR, Constraint.formatAll(constraints));
    }
    ObjectNode rt = SpecCodec.json().createObjectNode();
    rt.put("gyrus", GyrusVersion.get());
    rt.put("java", System.getProperty("java.version"));
    rt.put("cores", Runtime.getRuntime().availableProcessors());
    runtime.forEach(rt::put);
    out.put(RUNTIME, rt.toString());
    return out;
  }

  /** Files, sizes and SHA-256 digests, as a JSON list; a missing file is recorded as missing. */
  public static String dataIdentity(List<Path> files) {
    ArrayNode list = SpecCodec.json().createArrayNode();
    for (Path f : files) {
      ObjectNode o = list.addObject();
      o.put("file", f.toString());
      if (!Files.isRegularFile(f)) {
        o.put("missing", true);
        continue;
      }
      try {
        o.put("bytes", Files.size(f));
        o.put("sha256", FileDigest.sha256(f));
      } catch (IOException e) {
        throw new SpecError(f.toString(), "a readable data file", e.getMessage());
      }
    }
    return list.toString();
  }

  /**
   * Fails when a resumed study was stored with another experiment or other data, naming what
   * differs. Studies stored without attributes (older stores) are accepted.
   */
  public static void requireSame(
      String study, Map<String, String> stored, Map<String, String> now) {
    for (String key : COMPARED) {
      String a = comparable(key, stored.get(key));
      String b = comparable(key, now.get(key));
      if (a == null || b == null || a.equals(b)) {
        continue;
      }
      throw new SpecError(
          "study " + study,
          "the stored study was run with a different "
              + key
              + " ("
              + difference(a, b)
              + "); use another --study name, or the original "
              + key);
    }
  }

  /**
   * Data are the same when the same file names hold the same bytes: a worker machine may keep them
   * in another directory.
   */
  private static String comparable(String key, String value) {
    if (!key.equals(DATA) || value == null) {
      return value;
    }
    try {
      JsonNode list = SpecCodec.json().readTree(value);
      for (JsonNode o : list) {
        if (o instanceof ObjectNode f && f.hasNonNull("file")) {
          f.put("file", Path.of(f.get("file").asText()).getFileName().toString());
        }
      }
      return list.toString();
    } catch (IOException | RuntimeException e) {
      return value;
    }
  }

  /** The top-level fields that differ between two JSON documents, or "content" for non-objects. */
  static String difference(String a, String b) {
    try {
      JsonNode x = SpecCodec.json().readTree(a);
      JsonNode y = SpecCodec.json().readTree(b);
      if (!x.isObject() || !y.isObject()) {
        return x.isArray() && y.isArray() ? "files, sizes or digests differ" : "content differs";
      }
      TreeSet<String> keys = new TreeSet<>();
      x.fieldNames().forEachRemaining(keys::add);
      y.fieldNames().forEachRemaining(keys::add);
      keys.removeIf(k -> java.util.Objects.equals(x.get(k), y.get(k)));
      return "changed: " + String.join(", ", keys);
    } catch (IOException e) {
      return "content differs";
    }
  }
}
