package org.gyrus.nesy.trains;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.gyrus.logic.ilp.Background;
import org.gyrus.logic.ilp.Clause;
import org.gyrus.logic.ilp.Learner;
import org.gyrus.logic.ilp.Task;
import org.gyrus.logic.ilp.trains.Car;
import org.gyrus.logic.ilp.trains.Train;
import org.gyrus.logic.ilp.trains.TrainFacts;
import org.gyrus.logic.ilp.trains.TrainGenerator;
import org.gyrus.logic.ilp.trains.TrainRules;
import org.gyrus.logic.ilp.trains.TrainTasks;
import org.gyrus.nesy.trains.CarPerception.Slot;

/**
 * Michalski trains from raw car encodings ({@link CarPerception}) instead of symbols: (1) the
 * perception MLP is pre-trained on a few labelled cars; (2) the learning-from-failures learner
 * (noise-tolerant) learns from the 100 training trains as perceived (most likely value per slot);
 * (3) the learned program is compiled to a circuit over the neural facts ({@link TrainCircuit}) and
 * the MLP is trained end to end from the train labels through it (plus the labelled cars'
 * cross-entropy, so that the attribute names stay anchored); (4) steps 2–3 repeat for {@code
 * rounds}. Compared with the symbolic learner on gold symbols and a DeepSets net on the raw
 * encodings, on the same 100 trains, tested on balanced generated trains.
 */
public final class PerceptionPipeline {
  /** Settings of one run. */
  public record Config(
      int labelledCars,
      double sigma,
      int width,
      int pretrainEpochs,
      int e2eEpochs,
      double lr,
      double supervisedWeight,
      double learnTimeout,
      int rounds,
      int testTrains) {
    public static Config defaults() {
      return new Config(50, 0.2, 32, 300, 150, 0.01, 1.0, 120, 2, 10_000);
    }
  }

  /** Trains with the raw encoding of every car (train → car → 10 numbers). */
  record Encoded(List<Train> trains, double[][][] x) {
    static Encoded of(List<Train> trains, double sigma, SplittableRandom rnd) {
      double[][][] x = new double[trains.size()][][];
      for (int t = 0; t < x.length; t++) {
        List<Car> cars = trains.get(t).cars();
        x[t] = new double[cars.size()][];
        for (int c = 0; c < cars.size(); c++) {
          x[t][c] = CarPerception.encode(cars.get(c), sigma, rnd);
        }
      }
      return new Encoded(trains, x);
    }

    boolean[] east() {
      boolean[] e = new boolean[trains.size()];
      for (int t = 0; t < e.length; t++) {
        e[t] = "east".equals(trains.get(t).direction());
      }
      return e;
    }
  }

  /** A learned program with what the learner reported. */
  public record Learned(Learner.Result result, Task task) {
    List<Clause> program() {
      return result.program();
    }
  }

  private PerceptionPipeline() {}

  /** Labelled cars for pre-training: the first n cars of trains drawn with their own seed. */
  static Encoded labelledCars(int n, long seed, double sigma) {
    TrainGenerator gen = new TrainGenerator(seed);
    List<Train> one = new ArrayList<>();
    int cars = 0;
    while (cars < n) {
      Train t = gen.next();
      List<Car> keep = t.cars().subList(0, Math.min(t.cars().size(), n - cars));
      one.add(new Train(keep, null));
      cars += keep.size();
    }
    return Encoded.of(one, sigma, new SplittableRandom(seed ^ 0x5DEECE66DL));
  }

  static int[] gold(Car c) {
    int[] g = new int[Slot.values().length];
    for (Slot s : Slot.values()) {
      g[s.ordinal()] = CarPerception.gold(c, s);
    }
    return g;
  }

  /** Labelled cars: encodings and gold value per slot (−1 where a slot is not labelled). */
  public record LabelledCars(List<double[]> xs, List<int[]> golds) {
    /** The cars of {@code data}, every slot labelled except {@code hidden}. */
    static LabelledCars of(Encoded data, Set<Slot> hidden) {
      List<double[]> xs = new ArrayList<>();
      List<int[]> gs = new ArrayList<>();
      for (int t = 0; t < data.trains().size(); t++) {
        for (int c = 0; c < data.x()[t].length; c++) {
          xs.add(data.x()[t][c]);
          int[] g = gold(data.trains().get(t).cars().get(c));
          hidden.forEach(s -> g[s.ordinal()] = -1);
          gs.add(g);
        }
      }
      return new LabelledCars(xs, gs);
    }
  }

