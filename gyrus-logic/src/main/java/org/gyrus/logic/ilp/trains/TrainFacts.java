package org.gyrus.logic.ilp.trains;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gyrus.logic.datalog.Ast;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.ilp.Facts;

/**
 * Trains as facts, in two vocabularies. {@link #forRules} follows V-LoL's predicate definitions
 * (train_generator.pl) so that the example rules mean what they mean there; a train is also its
 * list of cars ({@code cons(List, Car, Rest)}, {@code nil}) for list rules such as Theory X. {@link
 * #forLearning} is the learner's background knowledge, declared by {@link #BIAS}.
 */
public final class TrainFacts {
  private TrainFacts() {}

  /** Predicates V-LoL defines by rules over the list form. */
  static final String LIBRARY = "has_load1(L, S) :- has_car(L, C), has_load0(C, S).\n";

  /** Background rules of the rule vocabulary. */
  public static List<Ast.Rule> library() {
    return Parser.parse(LIBRARY, "train-library").rules();
  }

  /** Train ids: {@code prefix + (i + 1)}; car ids: train id + {@code _c} + position. */
  public static String trainId(String prefix, int i) {
    return prefix + (i + 1);
  }

  /** Facts for evaluating V-LoL rules (has_car/3 is named has_car_n: Datalog has one arity). */
  public static List<Ast.Rule> forRules(List<Train> trains, String prefix) {
    List<Ast.Rule> out = new ArrayList<>();
    for (int t = 0; t < trains.size(); t++) {
      String tid = trainId(prefix, t);
      List<Car> cars = trains.get(t).cars();
      fact(out, "train", tid);
      for (int i = 0; i < cars.size(); i++) {
        Car c = cars.get(i);
        String cid = tid + "_c" + c.index();
        String list = i == 0 ? tid : tid + "_s" + (i + 1);
        String rest = i + 1 < cars.size() ? tid + "_s" + (i + 2) : "nil";
        fact(out, "cons", list, cid, rest);
        for (int j = 0; j <= i; j++) {
          fact(out, "has_car", j == 0 ? tid : tid + "_s" + (j + 1), cid);
        }
        fact(out, "has_car_n", tid, cid, (long) c.index());
        fact(out, "car_num", cid, (long) c.index());
        fact(out, c.shape(), cid);
        fact(out, c.length(), cid);
        if (c.bracedWall()) {
          fact(out, "double", cid);
          fact(out, "braced_wall", cid);
        } else {
          fact(out, "solid_wall", cid);
        }
        fact(out, "has_roof0", cid, c.roof());
        fact(out, c.closed() ? "closed" : "open", cid);
        fact(out, "has_wheel0", cid, (long) c.wheels());
        fact(out, "load_num", cid, (long) c.loadNum());
        if (c.loadNum() >= 1) {
          fact(out, "has_load0", cid, c.loadShape());
          fact(out, "has_payload", cid, Car.PAYLOAD.get(c.loadShape()));
        }
        for (int k = 1; k <= c.loadNum(); k++) {
          fact(out, "has_load", cid, (long) k);
        }
        fact(out, "car_color", cid, c.color());
      }
    }
    return out;
  }

  private static void fact(List<Ast.Rule> out, String pred, Object... args) {
    List<Ast.Term> terms = new ArrayList<>();
    for (Object a : args) {
      terms.add(new Ast.Const(a));
    }
    out.add(new Ast.Rule(new Ast.Atom(pred, terms), List.of(), null, "trains"));
  }

  static final String[] COLORS = {"blue", "green", "grey", "red", "yellow"};
  static final String[] LOADS = {
    "circle", "diamond", "hexagon", "rectangle", "triangle", "utriangle"
  };
  static final Map<String, Long> NUMBERS = Map.of("one", 1L, "two", 2L, "three", 3L);

