package org.gyrus.logic.ilp.trains;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gyrus.logic.datalog.Ast;
import org.gyrus.logic.ilp.Background;
import org.gyrus.logic.ilp.Facts;
import org.gyrus.logic.ilp.Learner;
import org.gyrus.logic.ilp.Task;

/**
 * The V-LoL symbolic task for one rule of {@code example_rules/}: learn from 100 generated trains
 * (50 east, 50 west, labelled by the rule, seeded), then classify 10,000 trains (the given
 * MichalskiTrains.txt for Theory X and the numerical rule, generated balanced ones otherwise) and
 * check the learned program against the rule on every one of them.
 */
public final class TrainTasks {
  /** Rules whose test set is the given file (its 8 attributes suffice for them). */
  static final Set<String> ON_GIVEN_FILE = Set.of("theoryx", "numerical");

  /**
   * One row of the bench: a rule, the number of training trains (half east, half west) and the
   * bias's {@code max_body}. The protocol row is {@code RULE} (100 trains, max_body 6); {@code
   * RULE/TRAINS/MAX_BODY} names an added row.
   */
  public record Row(String rule, int trains, int maxBody) {
    public static Row parse(String s) {
      String[] p = s.split("/");
      if (p.length != 1 && p.length != 3) {
        throw new IllegalArgumentException("row " + s + ": expected RULE or RULE/TRAINS/MAX_BODY");
      }
      return p.length == 1
          ? new Row(p[0], 100, 6)
          : new Row(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    public boolean protocol() {
      return trains == 100 && maxBody == 6;
    }

    public String key() {
      return protocol() ? rule : rule + "/" + trains + "/" + maxBody;
    }
  }

  /** One rule's outcome. */
  public record Outcome(
      Row row,
      Learner.Result learned,
      int testTrains,
      int testEast,
      int tp,
      int fn,
      int fp,
      int tn,
      String testSource,
      double fileAgreement) {
    public String rule() {
      return row.rule();
    }

    public double accuracy() {
      return (tp + tn) / (double) testTrains;
    }

    public double balancedAccuracy() {
      double tpr = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
      double tnr = tn + fp == 0 ? 1 : tn / (double) (tn + fp);
      return (tpr + tnr) / 2;
    }

    public boolean equivalent() {
      return fn == 0 && fp == 0;
    }
  }

  private TrainTasks() {}

  /** Draws trains until {@code east} eastbound and {@code west} westbound ones are found. */
  public static List<Train> balanced(TrainRules rule, long seed, int east, int west) {
    TrainGenerator gen = new TrainGenerator(seed);
    List<Train> e = new ArrayList<>();
    List<Train> w = new ArrayList<>();
    for (int round = 0; (e.size() < east || w.size() < west) && round < 1000; round++) {
      List<Train> batch = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        batch.add(gen.next());
      }
      boolean[] lab = rule.label(batch);
      for (int i = 0; i < batch.size(); i++) {
        List<Train> into = lab[i] ? e : w;
        if (into.size() < (lab[i] ? east : west)) {
          into.add(batch.get(i).withDirection(lab[i] ? "east" : "west"));
        }
      }
    }
    if (e.size() < east || w.size() < west) {
      throw new IllegalStateException(rule.name() + ": the generator rarely gives both labels");
    }
    // interleave so that train ids do not give the label away by position
    List<Train> out = new ArrayList<>();
    for (int i = 0; i < Math.max(east, west); i++) {
      if (i < east) {
        out.add(e.get(i));
      }
      if (i < west) {
        out.add(w.get(i));
      }
    }
    return out;
  }

  /** Writes a Popper task directory (bias.pl, bk.pl, exs.pl) for labelled trains. */
  public static void writePopper(Path dir, List<Train> trains) throws IOException {
    writePopper(dir, trains, TrainFacts.BIAS);
  }

