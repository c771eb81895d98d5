package org.gyrus.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.Ast.Rule;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Database;

/**
 * The loop of {@code gyrus reason PROGRAM --repl}: one line at a time, {@code +FACT. FACT.} adds,
 * {@code -FACT.} removes (one {@link Database#update} per line), {@code ?- ATOM.} answers. Answers
 * go to stdout, each followed by a {@code %} comment line with the count and time; a bad line gets
 * {@code error: stdin:LINE: ...} on stderr, changes nothing, and the loop goes on.
 */
final class ReasonRepl {
  private final Database db;
  private final PrintStream out;
  private final PrintStream err;
  private int errors;

  ReasonRepl(Database db, PrintStream out, PrintStream err) {
    this.db = db;
    this.out = out;
    this.err = err;
  }

  /** Reads until end of input; returns 0, or 2 when some line was bad. */
  int run(Reader input, long startNanos) {
    out.printf("%% loaded in %.3f s%n", (System.nanoTime() - startNanos) / 1e9);
    out.flush();
    BufferedReader in = new BufferedReader(input);
    int lineNo = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        String where = "stdin:" + lineNo;
        try {
          step(line, lineNo);
        } catch (SpecError e) {
          errors++;
          String msg = e.getMessage();
          err.println("error: " + (msg.startsWith(where) ? msg : where + ": " + msg));
        }
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return errors == 0 ? 0 : Cli.BAD_INPUT;
  }

  private void step(String raw, int lineNo) {
    String where = "stdin:" + lineNo;
    String line = raw.strip();
    if (line.isEmpty() || line.startsWith("%")) {
      return;
    }
    long t0 = System.nanoTime();
    if (line.startsWith("?-")) {
      Database.Answers a = db.query(Parser.parseQuery(line));
      List<String> facts = a.facts();
      for (String f : facts) {
        out.println(f + ".");
      }
      out.printf("%% %d answers in %.3f ms%n", facts.size(), (System.nanoTime() - t0) / 1e6);
      return;
    }
    char sign = line.charAt(0);
    if (sign != '+' && sign != '-') {
      throw new SpecError(
          where, "expected '+FACT.', '-FACT.' or '?- ATOM.', found '" + shorten(line) + "'");
    }
    // padded so that the parser's FILE:LINE:COLUMN points into this line of stdin
    String text = "\n".repeat(lineNo - 1) + raw.replaceFirst("[+-]", " ");
    List<Atom> facts = facts(text, where);
    Database.Update u = sign == '+' ? db.update(facts, List.of()) : db.update(List.of(), facts);
    out.printf(
        "%% %s%d fact(s): %d -> %d tuples by %s in %.3f ms%n",
        sign, facts.size(), u.tuplesBefore(), u.tuplesAfter(), u.method(), u.micros() / 1e3);
  }

  /** The ground facts of an update line; anything else is an error naming the line. */
  private static List<Atom> facts(String text, String where) {
    Program p = Parser.parse(text, "stdin");
    List<Atom> out = new ArrayList<>();
    for (Rule r : p.rules()) {
      if (!r.isFact() || r.tag() != null) {
        throw new SpecError(where, "an update holds plain facts only, found " + r);
      }
      out.add(r.head());
    }
    if (out.isEmpty() || !p.queries().isEmpty()) {
      throw new SpecError(where, "expected facts after the sign, such as +edge(a, b).");
    }
    return out;
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