  /** Pre-trains a fresh perception net on labelled cars. */
  static PerceptionNet pretrain(LabelledCars labelled, Config cfg, long seed) {
    PerceptionNet net = new PerceptionNet(cfg.width(), seed);
    net.pretrain(labelled.xs(), labelled.golds(), cfg.pretrainEpochs(), cfg.lr());
    return net;
  }

  /** The trains as the net perceives them (most likely value per slot), directions kept. */
  static List<Train> perceived(PerceptionNet net, Encoded data) {
    List<Train> out = new ArrayList<>();
    for (int t = 0; t < data.trains().size(); t++) {
      Train tr = data.trains().get(t);
      List<Car> cars = new ArrayList<>();
      for (int c = 0; c < tr.cars().size(); c++) {
        cars.add(CarPerception.perceived(tr.cars().get(c), net.forward(data.x()[t][c]).argmax()));
      }
      out.add(new Train(cars, tr.direction()));
    }
    return out;
  }

  /** Runs the learner on labelled trains (written as a Popper task under dir). */
  static Learned learn(List<Train> trains, Path dir, double timeout, boolean noise)
      throws IOException {
    TrainTasks.writePopper(dir, trains);
    Task task = Task.readPopper(dir);
    return new Learned(Learner.learn(task, new Learner.Options(timeout, noise)), task);
  }

  /** Accuracy of a program on symbolic trains (the Datalog engine over their facts). */
  static double symbolicAccuracy(Learned l, List<Train> trains, boolean[] east) {
    Set<List<Object>> covered =
        Learner.covered(
            l.task().bias(), Background.asRules(TrainFacts.forLearning(trains, "t")), l.program());
    int right = 0;
    for (int t = 0; t < east.length; t++) {
      right += covered.contains(List.of(TrainFacts.trainId("t", t))) == east[t] ? 1 : 0;
    }
    return right / (double) east.length;
  }

  /** Per-car output probabilities of every car of the trains, in circuit order. */
  static double[][] probabilities(PerceptionNet net, Encoded data, int from, int to) {
    List<double[]> ps = new ArrayList<>();
    for (int t = from; t < to; t++) {
      for (double[] x : data.x()[t]) {
        ps.add(net.forward(x).p);
      }
    }
    return ps.toArray(double[][]::new);
  }

  /** The program compiled over the trains in chunks of 1,000 (bounded provenance memory). */
  static List<TrainCircuit> compileChunks(List<Clause> program, Encoded data) {
    List<TrainCircuit> out = new ArrayList<>();
    for (int from = 0; from < data.trains().size(); from += 1000) {
      int to = Math.min(data.trains().size(), from + 1000);
      out.add(TrainCircuit.compile(program, data.trains().subList(from, to)));
    }
    return out;
  }

  /** Accuracy of "east iff the circuit's probability > 0.5" over chunks from compileChunks. */
  static double circuitAccuracy(List<TrainCircuit> chunks, PerceptionNet net, Encoded data) {
    boolean[] east = data.east();
    int right = 0;
    int from = 0;
    for (TrainCircuit circuit : chunks) {
      int to = from + circuit.trains();
      double[][] p = probabilities(net, data, from, to);
      for (int t = from; t < to; t++) {
        right += (circuit.probability(t - from, p) > 0.5) == east[t] ? 1 : 0;
      }
      from = to;
    }
    return right / (double) east.length;
  }

