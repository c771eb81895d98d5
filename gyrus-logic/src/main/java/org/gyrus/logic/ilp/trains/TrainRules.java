package org.gyrus.logic.ilp.trains;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.core.SpecError;
import org.gyrus.logic.datalog.Ast;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.ilp.Background;
import org.gyrus.logic.ilp.PrologReader;
import org.gyrus.logic.ilp.PrologToDatalog;

/**
 * A V-LoL classification rule ({@code example_rules/*.pl}) read with the Prolog reader, translated
 * to Datalog ({@link PrologToDatalog}) and evaluated over {@link TrainFacts#forRules} by the
 * Datalog engine to label trains.
 */
public record TrainRules(String name, List<Ast.Rule> rules) {
  public static TrainRules read(Path file) {
    List<Ast.Rule> out = new ArrayList<>();
    for (PrologReader.Clause c : PrologReader.readFile(file)) {
      if (c.head() == null) {
        continue;
      }
      out.addAll(PrologToDatalog.translate(c, Map.of("has_car/3", "has_car_n")));
    }
    if (out.stream().noneMatch(r -> r.head().pred().equals("eastbound"))) {
      throw new SpecError(file.toString(), "a rule for eastbound/1", "none");
    }
    String n = file.getFileName().toString().replaceFirst("(_rule)?\\.pl$", "");
    return new TrainRules(n, out);
  }

  /** Whether each train is eastbound under the rule. */
  public boolean[] label(List<Train> trains) {
    List<Ast.Rule> program = new ArrayList<>(TrainFacts.forRules(trains, "t"));
    program.addAll(TrainFacts.library());
    Engine e = Background.run(program, rules);
    Set<Object> east = new HashSet<>();
    for (List<Object> t : Background.tuples(e, "eastbound")) {
      east.add(t.get(0));
    }
    boolean[] out = new boolean[trains.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = east.contains(TrainFacts.trainId("t", i));
    }
    return out;
  }
}