  /**
   * The learner's bias for every train rule: a car's position, load count and wheel count as
   * numbers with {@code lt} and the constants one..three, V-LoL's {@code has_load(Car, K)} (the car
   * carries a K-th load, K = 1..load count; two cars share a K exactly when both are loaded);
   * short, long, closed, braced_wall; colour and load shape as values with one unary predicate per
   * constant; relations between two cars of one train: {@code behind(C1, C2)} (C2 somewhere behind
   * C1), {@code same_color} and {@code diff_color}.
   */
  public static final String BIAS =
      """
      max_vars(6).
      max_body(6).
      max_clauses(3).
      head_pred(eastbound,1).
      type(eastbound,(train,)).
      direction(eastbound,(in,)).
      body_pred(has_car,2).
      type(has_car,(train,car)).
      direction(has_car,(in,out)).
      body_pred(car_num,2).
      type(car_num,(car,num)).
      direction(car_num,(in,out)).
      body_pred(load_num,2).
      type(load_num,(car,num)).
      direction(load_num,(in,out)).
      body_pred(has_wheel0,2).
      type(has_wheel0,(car,num)).
      direction(has_wheel0,(in,out)).
      body_pred(lt,2).
      type(lt,(num,num)).
      direction(lt,(in,in)).
      body_pred(short,1).
      type(short,(car,)).
      direction(short,(in,)).
      body_pred(long,1).
      type(long,(car,)).
      direction(long,(in,)).
      body_pred(closed,1).
      type(closed,(car,)).
      direction(closed,(in,)).
      body_pred(braced_wall,1).
      type(braced_wall,(car,)).
      direction(braced_wall,(in,)).
      body_pred(behind,2).
      type(behind,(car,car)).
      direction(behind,(in,out)).
      body_pred(car_color,2).
      type(car_color,(car,color)).
      direction(car_color,(in,out)).
      body_pred(same_color,2).
      type(same_color,(car,car)).
      direction(same_color,(in,out)).
      body_pred(diff_color,2).
      type(diff_color,(car,car)).
      direction(diff_color,(in,out)).
      body_pred(has_load0,2).
      type(has_load0,(car,shape)).
      direction(has_load0,(in,out)).
      body_pred(has_load,2).
      type(has_load,(car,num)).
      direction(has_load,(in,out)).
      """
          + unary(COLORS, "color")
          + unary(LOADS, "shape")
          + unary(NUMBERS.keySet().stream().sorted().toArray(String[]::new), "num");

  /** {@link #BIAS} with another {@code max_body} (for rows outside the standard protocol). */
  public static String bias(int maxBody) {
    if (!BIAS.contains("max_body(6).")) {
      throw new IllegalStateException("BIAS no longer declares max_body(6)");
    }
    return BIAS.replace("max_body(6).", "max_body(" + maxBody + ").");
  }

  private static String unary(String[] names, String type) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append("body_pred(").append(n).append(",1).\n");
      sb.append("type(").append(n).append(",(").append(type).append(",)).\n");
      sb.append("direction(").append(n).append(",(in,)).\n");
    }
    return sb.toString();
  }

  /** Background knowledge in the learner's vocabulary ({@link #BIAS}). */
  public static Facts forLearning(List<Train> trains, String prefix) {
    Facts f = new Facts();
    for (int t = 0; t < trains.size(); t++) {
      String tid = trainId(prefix, t);
      List<Car> cars = trains.get(t).cars();
      for (int i = 0; i < cars.size(); i++) {
        Car c = cars.get(i);
        String cid = tid + "_c" + c.index();
        f.add("has_car", List.of(tid, cid));
        f.add("car_num", List.of(cid, (long) c.index()));
        f.add("load_num", List.of(cid, (long) c.loadNum()));
        f.add("has_wheel0", List.of(cid, (long) c.wheels()));
        f.add(c.length(), List.of(cid));
        if (c.closed()) {
          f.add("closed", List.of(cid));
        }
        if (c.bracedWall()) {
          f.add("braced_wall", List.of(cid));
        }
        f.add("car_color", List.of(cid, c.color()));
        if (c.loadNum() >= 1) {
          f.add("has_load0", List.of(cid, c.loadShape()));
        }
        for (long k = 1; k <= c.loadNum(); k++) {
          f.add("has_load", List.of(cid, k)); // V-LoL's has_load: the car's k-th load, k = 1..n
        }
        for (int j = 0; j < cars.size(); j++) {
          String other = tid + "_c" + cars.get(j).index();
          if (j > i) {
            f.add("behind", List.of(cid, other));
          }
          if (j != i) {
            f.add(
                c.color().equals(cars.get(j).color()) ? "same_color" : "diff_color",
                List.of(cid, other));
          }
        }
      }
    }
    for (long a = 0; a <= 4; a++) {
      for (long b = a + 1; b <= 4; b++) {
        f.add("lt", List.of(a, b));
      }
    }
    for (String x : COLORS) {
      f.add(x, List.of(x));
    }
    for (String s : LOADS) {
      f.add(s, List.of(s));
    }
    NUMBERS.forEach((name, v) -> f.add(name, List.of(v)));
    return f;
  }
}
