package org.gyrus.nas.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;

/**
 * Proxy-scored cells: one JSON line per cell, {@code {"arch": NB201 string, "scores": {proxy:
 * value, ...}, ...}} (the file {@code ProxyBench score} writes). Every line must score the same
 * proxies; a non-finite score is kept (ensembles rank it last).
 */
public record ProxyPool(List<String> archs, List<String> proxies, double[][] scores) {
  public ProxyPool {
    archs = List.copyOf(archs);
    proxies = List.copyOf(proxies);
  }

  public static ProxyPool read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new SpecError(file.toString(), "a readable proxy pool (JSON lines)", e.getMessage());
    }
    List<String> archs = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    List<String> names = null;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String at = file + ":" + (i + 1);
      JsonNode n;
      try {
        n = SpecCodec.json().readTree(lines.get(i));
      } catch (IOException e) {
        throw new SpecError(at, "a JSON object", e.getMessage());
      }
      if (!n.path("arch").isTextual() || !n.path("scores").isObject()) {
        throw new SpecError(at, "{\"arch\": ..., \"scores\": {...}}", lines.get(i));
      }
      Map<String, Double> s = new LinkedHashMap<>();
      n.get("scores").fields().forEachRemaining(e -> s.put(e.getKey(), e.getValue().asDouble()));
      if (names == null) {
        names = new ArrayList<>(s.keySet());
      } else if (!names.equals(new ArrayList<>(s.keySet()))) {
        throw new SpecError(at, "scores for " + names, s.keySet().toString());
      }
      archs.add(n.get("arch").asText());
      rows.add(s.values().stream().mapToDouble(Double::doubleValue).toArray());
    }
    if (archs.isEmpty()) {
      throw new SpecError(file.toString(), "at least one scored cell", "an empty file");
    }
    return new ProxyPool(archs, names, rows.toArray(new double[0][]));
  }

  public int size() {
    return archs.size();
  }

  /** Each cell's sum of rank scores under {@code proxies} (the equal-weight ensemble). */
  public double[] rankSum(List<String> proxies) {
    Ensemble e = new Ensemble(this, proxies);
    double[] w = new double[proxies.size()];
    java.util.Arrays.fill(w, 1);
    double[] s = new double[size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = e.score(i, w);
    }
    return s;
  }

  /** Column {@code proxy} of the pool. */
  public double[] column(String proxy) {
    int j = proxies.indexOf(proxy);
    if (j < 0) {
      throw new SpecError("proxies", "one of " + proxies, "'" + proxy + "'");
    }
    double[] c = new double[scores.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = scores[i][j];
    }
    return c;
  }
}