  /** Accuracy per slot of the most likely value on every car (load shape: loaded cars only). */
  static Map<String, Double> perceptionAccuracy(PerceptionNet net, Encoded data) {
    int[] right = new int[Slot.values().length];
    int[] seen = new int[Slot.values().length];
    for (int t = 0; t < data.trains().size(); t++) {
      for (int c = 0; c < data.x()[t].length; c++) {
        int[] g = gold(data.trains().get(t).cars().get(c));
        int[] a = net.forward(data.x()[t][c]).argmax();
        for (Slot s : Slot.values()) {
          if (g[s.ordinal()] >= 0) {
            seen[s.ordinal()]++;
            right[s.ordinal()] += g[s.ordinal()] == a[s.ordinal()] ? 1 : 0;
          }
        }
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Slot s : Slot.values()) {
      out.put(
          s.name().toLowerCase(java.util.Locale.ROOT),
          right[s.ordinal()] / (double) seen[s.ordinal()]);
    }
    return out;
  }

  /**
   * End-to-end training: full-batch Adam on the mean binary cross-entropy of the circuit's
   * probability against the train labels, plus {@code supervisedWeight} × the labelled cars' mean
   * cross-entropy. Returns the final circuit loss.
   */
  static double endToEnd(
      PerceptionNet net, TrainCircuit circuit, Encoded data, LabelledCars labelled, Config cfg) {
    boolean[] east = data.east();
    double loss = 0;
    for (int e = 0; e < cfg.e2eEpochs(); e++) {
      loss = 0;
      List<PerceptionNet.Pass> passes = new ArrayList<>();
      for (double[][] cars : data.x()) {
        for (double[] x : cars) {
          passes.add(net.forward(x));
        }
      }
      double[][] p = passes.stream().map(q -> q.p).toArray(double[][]::new);
      double[][] grad = new double[p.length][CarPerception.OUTPUTS];
      for (int t = 0; t < east.length; t++) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, circuit.probability(t, p)));
        loss -= (east[t] ? Math.log(q) : Math.log(1 - q)) / east.length;
        double dq = (east[t] ? -1 / q : 1 / (1 - q)) / east.length;
        circuit.backward(t, p, dq, grad);
      }
      for (int c = 0; c < passes.size(); c++) {
        passes.get(c).backward(grad[c]);
      }
      supervisedStep(net, labelled, cfg.supervisedWeight());
      net.step(cfg.lr());
    }
    return loss;
  }

  private static void supervisedStep(PerceptionNet net, LabelledCars labelled, double weight) {
    int n = labelled.xs().size();
    for (int i = 0; i < n; i++) {
      PerceptionNet.Pass pass = net.forward(labelled.xs().get(i));
      pass.backward(PerceptionNet.supervisedGrad(pass, labelled.golds().get(i), weight / n));
    }
  }

  /** The baseline's inputs: raw encoding + position/4, wheels/3, loads/3 per car. */
  static List<DeepSetsBaseline.Input> baselineInputs(Encoded data) {
    List<DeepSetsBaseline.Input> out = new ArrayList<>();
    for (int t = 0; t < data.trains().size(); t++) {
      List<Car> cars = data.trains().get(t).cars();
      double[][] xs = new double[cars.size()][];
      for (int c = 0; c < cars.size(); c++) {
        double[] x = java.util.Arrays.copyOf(data.x()[t][c], CarPerception.DIM + 3);
        x[CarPerception.DIM] = cars.get(c).index() / 4.0;
        x[CarPerception.DIM + 1] = cars.get(c).wheels() / 3.0;
        x[CarPerception.DIM + 2] = cars.get(c).loadNum() / 3.0;
        xs[c] = x;
      }
      out.add(new DeepSetsBaseline.Input(xs));
    }
    return out;
  }

  static double baselineAccuracy(Encoded train, Encoded test, Config cfg, long seed) {
    DeepSetsBaseline net = new DeepSetsBaseline(cfg.width(), seed);
    net.train(baselineInputs(train), train.east(), 400, cfg.lr());
    List<DeepSetsBaseline.Input> xs = baselineInputs(test);
    boolean[] east = test.east();
    int right = 0;
    for (int t = 0; t < east.length; t++) {
      right += (net.probability(xs.get(t)) > 0.5) == east[t] ? 1 : 0;
    }
    return right / (double) east.length;
  }

  /** Reads a rule of {@code example_rules/}. */
  static TrainRules rule(Path data, String name) {
    return TrainRules.read(
        data.resolve("michalski-trains").resolve("example_rules").resolve(name + "_rule.pl"));
  }
}
