package org.gyrus.nesy.nsr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Register;

/**
 * A neural-symbolic recursive machine (NSR, Li et al. 2024) for token sequence to token sequence
 * tasks, with nothing specific to one data set. Symbols are the input words (perception is the
 * identity); the parser is a chart dependency parser scored by learned arc statistics ({@link
 * Arcs}); each word's semantics is a program in a small sequence DSL ({@link Program}) induced from
 * examples. Training is deduction–abduction over a curriculum by length: deduce the best tree that
 * explains an example under the current programs; when a word is new, or no tree explains the
 * example, abduce the cheapest program for one word that explains it while keeping every earlier
 * example that word was abduced from explained; learn the arcs from the explanations.
 */
public final class NsrLearner implements SeqLearner {
  /** Search bounds: the largest arity, program cost and sentence length abduction works on. */
  public record Config(int maxArity, int maxCost, int abductionLength, int passes) {
    public static Config defaults() {
      return new Config(3, 12, 6, 6);
    }

    public Config {
      if (maxArity < 1 || maxCost < 1 || abductionLength < 1 || passes < 1) {
        throw new IllegalArgumentException("NSR bounds must be positive: " + this);
      }
    }
  }

  /** What training found: explained examples, abductions, revisions, passes. */
  public record TrainReport(
      int examples, int explained, int abductions, int revisions, int passes) {}

  private record Ex(int[] in, int[] out) {}

  private final Config config;
  private final Lexicon lex = new Lexicon();
  private Arcs arcs = new Arcs();
  private final Map<Integer, List<Integer>> evidence = new HashMap<>();
  private List<Ex> data = List.of();
  private int abductions;
  private int abductionLimit;
  private int revisions;

  private final long seed;

  public NsrLearner(Config config) {
    this(config, 0);
  }

  NsrLearner(Config config, long seed) {
    this.config = config;
    this.seed = seed;
  }

  /** The registered learner {@code nsr}. */
  @Register
  public static final class Factory implements SeqLearner.Factory {
    @Override
    public NodeType type() {
      Config d = Config.defaults();
      return NodeType.of(
          "nsr",
          "neural-symbolic recursive machine: chart dependency parser with learned arcs, word"
              + " programs induced in a sequence DSL, deduction-abduction over a length curriculum",
          ArgSpec.optional("max_arity", Kind.INT, d.maxArity())
              .range(1, 6)
              .doc("largest number of dependents a word takes"),
          ArgSpec.optional("max_cost", Kind.INT, d.maxCost())
              .range(1, 40)
              .doc("largest program cost (constant 2, argument or application 1)"),
          ArgSpec.optional("abduction_length", Kind.INT, d.abductionLength())
              .range(1, 12)
              .doc("longest input abduced from at first (grows by 2, up to +4, when stuck)"),
          ArgSpec.optional("passes", Kind.INT, d.passes())
              .range(1, 100)
              .doc("passes over the training data at most"));
    }

    @Override
    public SeqLearner create(Args a, long seed) {
      return new NsrLearner(
          new Config(
              a.smallInt("max_arity"),
              a.smallInt("max_cost"),
              a.smallInt("abduction_length"),
              a.smallInt("passes")),
          seed);
    }
  }

  @Override
  public String learn(List<SeqPair> pairs) {
    TrainReport r = train(pairs, seed);
    return String.format(
        java.util.Locale.ROOT,
        "train explained %d/%d (abductions %d, revisions %d, passes %d)",
        r.explained(),
        r.examples(),
        r.abductions(),
        r.revisions(),
        r.passes());
  }

  /**
   * Learns from the pairs; {@code seed} shuffles them before the curriculum's stable sort, so it
   * only changes the order within a length (the search itself is deterministic).
   */
  public TrainReport train(List<SeqPair> pairs, long seed) {
    List<SeqPair> shuffled = new ArrayList<>(pairs);
    java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
    data = curriculum(shuffled);
    boolean[] explained = new boolean[data.size()];
    int pass = 0;
    int done = 0;
    abductionLimit = config.abductionLength();
    while (pass < config.passes()) {
      pass++;
      boolean progress = false;
      for (int i = 0; i < data.size(); i++) {
        if (!explained[i] && tryExplain(i)) {
          explained[i] = true;
          progress = true;
        }
      }
      done = recount(explained);
      if (done == data.size()) {
        break;
      }
      if (!progress) {
        // stuck: words seen only in longer inputs need abduction over longer inputs
        if (abductionLimit >= config.abductionLength() + 4) {
          break;
        }
        abductionLimit += 2;
      }
    }
    return new TrainReport(data.size(), done, abductions, revisions, pass);
  }

  /** Distinct inputs, shortest first (then shortest output): the curriculum. */
  private List<Ex> curriculum(List<SeqPair> pairs) {
    Map<String, Ex> byInput = new LinkedHashMap<>();
    for (SeqPair p : pairs) {
      String key = String.join(" ", p.input());
      Ex e = new Ex(lex.encodeInput(p.input(), true), lex.encodeOutput(p.output()));
      Ex old = byInput.putIfAbsent(key, e);
      if (old != null && !Arrays.equals(old.out(), e.out())) {
        throw new org.gyrus.core.SpecError(
            p.source(), "input '" + key + "' appears earlier with a different output");
      }
    }
    List<Ex> out = new ArrayList<>(byInput.values());
    out.sort(Comparator.<Ex>comparingInt(e -> e.in().length).thenComparingInt(e -> e.out().length));
    return out;
  }

