package org.gyrus.nesy.trains;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.gyrus.logic.ilp.trains.Train;
import org.gyrus.logic.ilp.trains.TrainRules;
import org.gyrus.logic.ilp.trains.TrainTasks;
import org.gyrus.nesy.trains.PerceptionPipeline.Config;
import org.gyrus.nesy.trains.PerceptionPipeline.Encoded;
import org.gyrus.nesy.trains.PerceptionPipeline.Learned;

/**
 * One rule × seed of the perception experiment, as a JSON line (see {@link PerceptionPipeline}).
 */
public final class PerceptionRun {
  private PerceptionRun() {}

  /** Runs everything for one rule and seed; {@code work} receives the Popper task directories. */
  public static String run(Path data, String ruleName, long seed, Config cfg, Path work)
      throws IOException {
    TrainRules rule = PerceptionPipeline.rule(data, ruleName);
    List<Train> trainTrains = TrainTasks.balanced(rule, seed, 50, 50);
    List<Train> testTrains =
        TrainTasks.balanced(rule, seed + 1_000_003L, cfg.testTrains() / 2, cfg.testTrains() / 2);
    Encoded train = Encoded.of(trainTrains, cfg.sigma(), new SplittableRandom(seed * 31 + 1));
    Encoded test = Encoded.of(testTrains, cfg.sigma(), new SplittableRandom(seed * 31 + 2));
    PerceptionPipeline.LabelledCars labelled =
        PerceptionPipeline.LabelledCars.of(
            PerceptionPipeline.labelledCars(cfg.labelledCars(), seed + 2_000_003L, cfg.sigma()),
            java.util.Set.of());
    Json j = new Json();
    j.str("rule", ruleName).num("seed", seed).num("labelled_cars", cfg.labelledCars());
    j.num("sigma", cfg.sigma()).num("test_trains", testTrains.size());

    long t0 = System.nanoTime();
    Learned gold =
        PerceptionPipeline.learn(trainTrains, work.resolve("gold"), cfg.learnTimeout(), false);
    j.str("symbolic_status", gold.result().status().toString());
    j.str("symbolic_program", gold.result().programText().strip());
    j.num("symbolic_learn_s", gold.result().seconds());
    j.num("symbolic_accuracy", PerceptionPipeline.symbolicAccuracy(gold, testTrains, test.east()));

    PerceptionNet net = PerceptionPipeline.pretrain(labelled, cfg, seed);
    j.map("perception_before", PerceptionPipeline.perceptionAccuracy(net, test));
    List<Map<String, Object>> rounds = new ArrayList<>();
    Learned learned = null;
    for (int r = 1; r <= cfg.rounds(); r++) {
      learned = round(r, net, train, test, labelled, cfg, work, rounds);
    }
    j.list("rounds", rounds);
    j.map("perception_after", PerceptionPipeline.perceptionAccuracy(net, test));
    j.num(
        "pipeline_accuracy_circuit",
        (Double) rounds.get(rounds.size() - 1).get("test_accuracy_circuit_after"));
    j.num(
        "pipeline_accuracy_argmax",
        PerceptionPipeline.symbolicAccuracy(
            learned, PerceptionPipeline.perceived(net, test), test.east()));
    long t1 = System.nanoTime();
    j.num("neural_accuracy", PerceptionPipeline.baselineAccuracy(train, test, cfg, seed));
    j.num("neural_train_s", (System.nanoTime() - t1) / 1e9);
    j.num("total_s", (System.nanoTime() - t0) / 1e9);
    return j.close();
  }

