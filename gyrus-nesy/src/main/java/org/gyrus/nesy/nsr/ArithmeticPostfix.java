package org.gyrus.nesy.nsr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A second compositional task, unlike SCAN in shape: spelled-out arithmetic to postfix, e.g. {@code
 * three minus one times four} to {@code 3 1 4 * -} (times binds tighter, operators associate to the
 * left, so outputs reorder operators after their operands). Train on expressions with at most
 * {@code trainOps} operators, test on longer ones; written as line-aligned source/target files.
 */
public final class ArithmeticPostfix {
  static final String[] DIGITS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
  };
  static final String[] OPS = {"plus", "minus", "times"};
  static final String[] SYMBOLS = {"+", "-", "*"};

  private ArithmeticPostfix() {}

  /** One random expression with {@code ops} operators: (input words, postfix output). */
  static SeqPair expression(Random rnd, int ops) {
    List<String> words = new ArrayList<>();
    List<Integer> operands = new ArrayList<>();
    List<Integer> operators = new ArrayList<>();
    for (int i = 0; i <= ops; i++) {
      int d = rnd.nextInt(10);
      operands.add(d);
      words.add(DIGITS[d]);
      if (i < ops) {
        int o = rnd.nextInt(3);
        operators.add(o);
        words.add(OPS[o]);
      }
    }
    return new SeqPair(words, postfix(operands, operators), "generated");
  }

  /** Shunting-yard with times above plus/minus, all left-associative. */
  static List<String> postfix(List<Integer> operands, List<Integer> operators) {
    List<String> out = new ArrayList<>();
    List<Integer> stack = new ArrayList<>();
    out.add(String.valueOf(operands.get(0)));
    for (int i = 0; i < operators.size(); i++) {
      int o = operators.get(i);
      while (!stack.isEmpty() && precedence(stack.get(stack.size() - 1)) >= precedence(o)) {
        out.add(SYMBOLS[stack.remove(stack.size() - 1)]);
      }
      stack.add(o);
      out.add(String.valueOf(operands.get(i + 1)));
    }
    for (int i = stack.size() - 1; i >= 0; i--) {
      out.add(SYMBOLS[stack.get(i)]);
    }
    return out;
  }

  private static int precedence(int op) {
    return op == 2 ? 2 : 1;
  }

  /** Distinct examples: every digit alone, then random ones with 1..maxOps (at least minOps). */
  static List<SeqPair> sample(Random rnd, int count, int minOps, int maxOps, Set<String> avoid) {
    Set<String> seen = new LinkedHashSet<>(avoid);
    List<SeqPair> out = new ArrayList<>();
    if (minOps == 0) {
      for (String d : DIGITS) {
        out.add(new SeqPair(List.of(d), List.of(String.valueOf(List.of(DIGITS).indexOf(d))), ""));
        seen.add(d);
      }
    }
    int tries = 0;
    while (out.size() < count && tries++ < 100 * count) {
      SeqPair p =
          expression(rnd, Math.max(1, minOps) + rnd.nextInt(maxOps - Math.max(1, minOps) + 1));
      if (seen.add(String.join(" ", p.input()))) {
        out.add(p);
      }
    }
    return out;
  }

  /** Writes train.src/.tgt (≤ trainOps operators) and test.src/.tgt (longer) under dir. */
  public static void write(
      Path dir, long seed, int trainCount, int testCount, int trainOps, int testOps)
      throws IOException {
    Random rnd = new Random(seed);
    List<SeqPair> train = sample(rnd, trainCount, 0, trainOps, Set.of());
    List<SeqPair> test = sample(rnd, testCount, trainOps + 1, testOps, Set.of());
    Files.createDirectories(dir);
    writeAligned(dir.resolve("train"), train);
    writeAligned(dir.resolve("test"), test);
  }

  private static void writeAligned(Path stem, List<SeqPair> pairs) throws IOException {
    List<String> src = new ArrayList<>();
    List<String> tgt = new ArrayList<>();
    for (SeqPair p : pairs) {
      src.add(String.join(" ", p.input()));
      tgt.add(String.join(" ", p.output()));
    }
    Files.write(Path.of(stem + ".src"), src, StandardCharsets.UTF_8);
    Files.write(Path.of(stem + ".tgt"), tgt, StandardCharsets.UTF_8);
  }
}