  private boolean tryExplain(int idx) {
    Ex ex = data.get(idx);
    Set<Integer> unknown = new HashSet<>();
    for (int w : ex.in()) {
      if (lex.get(w) == null) {
        unknown.add(w);
      }
    }
    if (unknown.isEmpty()) {
      Tree t = Chart.explain(ex.in(), lex, arcs, ex.out());
      if (t != null) {
        arcs.add(t, ex.in(), lex);
        return true;
      }
      return ex.in().length <= abductionLimit && revise(idx);
    }
    if (unknown.size() != 1 || ex.in().length > abductionLimit) {
      return false;
    }
    int w = unknown.iterator().next();
    int at = onlyPosition(ex.in(), w);
    return at >= 0 && adopt(w, idx, at, null);
  }

  /**
   * No tree explains the example: revise the one word whose cheapest consistent change is least.
   */
  private boolean revise(int idx) {
    Ex ex = data.get(idx);
    int bestWord = -1;
    Program best = null;
    for (int w : new HashSet<>(toList(ex.in()))) {
      int at = onlyPosition(ex.in(), w);
      if (at < 0) {
        continue;
      }
      Program p = consistent(w, idx, at, lex.get(w));
      if (p != null && (best == null || p.cost() < best.cost())) {
        best = p;
        bestWord = w;
      }
    }
    if (best == null) {
      return false;
    }
    revisions++;
    return adopt(bestWord, idx, onlyPosition(ex.in(), bestWord), best);
  }

  /** Gives word {@code w} a program (the cheapest consistent one when null) from example idx. */
  private boolean adopt(int w, int idx, int at, Program chosen) {
    Program p = chosen != null ? chosen : consistent(w, idx, at, null);
    if (p == null) {
      return false;
    }
    if (chosen == null) {
      abductions++;
    }
    lex.meaning.put(w, p);
    evidence.computeIfAbsent(w, k -> new ArrayList<>()).add(idx);
    Ex ex = data.get(idx);
    Tree t = Chart.explain(ex.in(), lex, arcs, ex.out());
    if (t != null) {
      arcs.add(t, ex.in(), lex);
    }
    return t != null;
  }

  /** The cheapest program for w that explains example idx and every example w was taken from. */
  private Program consistent(int w, int idx, int at, Program current) {
    Ex ex = data.get(idx);
    List<Program> cands =
        Abduction.candidates(ex.in(), at, ex.out(), lex, config.maxArity(), config.maxCost());
    Lexicon l = lex.copyWith(w, null); // one scratch copy; w's entry is each candidate in turn
    for (Program p : cands) {
      if (current != null && p.sameAs(current)) {
        continue;
      }
      l.meaning.put(w, p);
      boolean ok = true;
      for (int e : evidence.getOrDefault(w, List.of())) {
        if (Chart.explain(data.get(e).in(), l, arcs, data.get(e).out()) == null) {
          ok = false;
          break;
        }
      }
      if (ok) {
        return p;
      }
    }
    return null;
  }

  /** Re-explains every example under the final programs and relearns the arcs from them. */
  private int recount(boolean[] explained) {
    Arcs fresh = new Arcs();
    int n = 0;
    for (int i = 0; i < data.size(); i++) {
      Ex ex = data.get(i);
      Tree t = Chart.explain(ex.in(), lex, arcs, ex.out());
      explained[i] = t != null;
      if (t != null) {
        fresh.add(t, ex.in(), lex);
        n++;
      }
    }
    arcs = fresh;
    return n;
  }

  /** The output for an input: parse with the learned parser, then run the programs. */
  @Override
  public List<String> predict(List<String> input) {
    int[] in = lex.encodeInput(input, false);
    Tree t = Chart.parse(in, lex, arcs);
    Val v = t == null ? null : t.eval(in, lex);
    return v == null || v.isClosure() ? List.of() : lex.decode(v.seq);
  }

  /** The parser's tree for an input, bracketed, or null when it has none. */
  @Override
  public String parse(List<String> input) {
    int[] in = lex.encodeInput(input, false);
    Tree t = Chart.parse(in, lex, arcs);
    return t == null ? null : t.show(input);
  }

  /** The learned lexicon, one word per line: {@code word: program}. */
  @Override
  public Map<String, String> programs() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int w = 0; w < lex.words.size(); w++) {
      Program p = lex.get(w);
      out.put(lex.words.get(w), p == null ? "?" : p.show(lex.tokens));
    }
    return out;
  }

  private static int onlyPosition(int[] words, int w) {
    int at = -1;
    for (int i = 0; i < words.length; i++) {
      if (words[i] == w) {
        if (at >= 0) {
          return -1;
        }
        at = i;
      }
    }
    return at;
  }

  private static List<Integer> toList(int[] a) {
    List<Integer> l = new ArrayList<>();
    for (int x : a) {
      l.add(x);
    }
    return l;
  }
}
