package org.gyrus.nesy.trains;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gyrus.logic.datalog.Ast;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Engine;
import org.gyrus.logic.datalog.engine.Relation;
import org.gyrus.logic.datalog.provenance.Provenance;
import org.gyrus.logic.ilp.Clause;
import org.gyrus.logic.ilp.trains.Car;
import org.gyrus.logic.ilp.trains.Train;
import org.gyrus.nesy.trains.CarPerception.Slot;

/**
 * A learned train program compiled to a circuit over neural facts: for each train, the groundings
 * of the program's clause bodies (monomials of neural literals "car c's slot s has value v";
 * everything symbolic already decided), computed by the Datalog provenance engine under {@link
 * DnfSemiring}. A train is east iff some grounding holds; its probability is the noisy-or {@code 1
 * − Π_g (1 − Π_{l∈g} p_l)} over the groundings — exact when groundings share no slot, an
 * upper-bound-style approximation otherwise (the price of a closed-form gradient).
 *
 * <p>Literal id = {@code car * 17 + output}, car numbered over all cars of the trains in order.
 */
public final class TrainCircuit {
  private static final int[] SLOT_OF_OUTPUT = new int[CarPerception.OUTPUTS];

  static {
    for (Slot s : Slot.values()) {
      for (int k = 0; k < s.size(); k++) {
        SLOT_OF_OUTPUT[s.offset + k] = s.ordinal();
      }
    }
  }

  /** Same car and slot ⇔ same key. */
  static int slotKey(int lit) {
    return lit / CarPerception.OUTPUTS * Slot.values().length
        + SLOT_OF_OUTPUT[lit % CarPerception.OUTPUTS];
  }

  /** Same-colour and different-colour relations as rules over the neural colour facts. */
  static final String COLOR_RULES =
      """
      same_color(A, B) :- has_car(T, A), has_car(T, B), A != B, car_color(A, X), car_color(B, X).
      diff_color(A, B) :- has_car(T, A), has_car(T, B), A != B, car_color(A, X), car_color(B, Y), X != Y.
      """;

  /** groundings[t] = the monomials of train t (empty: no grounding, probability 0). */
  private final int[][][] groundings;

  TrainCircuit(int[][][] groundings) {
    this.groundings = groundings;
  }

  public int trains() {
    return groundings.length;
  }

  public int groundings(int t) {
    return groundings[t].length;
  }

  /** Compiles the program over the trains (their cars numbered from 0 in order). */
  public static TrainCircuit compile(List<Clause> program, List<Train> trains) {
    List<Ast.Rule> rules = new ArrayList<>();
    List<Integer> lits = new ArrayList<>();
    int car = 0;
    for (int t = 0; t < trains.size(); t++) {
      String tid = "t" + (t + 1);
      List<Car> cars = trains.get(t).cars();
      for (int i = 0; i < cars.size(); i++, car++) {
        Car c = cars.get(i);
        String cid = tid + "_c" + c.index();
        sym(rules, lits, "has_car", tid, cid);
        sym(rules, lits, "car_num", cid, (long) c.index());
        sym(rules, lits, "load_num", cid, (long) c.loadNum());
        sym(rules, lits, "has_wheel0", cid, (long) c.wheels());
        for (int j = i + 1; j < cars.size(); j++) {
          sym(rules, lits, "behind", cid, tid + "_c" + cars.get(j).index());
        }
        int base = car * CarPerception.OUTPUTS;
        neural(rules, lits, base + Slot.LENGTH.offset, "short", cid);
        neural(rules, lits, base + Slot.LENGTH.offset + 1, "long", cid);
        neural(rules, lits, base + Slot.ROOF.offset + 1, "closed", cid);
        neural(rules, lits, base + Slot.WALL.offset + 1, "braced_wall", cid);
        for (int k = 0; k < Slot.COLOR.size(); k++) {
          neural(rules, lits, base + Slot.COLOR.offset + k, "car_color", cid, colour(k));
        }
        for (int k = 0; c.loadNum() >= 1 && k < Slot.LOAD.size(); k++) {
          neural(rules, lits, base + Slot.LOAD.offset + k, "has_load0", cid, load(k));
        }
      }
    }
    constants(rules, lits);
    rules.addAll(Parser.parse(COLOR_RULES, "train-circuit").rules());
    program.forEach(c -> rules.add(c.toDatalog()));
    int[] literalOf = lits.stream().mapToInt(Integer::intValue).toArray();
    Engine e = new Engine(new Ast.Program(rules, List.of()));
    Provenance<DnfSemiring.Dnf> prov =
        new Provenance<>(e, new DnfSemiring(literalOf), Set.of("eastbound"));
    int[][][] g = new int[trains.size()][][];
    for (int t = 0; t < g.length; t++) {
      g[t] = new int[0][];
    }
    Relation east = e.relations().get("eastbound");
    for (int row = 0; east != null && row < east.size(); row++) {
      String tid = (String) e.symbols().value(east.get(row, 0));
      int t = Integer.parseInt(tid.substring(1)) - 1;
      g[t] = prov.tag(east, row).monos().stream().map(DnfSemiring.Mono::lits).toArray(int[][]::new);
    }
    return new TrainCircuit(g);
  }