  /** One learn → compile → end-to-end round; its record is added to {@code out}. */
  private static Learned round(
      int r,
      PerceptionNet net,
      Encoded train,
      Encoded test,
      PerceptionPipeline.LabelledCars labelled,
      Config cfg,
      Path work,
      List<Map<String, Object>> out)
      throws IOException {
    List<Train> seen = PerceptionPipeline.perceived(net, train);
    Learned l = PerceptionPipeline.learn(seen, work.resolve("round" + r), cfg.learnTimeout(), true);
    Map<String, Object> rec = new java.util.LinkedHashMap<>();
    rec.put("round", r);
    rec.put("status", l.result().status().toString());
    rec.put("program", l.result().programText().strip());
    rec.put("learn_s", l.result().seconds());
    rec.put("train_accuracy_perceived", l.result().accuracy());
    List<TrainCircuit> testCircuit = PerceptionPipeline.compileChunks(l.program(), test);
    rec.put(
        "test_accuracy_circuit_before", PerceptionPipeline.circuitAccuracy(testCircuit, net, test));
    long t = System.nanoTime();
    TrainCircuit circuit = TrainCircuit.compile(l.program(), train.trains());
    rec.put("e2e_loss", PerceptionPipeline.endToEnd(net, circuit, train, labelled, cfg));
    rec.put("e2e_s", (System.nanoTime() - t) / 1e9);
    rec.put(
        "test_accuracy_circuit_after", PerceptionPipeline.circuitAccuracy(testCircuit, net, test));
    out.add(rec);
    return l;
  }

  /**
   * Runs each seed of a rule, skipping those already in {@code out} (a JSONL file, or null) and
   * appending each finished one there; returns the lines of the seeds it ran.
   */
  public static List<String> runAll(
      Path data, Path work, Path out, String rule, List<Long> seeds, Config cfg)
      throws IOException {
    String done = out != null && Files.exists(out) ? Files.readString(out) : "";
    List<String> lines = new ArrayList<>();
    for (long seed : seeds) {
      if (done.contains("{\"rule\": \"" + rule + "\", \"seed\": " + seed + ",")) {
        System.err.println(rule + " seed " + seed + ": already in " + out);
        continue;
      }
      String line = run(data, rule, seed, cfg, work.resolve(rule + "_" + seed));
      lines.add(line);
      if (out != null) {
        Files.writeString(
            out,
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    }
    return lines;
  }

  /**
   * {@code PerceptionRun DATA WORK OUT.jsonl RULE SEED...} (the bench's entry; {@code gyrus
   * learn-trains-perception} is the user's). Settings from system properties {@code
   * perception.labelled}, {@code .sigma}, {@code .pretrain}, {@code .e2e}, {@code .timeout}, {@code
   * .rounds}, {@code .test}; the defaults otherwise.
   */
  public static void main(String[] args) throws IOException {
    Config d = Config.defaults();
    Config cfg =
        new Config(
            Integer.getInteger("perception.labelled", d.labelledCars()),
            Double.parseDouble(System.getProperty("perception.sigma", "" + d.sigma())),
            d.width(),
            Integer.getInteger("perception.pretrain", d.pretrainEpochs()),
            Integer.getInteger("perception.e2e", d.e2eEpochs()),
            d.lr(),
            d.supervisedWeight(),
            Double.parseDouble(System.getProperty("perception.timeout", "" + d.learnTimeout())),
            Integer.getInteger("perception.rounds", d.rounds()),
            Integer.getInteger("perception.test", d.testTrains()));
    List<Long> seeds = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      seeds.add(Long.parseLong(args[i]));
    }
    runAll(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), args[3], seeds, cfg)
        .forEach(System.out::println);
  }

  /** A flat JSON object writer (numbers, strings, maps of numbers, lists of records). */
  static final class Json {
    private final StringBuilder sb = new StringBuilder("{");

    Json str(String k, String v) {
      return raw(k, quote(v));
    }

    Json num(String k, double v) {
      return raw(
          k,
          v == Math.rint(v) && Math.abs(v) < 1e15
              ? "" + (long) v
              : String.format(Locale.ROOT, "%.6f", v));
    }

    Json map(String k, Map<String, ?> m) {
      return raw(k, value(m));
    }

    Json list(String k, List<? extends Map<String, ?>> l) {
      return raw(k, "[" + String.join(", ", l.stream().map(Json::value).toList()) + "]");
    }

    private Json raw(String k, String v) {
      sb.append(sb.length() == 1 ? "" : ", ").append(quote(k)).append(": ").append(v);
      return this;
    }

    static String value(Object o) {
      if (o instanceof Map<?, ?> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(quote(k.toString()) + ": " + value(v)));
        return "{" + String.join(", ", parts) + "}";
      }
      if (o instanceof Double d) {
        return String.format(Locale.ROOT, "%.6f", d);
      }
      if (o instanceof Number n) {
        return n.toString();
      }
      return quote(String.valueOf(o));
    }

    static String quote(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    String close() {
      return sb.append('}').toString();
    }
  }
}
