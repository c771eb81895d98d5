package org.gyrus.logic.ilp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.Ast;

/**
 * A learning task: bias, background knowledge (ground facts, plus the Datalog rules they were
 * derived with, if any) and examples. {@link #readPopper} reads a Popper task directory as is.
 */
public record Task(Bias bias, Facts bk, List<Ast.Rule> bkRules, List<Example> examples) {
  public Task {
    bkRules = List.copyOf(bkRules);
    examples = List.copyOf(examples);
  }

  public long positives() {
    return examples.stream().filter(Example::positive).count();
  }

  /** Reads {@code bias.pl}, {@code bk.pl} and {@code exs.pl} from a Popper task directory. */
  public static Task readPopper(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new SpecError(dir.toString(), "a Popper task directory", "no directory");
    }
    for (String f : List.of("bias.pl", "bk.pl", "exs.pl")) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new SpecError(
            dir.resolve(f).toString(),
            "a file (Popper task: bias.pl, bk.pl, exs.pl)",
            "nothing there");
      }
    }
    Bias bias = Bias.read(PrologReader.readFile(dir.resolve("bias.pl")));
    Facts bk = new Facts();
    List<Ast.Rule> rules = new ArrayList<>();
    for (PrologReader.Clause c : PrologReader.readFile(dir.resolve("bk.pl"))) {
      if (c.head() == null) {
        continue; // directives such as :- discontiguous ... carry no knowledge
      }
      if (c.body() != null) {
        rules.addAll(PrologToDatalog.translate(c));
        continue;
      }
      bk.add(Term.functor(c.head()), ground(c.head(), c.where()));
    }
    if (!rules.isEmpty()) {
      Background.materialise(bk, rules);
    }
    List<Example> exs = new ArrayList<>();
    for (PrologReader.Clause c : PrologReader.readFile(dir.resolve("exs.pl"))) {
      String f = c.head() == null ? null : Term.functor(c.head());
      if (c.body() != null
          || !("pos".equals(f) || "neg".equals(f))
          || Term.args(c.head()).size() != 1) {
        throw new SpecError(c.where(), "pos(ATOM). or neg(ATOM).", String.valueOf(c.head()));
      }
      Term atom = Term.args(c.head()).get(0);
      if (!bias.head().name().equals(Term.functor(atom))
          || Term.args(atom).size() != bias.head().arity()) {
        throw new SpecError(
            c.where(), "an example of " + bias.head().key() + " (the head_pred)", atom.toString());
      }
      exs.add(new Example(ground(atom, c.where()), f.equals("pos")));
    }
    if (exs.stream().noneMatch(Example::positive)) {
      throw new SpecError(
          dir.resolve("exs.pl").toString(), "at least one pos(...) example", "none");
    }
    return new Task(bias, bk, rules, exs);
  }

  /** The constants of a ground atom; an error naming the clause for variables or structures. */
  static List<Object> ground(Term atom, String where) {
    if (Term.functor(atom) == null) {
      throw new SpecError(where, "an atom", atom.toString());
    }
    List<Object> out = new ArrayList<>();
    for (Term a : Term.args(atom)) {
      if (a instanceof Term.Sym s) {
        out.add(s.name());
      } else if (a instanceof Term.Int i) {
        out.add(i.value());
      } else {
        throw new SpecError(where, "a ground fact (constants only)", atom.toString());
      }
    }
    return out;
  }
}
