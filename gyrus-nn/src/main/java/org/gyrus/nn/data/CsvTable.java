package org.gyrus.nn.data;

import ai.djl.ndarray.types.Shape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Classification tables from CSV (optionally gzip). Two layouts are recognised: sklearn's ({@code
 * n_samples,n_features,class names...} header, numeric rows, integer label last; or no header at
 * all) and UCI/mlbench's (quoted column names, values that may be quoted, TRUE/FALSE, categories or
 * NA). The label is the last column unless named. Categorical features are coded by sorted level
 * index; NA becomes the column mean.
 */
public final class CsvTable {
  private CsvTable() {}

  public static Dataset read(Path file, String labelColumn) {
    String text = new String(Bytes.read(file), StandardCharsets.UTF_8);
    return parse(text, file.toString(), labelColumn);
  }

  static Dataset parse(String text, String name, String labelColumn) {
    String[] lines = text.split("\r?\n");
    List<String[]> rows = new ArrayList<>();
    List<Integer> lineNo = new ArrayList<>();
    List<String> header = null;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = split(lines[i], name, i + 1);
      if (rows.isEmpty() && header == null && isHeader(f, lines, i, name)) {
        header = List.of(f);
        continue;
      }
      rows.add(f);
      lineNo.add(i + 1);
    }
    if (rows.isEmpty()) {
      throw new DataError(name + ":line 1", "no data rows");
    }
    int width = rows.get(0).length;
    for (int r = 0; r < rows.size(); r++) {
      if (rows.get(r).length != width) {
        throw new DataError(
            name + ":line " + lineNo.get(r),
            width
                + " fields expected (as on line "
                + lineNo.get(0)
                + "), found "
                + rows.get(r).length);
      }
    }
    int label = width - 1;
    if (labelColumn != null) {
      label = header == null ? -1 : header.indexOf(labelColumn);
      if (label < 0) {
        throw new DataError(name + ":line 1", "a column named '" + labelColumn + "'");
      }
    }
    int features = width - 1;
    float[] x = new float[rows.size() * features];
    int col = 0;
    for (int c = 0; c < width; c++) {
      if (c == label) {
        continue;
      }
      float[] v = column(rows, lineNo, c, name);
      for (int r = 0; r < rows.size(); r++) {
        x[r * features + col] = v[r];
      }
      col++;
    }
    TreeSet<String> levels = new TreeSet<>(CsvTable::compareLevels);
    for (String[] row : rows) {
      if (row[label].equals("NA")) {
        throw new DataError(name + ":line " + lineNo.get(rows.indexOf(row)), "a label, found NA");
      }
      levels.add(row[label]);
    }
    Map<String, Integer> code = new HashMap<>();
    for (String l : levels) {
      code.put(l, code.size());
    }
    int[] y = new int[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      y[r] = code.get(rows.get(r)[label]);
    }
    return new Dataset(name, x, y, new Shape(features), levels.size());
  }

  /** Integer-looking labels sort numerically, others alphabetically. */
  private static int compareLevels(String a, String b) {
    Double da = number(a);
    Double db = number(b);
    if (da != null && db != null) {
      return Double.compare(da, db);
    }
    return a.compareTo(b);
  }

  private static float[] column(List<String[]> rows, List<Integer> lineNo, int c, String name) {
    float[] v = new float[rows.size()];
    boolean numeric = true;
    for (String[] row : rows) {
      String s = row[c];
      if (!s.equals("NA") && number(s) == null && !s.equals("TRUE") && !s.equals("FALSE")) {
        numeric = false;
        break;
      }
    }
    if (!numeric) {
      TreeSet<String> levels = new TreeSet<>();
      for (String[] row : rows) {
        levels.add(row[c]);
      }
      List<String> sorted = new ArrayList<>(levels);
      for (int r = 0; r < rows.size(); r++) {
        v[r] = sorted.indexOf(rows.get(r)[c]);
      }
      return v;
    }
    double sum = 0;
    int count = 0;
    for (int r = 0; r < rows.size(); r++) {
      String s = rows.get(r)[c];
      Double d = number(s);
      if (s.equals("TRUE")) {
        d = 1.0;
      } else if (s.equals("FALSE")) {
        d = 0.0;
      }
      if (d != null) {
        v[r] = d.floatValue();
        sum += d;
        count++;
      } else {
        v[r] = Float.NaN;
      }
    }
    float mean = count == 0 ? 0 : (float) (sum / count);
    for (int r = 0; r < v.length; r++) {
      if (Float.isNaN(v[r])) {
        v[r] = mean;
      }
    }
    return v;
  }

  private static Double number(String s) {
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A header: quoted names (UCI) or sklearn's counts line, whose width differs from the rows. */
  private static boolean isHeader(String[] f, String[] lines, int i, String name) {
    boolean anyText = false;
    for (String s : f) {
      if (number(s) == null && !s.equals("NA") && !s.equals("TRUE") && !s.equals("FALSE")) {
        anyText = true;
      }
    }
    if (anyText) {
      return true;
    }
    for (int j = i + 1; j < lines.length; j++) {
      if (!lines[j].isBlank()) {
        return split(lines[j], name, j + 1).length != f.length;
      }
    }
    return false;
  }

  static String[] split(String line, String name, int lineNo) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (ch == ',' && !quoted) {
        out.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    if (quoted) {
      throw new DataError(name + ":line " + lineNo, "a closing quote before the end of the line");
    }
    out.add(cur.toString().trim());
    return out.toArray(new String[0]);
  }
}