  /** As {@link #writePopper(Path, List)} with the given bias text. */
  public static void writePopper(Path dir, List<Train> trains, String bias) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("bias.pl"), bias, StandardCharsets.UTF_8);
    Facts bk = TrainFacts.forLearning(trains, "r");
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<Object>> f : bk.all()) {
      sb.append(f.getKey()).append('(');
      for (int i = 0; i < f.getValue().size(); i++) {
        sb.append(i == 0 ? "" : ",").append(Ast.show(f.getValue().get(i)));
      }
      sb.append(").\n");
    }
    Files.writeString(dir.resolve("bk.pl"), sb, StandardCharsets.UTF_8);
    StringBuilder ex = new StringBuilder();
    for (int i = 0; i < trains.size(); i++) {
      boolean east = "east".equals(trains.get(i).direction());
      ex.append(east ? "pos" : "neg")
          .append("(eastbound(")
          .append(TrainFacts.trainId("r", i))
          .append(")).\n");
    }
    Files.writeString(dir.resolve("exs.pl"), ex, StandardCharsets.UTF_8);
  }

  /** Runs one rule end to end; {@code work} receives its Popper task directory. */
  public static Outcome run(Path data, Row row, Path work, long seed, Learner.Options opts)
      throws IOException {
    String ruleName = row.rule();
    Path trainsDir = data.resolve("michalski-trains");
    TrainRules rule =
        TrainRules.read(trainsDir.resolve("example_rules").resolve(ruleName + "_rule.pl"));
    Path taskDir = work.resolve(row.key().replace('/', '_'));
    writePopper(
        taskDir,
        balanced(rule, seed, row.trains() / 2, row.trains() - row.trains() / 2),
        TrainFacts.bias(row.maxBody()));
    Task task = Task.readPopper(taskDir);
    Learner.Result learned = Learner.learn(task, opts);

    List<Train> test;
    String source;
    double agreement = Double.NaN;
    boolean[] truth;
    if (ON_GIVEN_FILE.contains(ruleName)) {
      test = MichalskiTrains.read(trainsDir.resolve("MichalskiTrains.txt"));
      source = "MichalskiTrains.txt";
      truth = rule.label(test);
      int same = 0;
      for (int i = 0; i < test.size(); i++) {
        same += truth[i] == "east".equals(test.get(i).direction()) ? 1 : 0;
      }
      agreement = same / (double) test.size(); // the file's own labels are Theory X's
    } else {
      test = balanced(rule, seed + 1_000_003L, 5000, 5000);
      source = "generated (seed " + (seed + 1_000_003L) + ", 5000 east / 5000 west)";
      truth = rule.label(test);
    }
    Facts testFacts = TrainFacts.forLearning(test, "t");
    Set<List<Object>> predicted =
        Learner.covered(task.bias(), Background.asRules(testFacts), learned.program());
    int tp = 0;
    int fn = 0;
    int fp = 0;
    int tn = 0;
    int east = 0;
    for (int i = 0; i < test.size(); i++) {
      boolean p = predicted.contains(List.of(TrainFacts.trainId("t", i)));
      east += truth[i] ? 1 : 0;
      if (truth[i]) {
        tp += p ? 1 : 0;
        fn += p ? 0 : 1;
      } else {
        fp += p ? 1 : 0;
        tn += p ? 0 : 1;
      }
    }
    return new Outcome(row, learned, test.size(), east, tp, fn, fp, tn, source, agreement);
  }

  /** One JSON object per outcome, for the bench's JSONL file. */
  public static String json(Outcome o, String command) {
    Learner.Result r = o.learned();
    return String.format(
        Locale.ROOT,
        "{\"row\": %s, \"rule\": %s, \"trains\": %d, \"max_body\": %d, \"status\": %s, \"program\": %s, \"train_accuracy\": %.4f,"
            + " \"learn_seconds\": %.3f, \"learn_cpu_seconds\": %.3f, \"clauses_tested\": %d,"
            + " \"test_trains\": %d,"
            + " \"test_east\": %d, \"tp\": %d, \"fn\": %d, \"fp\": %d, \"tn\": %d,"
            + " \"accuracy\": %.6f, \"balanced_accuracy\": %.6f, \"equivalent\": %b,"
            + " \"test_source\": %s, \"file_label_agreement\": %s, \"command\": %s}",
        q(o.row().key()),
        q(o.rule()),
        o.row().trains(),
        o.row().maxBody(),
        q(r.status().toString()),
        q(r.programText().strip()),
        r.accuracy(),
        r.seconds(),
        r.cpuSeconds(),
        r.tested(),
        o.testTrains(),
        o.testEast(),
        o.tp(),
        o.fn(),
        o.fp(),
        o.tn(),
        o.accuracy(),
        o.balancedAccuracy(),
        o.equivalent(),
        q(o.testSource()),
        Double.isNaN(o.fileAgreement())
            ? "null"
            : String.format(Locale.ROOT, "%.6f", o.fileAgreement()),
        q(command));
  }

  private static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /**
   * {@code TrainTasks DATA WORK OUT.jsonl SEED TIMEOUT ROW...}: runs each row ({@link Row}) not yet
   * in OUT.jsonl and appends its outcome (resumable).
   */
  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    Path work = Path.of(args[1]);
    Path out = Path.of(args[2]);
    long seed = Long.parseLong(args[3]);
    double timeout = Double.parseDouble(args[4]);
    String done = Files.exists(out) ? Files.readString(out) : "";
    for (int i = 5; i < args.length; i++) {
      Row row = Row.parse(args[i]);
      String key = row.key();
      if (done.contains("\"row\": \"" + key + "\"")) {
        System.out.println(key + ": already in " + out);
        continue;
      }
      Outcome o = run(data, row, work, seed, new Learner.Options(timeout, false));
      System.out.printf(
          Locale.ROOT,
          "%s: %s in %.1f s (%.1f s CPU); test accuracy %.4f, balanced %.4f, equivalent on %d: %b%n%s",
          key,
          o.learned().status(),
          o.learned().seconds(),
          o.learned().cpuSeconds(),
          o.accuracy(),
          o.balancedAccuracy(),
          o.testTrains(),
          o.equivalent(),
          o.learned().programText());
      String cmd = System.getProperty("bench.command", "TrainTasks");
      Files.writeString(
          out,
          json(o, cmd) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }
}
