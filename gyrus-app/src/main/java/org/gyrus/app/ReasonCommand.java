package org.gyrus.app;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.Ast.Atom;
import org.gyrus.logic.datalog.Ast.Program;
import org.gyrus.logic.datalog.MagicSets;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Database;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Explainer;
import org.gyrus.logic.datalog.engine.Relation;
import org.gyrus.logic.datalog.provenance.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gyrus reason PROGRAM.dl --query 'path(a, X)'}: evaluates a Datalog program; with {@code
 * --repl}, keeps it loaded and takes updates and queries from stdin ({@link ReasonRepl}).
 */
@Command(
    name = "reason",
    mixinStandardHelpOptions = true,
    description = "Evaluate a Datalog program and print the answers to a query as facts.")
public final class ReasonCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROGRAM.dl", description = "the Datalog program")
  Path program;

  @Option(
      names = "--query",
      description = "an atom such as 'path(a, X)'; default: the program's ?- queries")
  String query;

  @Option(
      names = "--semiring",
      description = "a provenance semiring, NAME or NAME:ARG (listed below)")
  String semiring;

  @Option(names = "--why", description = "print a proof tree for each answer")
  boolean why;

  @Option(names = "--count", description = "print only the number of answers")
  boolean count;

  @Option(
      names = "--no-demand",
      description = "evaluate the whole program, not only what a query with constants asks")
  boolean noDemand;

  @Option(
      names = "--repl",
      description =
          "keep the program loaded and read lines from stdin: '+FACT. ...' adds facts, '-FACT."
              + " ...' removes them (the model is brought up to date incrementally), '?- ATOM.'"
              + " prints the answers; each line answers with its time")
  boolean repl;

  /**
   * The command for well-formed arguments ({@code PROGRAM} and the options above, values given as
   * separate arguments), read without picocli, whose start-up (building the model of annotated
   * options and converters) is a third of a point query's whole-process time; null for anything
   * else (help, a bad or unusual argument), which picocli then reads and reports.
   */
  static ReasonCommand fromPlainArgs(String[] args) {
    ReasonCommand c = new ReasonCommand();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      boolean hasValue = i + 1 < args.length;
      switch (a) {
        case "--query", "--semiring" -> {
          if (!hasValue) {
            return null;
          }
          if (a.equals("--query")) {
            c.query = args[++i];
          } else {
            c.semiring = args[++i];
          }
        }
        case "--why" -> c.why = true;
        case "--count" -> c.count = true;
        case "--no-demand" -> c.noDemand = true;
        case "--repl" -> c.repl = true;
        default -> {
          if (a.startsWith("-") || c.program != null) {
            return null;
          }
          c.program = Path.of(a);
        }
      }
    }
    return c.program == null ? null : c;
  }

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    Program prog = Parser.parseFile(program);
    if (repl) {
      if (semiring != null || why || count || noDemand || query != null) {
        throw new SpecError(
            "--repl", "--repl alone (it takes no --query/--semiring/--why/--count)");
      }
      return new ReasonRepl(Database.load(prog), System.out, System.err)
          .run(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8), t0);
    }
    List<Atom> queries;
    if (query != null) {
      queries = List.of(Parser.parseQuery(query));
    } else if (!prog.queries().isEmpty()) {
      queries = prog.queries();
    } else {
      throw new SpecError("--query", "a query (--query 'pred(X)' or ?- pred(X). in the program)");
    }
    warnUndefined(prog, queries);
    long tParse = System.nanoTime();
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    Engine plain = null;
    long answers = 0;
    long tuples = 0;
    long millis = 0;
    long bytes = 0;
    int rounds = 0;
    for (Atom asked : queries) {
      MagicSets.Rewriting rw =
          noDemand
              ? MagicSets.Rewriting.identity(prog, asked, "demand: off (--no-demand)")
              : MagicSets.rewrite(prog, asked);
      Engine engine;
      if (rw.applied()) {
        engine = new Engine(rw, why);
      } else {
        plain = plain == null ? new Engine(prog, why) : plain;
        engine = plain;
      }
      engine.relation(rw.query().pred()); // an unknown predicate is one error line, before notes
      boolean fresh = !engine.hasRun() || rw.applied();
      Engine.Stats stats = engine.run();
      rw.notes().forEach(System.err::println); // after the run: bad input gets one line only
      if (fresh) {
        tuples += stats.tuples();
        millis += stats.millis();
        bytes += stats.bytes();
        rounds += stats.rounds();
      }
      answers += answer(engine, rw.query(), out);
    }
    out.flush();
    long t1 = System.nanoTime();
    System.err.printf(
        "reason: %d answers; %d tuples in %d rounds; parse %.3f s, evaluate %.3f s, total %.3f s;"
            + " ~%d MB of relations%n",
        answers, tuples, rounds, (tParse - t0) / 1e9, millis / 1e3, (t1 - t0) / 1e9, bytes >> 20);
    return 0;
  }

  /**
   * A query of a predicate that rules use but no fact or rule defines has no answers: say so, it is
   * likely a typo (a predicate the program never mentions is the engine's error already).
   */
  private void warnUndefined(Program prog, List<Atom> queries) {
    Set<String> defined = new HashSet<>();
    Set<String> used = new HashSet<>();
    for (var r : prog.rules()) {
      defined.add(r.head().key());
      for (var l : r.body()) {
        if (l instanceof org.gyrus.logic.datalog.Ast.Positive p) {
          used.add(p.atom().key());
        } else if (l instanceof org.gyrus.logic.datalog.Ast.Negated n) {
          used.add(n.atom().key());
        }
      }
    }
    for (Atom q : queries) {
      if (used.contains(q.key()) && !defined.contains(q.key())) {
        System.err.println(
            "warning: "
                + q.key()
                + " is used in rules of "
                + program
                + " but no fact or rule defines it; it has no answers");
      }
    }
  }

  /** Prints the answers to one query (as facts, or their number); returns how many. */
  private long answer(Engine engine, Atom q, PrintWriter out) {
    engine.relation(q.pred());
    Provenance<?> prov =
        semiring == null ? null : Provenance.of(engine, semiring, Set.of(q.pred()));
    Explainer explainer = why ? new Explainer(engine) : null;
    if (count && prov == null) {
      long n = engine.count(q);
      out.println(n);
      return n;
    }
    int[] rows = engine.answers(q);
    Relation rel = engine.relation(q.pred());
    long n = 0;
    for (int row : rows) {
      if (prov != null && prov.isZero(rel, row)) {
        continue;
      }
      n++;
      if (count) {
        continue;
      }
      String fact = engine.show(rel, row) + ".";
      out.println(prov == null ? fact : prov.show(rel, row) + "::" + fact);
      if (explainer != null) {
        out.print(explainer.explain(rel, row).render("  "));
      }
    }
    if (count) {
      out.println(n);
    }
    return n;
  }
}
