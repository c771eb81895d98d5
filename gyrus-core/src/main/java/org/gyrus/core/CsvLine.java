package org.gyrus.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a CSV file split into fields: commas separate, double quotes enclose, "" is a quote.
 */
public final class CsvLine {
  private CsvLine() {}

  /** The fields of one CSV line: commas separate, double quotes enclose, "" is a quote. */
  public static List<String> fields(String line, String where) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c != '"') {
          cur.append(c);
        } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new SpecError(where, "closed double quotes", "a quoted field left open");
    }
    out.add(cur.toString());
    return out;
  }
}
