import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

/**
 * DuckDB or PostgreSQL (JDBC URL) on a workload written by gen.py, with recursive CTEs; one JSON
 * line on stdout. Usage: SqlBench URL KIND PREFIX count | SqlBench URL tc PREFIX point S1,S2,...
 * Loads PREFIX.REL.tsv into tables (columns a, b, c) with COPY, then times the query in-process.
 */
public final class SqlBench {
  static final Map<String, String[]> TABLES =
      Map.of(
          "tc", new String[] {"edge:2"},
          "sg", new String[] {"parent:2"},
          "rbac", new String[] {"role:1", "inh:2", "ur:2", "rp:2"});

  static final Map<String, String> COUNT =
      Map.of(
          "tc",
          "WITH RECURSIVE path(x, y) AS (SELECT a, b FROM edge UNION"
              + " SELECT p.x, e.b FROM path p JOIN edge e ON p.y = e.a) SELECT count(*) FROM path",
          "sg",
          "WITH RECURSIVE sg(x, y) AS (SELECT p1.a, p2.a FROM parent p1 JOIN parent p2 ON p1.b ="
              + " p2.b WHERE p1.a <> p2.a UNION SELECT p1.a, p2.a FROM sg JOIN parent p1 ON p1.b ="
              + " sg.x JOIN parent p2 ON p2.b = sg.y) SELECT count(*) FROM sg",
          "rbac",
          "WITH RECURSIVE anc(r, s) AS (SELECT a, a FROM role UNION SELECT anc.r, inh.b FROM anc"
              + " JOIN inh ON inh.a = anc.s) SELECT count(*) FROM (SELECT DISTINCT ur.a, rp.b FROM"
              + " ur JOIN anc ON ur.b = anc.r JOIN rp ON rp.a = anc.s) t");

  static final String POINT =
      "WITH RECURSIVE r(y) AS (SELECT b FROM edge WHERE a = ? UNION SELECT e.b FROM r JOIN edge e"
          + " ON e.a = r.y) SELECT count(*) FROM r";

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    String url = args[0];
    boolean duck = url.startsWith("jdbc:duckdb");
    try (Connection c = DriverManager.getConnection(url)) {
      try (Statement s = c.createStatement()) {
        for (String t : TABLES.get(args[1])) {
          String name = t.split(":")[0];
          int arity = Integer.parseInt(t.split(":")[1]);
          String cols = arity == 1 ? "a bigint" : "a bigint, b bigint";
          s.execute("DROP TABLE IF EXISTS " + name);
          s.execute("CREATE TABLE " + name + " (" + cols + ")");
          Path f = Path.of(args[2] + "." + name + ".tsv").toAbsolutePath();
          s.execute(
              "COPY " + name + " FROM '" + f + "'" + (duck ? " (DELIMITER '\t', HEADER false)" : ""));
          if (!duck && arity == 2) {
            s.execute("CREATE INDEX ON " + name + " (a)");
            s.execute("CREATE INDEX ON " + name + " (b)");
          }
          if (!duck) {
            s.execute("ANALYZE " + name);
          }
        }
      }
      double loadMs = (System.nanoTime() - t0) / 1e6;
      if (args[3].equals("count")) {
        long t1 = System.nanoTime();
        long n;
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery(COUNT.get(args[1]))) {
          rs.next();
          n = rs.getLong(1);
        }
        System.out.printf(
            "{\"answers\": %d, \"load_ms\": %.1f, \"query_ms\": %.1f}%n",
            n, loadMs, (System.nanoTime() - t1) / 1e6);
        return;
      }
      String[] sources = args[4].split(",");
      double[] ms = new double[sources.length];
      long answers = 0;
      long first = 0;
      try (PreparedStatement ps = c.prepareStatement(POINT)) {
        for (int i = 0; i < sources.length; i++) {
          long t = System.nanoTime();
          ps.setLong(1, Long.parseLong(sources[i]));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            long n = rs.getLong(1);
            answers += n;
            if (i == 0) {
              first = n;
            }
          }
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
      }
      double[] sorted = ms.clone();
      Arrays.sort(sorted);
      int p99 = Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1);
      System.out.printf(
          "{\"answers\": %d, \"first_answers\": %d, \"load_ms\": %.1f, \"first_ms\": %.3f,"
              + " \"median_ms\": %.3f, \"p99_ms\": %.3f}%n",
          answers, first, loadMs, ms[0], sorted[ms.length / 2], sorted[p99]);
    }
  }
}
