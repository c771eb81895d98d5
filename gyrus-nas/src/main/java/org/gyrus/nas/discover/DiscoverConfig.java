package org.gyrus.nas.discover;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.data.Mqar;

/**
 * A discovery run's file: {@code _type: discover}, the MQAR task, the width and training budget
 * every candidate gets, the seeds and the proposer's knobs. Read and checked before anything runs;
 * errors name the file and the key.
 */
public record DiscoverConfig(
    Value source,
    String study,
    long seed,
    Engineer.Budget budget,
    double maxParamsRatio,
    List<String> seedNames,
    List<Value> seeds,
    int proposals,
    double exploration,
    double temperature,
    int candidates) {

  static final NodeType TYPE =
      NodeType.of(
          "discover",
          "an unattended discovery run: propose token mixers, train them on MQAR, analyse, remember",
          ArgSpec.optional("study", Kind.STR, "discover").doc("study name"),
          ArgSpec.optional("seed", Kind.INT, 0),
          ArgSpec.optional("vocab", Kind.INT, 256).range(8, 1 << 20).doc("MQAR vocabulary"),
          ArgSpec.optional("length", Kind.INT, 128).range(6, 1 << 16).doc("MQAR sequence length"),
          ArgSpec.optional("pairs", Kind.INT, 8).range(1, 1 << 14).doc("key-value pairs"),
          ArgSpec.optional("dim", Kind.INT, 64).range(2, 4096).doc("model width D"),
          ArgSpec.optional("steps", Kind.INT, 600)
              .range(1, 10_000_000)
              .doc("Adam steps per candidate"),
          ArgSpec.optional("batch", Kind.INT, 32).range(1, 65536),
          ArgSpec.optional("lr", Kind.FLOAT, 3e-3).range(1e-7, 10),
          ArgSpec.optional("eval_sequences", Kind.INT, 256).range(1, 1_000_000),
          ArgSpec.optional("train_seeds", Kind.INT, 1)
              .range(1, 64)
              .doc("trainings per candidate; its score is their mean accuracy"),
          ArgSpec.optional("max_params_ratio", Kind.FLOAT, 1.25)
              .range(0.01, 1000)
              .doc("mixer parameter budget, × the largest seed's"),
          ArgSpec.optional("seeds", Kind.LIST, List.of("softmax", "linear", "gated_conv"))
              .doc("seed names (softmax, linear, gated_conv) or mixer programs"),
          ArgSpec.optional("proposals", Kind.INT, 8).range(1, 1000).doc("options per proposal"),
          ArgSpec.optional("exploration", Kind.FLOAT, 0.1).range(0, 1).doc("fresh-program rate"),
          ArgSpec.optional("temperature", Kind.FLOAT, 0.02).range(1e-6, 100),
          ArgSpec.optional("candidates", Kind.INT, 1_000_000)
              .range(1, 100_000_000)
              .doc("stop after this many candidates in the study"));

  /** Reads and checks a config file. */
  public static DiscoverConfig read(Path file) {
    try {
      return of(SpecCodec.read(file));
    } catch (SpecError e) {
      throw e.path().startsWith(file.toString()) ? e : e.inFile(file.toString());
    }
  }

  public static DiscoverConfig of(Value v) {
    if (!(v instanceof Node n)) {
      throw new SpecError("", "a node with _type: discover", String.valueOf(v));
    }
    Args a = TYPE.check(n, "");
    Mqar task;
    try {
      task = new Mqar(a.smallInt("vocab"), a.smallInt("length"), a.smallInt("pairs"));
    } catch (IllegalArgumentException e) {
      throw new SpecError("pairs", e.getMessage());
    }
    int dim = a.smallInt("dim");
    List<String> names = new ArrayList<>();
    List<Value> seeds = new ArrayList<>();
    List<Value> given = a.list("seeds");
    for (int i = 0; i < given.size(); i++) {
      Value s = given.get(i);
      if (s instanceof Value.StrVal name) {
        if (!List.of("softmax", "linear", "gated_conv").contains(name.value())) {
          throw new SpecError(
              "seeds[" + i + "]",
              "softmax, linear, gated_conv or a program",
              "'" + name.value() + "'");
        }
        names.add(name.value());
        seeds.add(Grammar.seed(name.value(), dim));
      } else {
        names.add("seed" + i);
        seeds.add(s);
      }
    }
    if (seeds.isEmpty()) {
      throw new SpecError("seeds", "at least one seed", "an empty list");
    }
    Engineer.Budget provisional =
        new Engineer.Budget(
            task,
            dim,
            a.smallInt("steps"),
            a.smallInt("batch"),
            a.number("lr"),
            a.smallInt("eval_sequences"),
            Long.MAX_VALUE);
    Engineer probe = new Engineer(provisional);
    long largest = 0;
    for (int i = 0; i < seeds.size(); i++) {
      try {
        largest = Math.max(largest, probe.mixerParams(seeds.get(i)));
      } catch (SpecError e) {
        throw e.under("seeds[" + i + "]");
      }
    }
    double ratio = a.number("max_params_ratio");
    Engineer.Budget budget =
        new Engineer.Budget(
            task,
            dim,
            provisional.steps(),
            provisional.batch(),
            provisional.lr(),
            provisional.evalSequences(),
            (long) Math.floor(largest * ratio),
            a.smallInt("train_seeds"));
    return new DiscoverConfig(
        v,
        a.string("study"),
        a.integer("seed"),
        budget,
        ratio,
        names,
        seeds,
        a.smallInt("proposals"),
        a.number("exploration"),
        a.number("temperature"),
        a.smallInt("candidates"));
  }

  /** The proposer, told the parameter budget (what the engineer would refuse as over it). */
  public MotifProposer proposer() {
    Engineer engineer = new Engineer(budget);
    return new MotifProposer(
        new Grammar(budget.dim()),
        seedNames,
        seeds,
        proposals,
        exploration,
        temperature,
        program -> {
          try {
            engineer.check(program);
            return true;
          } catch (CandidateFailure f) {
            return !f.stage().equals("budget"); // a compile failure is the engineer's to record
          }
        });
  }
}