  private static String colour(int k) {
    return Slot.COLOR.values.get(k);
  }

  private static String load(int k) {
    return Slot.LOAD.values.get(k);
  }

  private static void constants(List<Ast.Rule> rules, List<Integer> lits) {
    for (long a = 0; a <= 4; a++) {
      for (long b = a + 1; b <= 4; b++) {
        sym(rules, lits, "lt", a, b);
      }
    }
    Slot.COLOR.values.forEach(v -> sym(rules, lits, v, v));
    Slot.LOAD.values.forEach(v -> sym(rules, lits, v, v));
    sym(rules, lits, "one", 1L);
    sym(rules, lits, "two", 2L);
    sym(rules, lits, "three", 3L);
  }

  private static void sym(List<Ast.Rule> rules, List<Integer> lits, String pred, Object... args) {
    rules.add(fact(pred, null, args));
    lits.add(-1);
  }

  private static void neural(
      List<Ast.Rule> rules, List<Integer> lits, int lit, String pred, Object... args) {
    rules.add(fact(pred, 0.5, args)); // the tag marks an input variable; its value is unused
    lits.add(lit);
  }

  private static Ast.Rule fact(String pred, Double tag, Object... args) {
    List<Ast.Term> terms = new ArrayList<>();
    for (Object a : args) {
      terms.add(new Ast.Const(a));
    }
    return new Ast.Rule(new Ast.Atom(pred, terms), List.of(), tag, "train-circuit");
  }

  /** The probability that train t is east given every car's 17 output probabilities. */
  public double probability(int t, double[][] p) {
    double notEast = 1;
    for (int[] mono : groundings[t]) {
      notEast *= 1 - product(mono, p, -1);
    }
    return 1 - notEast;
  }

  /**
   * Adds dq/dp · scale to {@code grad} (same layout as p) for train t; returns q. Products that
   * leave one factor out are taken directly (no division), so zero probabilities are safe.
   */
  public double backward(int t, double[][] p, double scale, double[][] grad) {
    int[][] gs = groundings[t];
    double[] m = new double[gs.length];
    for (int g = 0; g < gs.length; g++) {
      m[g] = product(gs[g], p, -1);
    }
    double[] prefix = new double[gs.length + 1];
    prefix[0] = 1;
    for (int g = 0; g < gs.length; g++) {
      prefix[g + 1] = prefix[g] * (1 - m[g]);
    }
    double suffix = 1;
    for (int g = gs.length - 1; g >= 0; g--) {
      double dqdm = prefix[g] * suffix; // Π over the other groundings of (1 − m)
      for (int i = 0; i < gs[g].length; i++) {
        int lit = gs[g][i];
        grad[lit / CarPerception.OUTPUTS][lit % CarPerception.OUTPUTS] +=
            scale * dqdm * product(gs[g], p, i);
      }
      suffix *= 1 - m[g];
    }
    return 1 - prefix[gs.length];
  }

  private static double product(int[] mono, double[][] p, int skip) {
    double v = 1;
    for (int i = 0; i < mono.length; i++) {
      if (i != skip) {
        v *= p[mono[i] / CarPerception.OUTPUTS][mono[i] % CarPerception.OUTPUTS];
      }
    }
    return v;
  }
}
