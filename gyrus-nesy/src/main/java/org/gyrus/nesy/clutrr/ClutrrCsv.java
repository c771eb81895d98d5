package org.gyrus.nesy.clutrr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gyrus.core.CsvLine;
import org.gyrus.core.SpecError;

/**
 * Reads CLUTRR's CSV files (the generator's format: one record a line, a header naming the columns;
 * the graph is in {@code story_edges} "[(0, 1), (1, 2)]", {@code edge_types} "['father',
 * 'sister']", {@code query_edge} "(0, 2)" and {@code target} "aunt"). Every problem is reported
 * with the file and line before any training starts.
 */
public final class ClutrrCsv {
  static final List<String> COLUMNS = List.of("story_edges", "edge_types", "query_edge", "target");
  private static final Pattern PAIR = Pattern.compile("\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
  private static final Pattern NAME = Pattern.compile("'([^']*)'");
  private static final Pattern TASK = Pattern.compile("task_\\d+\\.(\\d+)");

  /** A parsed record, relations still by name; {@code where} is "file:line". */
  public record Row(
      String where, int[][] edges, List<String> types, int[] query, String target, int k) {}

  private ClutrrCsv() {}

  /** Every record of a file. */
  public static List<Row> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new SpecError(file + ":1", "a CSV header with columns " + COLUMNS, "an empty file");
    }
    List<String> header = CsvLine.fields(lines.get(0), file + ":1");
    int[] col = new int[COLUMNS.size()];
    int task = header.indexOf("task_name");
    for (int c = 0; c < col.length; c++) {
      col[c] = header.indexOf(COLUMNS.get(c));
      if (col[c] < 0) {
        throw new SpecError(
            file + ":1", "a header with the column '" + COLUMNS.get(c) + "'", header.toString());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      List<String> f = CsvLine.fields(lines.get(i), where);
      if (f.size() != header.size()) {
        throw new SpecError(
            where, header.size() + " fields as in the header", f.size() + " fields");
      }
      rows.add(row(where, f, col, task < 0 ? null : f.get(task)));
    }
    return rows;
  }

  /** Stories of the rows with relation ids from {@code rel}; unknown names are errors. */
  public static List<Story> stories(List<Row> rows, Relations rel) {
    List<Story> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      int n = r.edges().length;
      int[] from = new int[n];
      int[] to = new int[n];
      int[] type = new int[n];
      int nodes = Math.max(r.query()[0], r.query()[1]) + 1;
      for (int e = 0; e < n; e++) {
        from[e] = r.edges()[e][0];
        to[e] = r.edges()[e][1];
        type[e] = known(rel, r.types().get(e), r.where());
        nodes = Math.max(nodes, Math.max(from[e], to[e]) + 1);
      }
      int label = known(rel, r.target(), r.where());
      out.add(new Story(nodes, from, to, type, r.query()[0], r.query()[1], label, r.k()));
    }
    return out;
  }

  /** The names on the rows: edge types and targets. */
  public static Set<String> names(Collection<Row> rows) {
    Set<String> s = new HashSet<>();
    for (Row r : rows) {
      s.addAll(r.types());
      s.add(r.target());
    }
    return s;
  }

  private static int known(Relations rel, String name, String where) {
    int id = rel.id(name);
    if (id < 0) {
      throw new SpecError(where, "a relation seen in training " + rel.names(), "'" + name + "'");
    }
    return id;
  }

  private static Row row(String where, List<String> f, int[] col, String taskName) {
    List<int[]> pairs = pairs(f.get(col[0]), where + " story_edges");
    List<String> types = new ArrayList<>();
    Matcher m = NAME.matcher(f.get(col[1]));
    while (m.find()) {
      types.add(m.group(1));
    }
    if (pairs.isEmpty() || types.size() != pairs.size()) {
      throw new SpecError(
          where,
          "as many edge_types as story_edges (at least one)",
          pairs.size() + " edges, " + types.size() + " types");
    }
    List<int[]> q = pairs(f.get(col[2]), where + " query_edge");
    if (q.size() != 1) {
      throw new SpecError(where + " query_edge", "one pair (a, b)", "'" + f.get(col[2]) + "'");
    }
    String target = f.get(col[3]).trim();
    if (target.isEmpty()) {
      throw new SpecError(where + " target", "a relation name", "an empty field");
    }
    int k = pairs.size();
    if (taskName != null) {
      Matcher t = TASK.matcher(taskName);
      if (t.find()) {
        k = Integer.parseInt(t.group(1));
      }
    }
    return new Row(where, pairs.toArray(new int[0][]), types, q.get(0), target, k);
  }

  private static List<int[]> pairs(String text, String where) {
    List<int[]> out = new ArrayList<>();
    Matcher m = PAIR.matcher(text);
    int end = 0;
    while (m.find()) {
      if (!text.substring(end, m.start()).matches("[\\s\\[\\],]*")) {
        throw new SpecError(where, "(int, int) pairs", "'" + text + "'");
      }
      out.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
      end = m.end();
    }
    if (!text.substring(end).matches("[\\s\\[\\],]*")) {
      throw new SpecError(where, "(int, int) pairs", "'" + text + "'");
    }
    return out;
  }
}
