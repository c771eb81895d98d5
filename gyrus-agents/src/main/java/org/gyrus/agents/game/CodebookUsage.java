package org.gyrus.agents.game;

/**
 * How much of the vocabulary a set of messages uses: the perplexity of the token distribution (exp
 * of its entropy; K when all K codes are equally used, 1 when one code is), the fraction of codes
 * used at least once, and the number of distinct whole messages.
 */
public record CodebookUsage(double perplexity, double usedFraction, int distinctMessages) {

  public static CodebookUsage of(int[][] messages, int vocab) {
    long[] count = new long[vocab];
    long total = 0;
    java.util.Set<String> distinct = new java.util.HashSet<>();
    for (int[] m : messages) {
      for (int t : m) {
        if (t < 0 || t >= vocab) {
          throw new IllegalArgumentException(
              "codebook usage: token " + t + " outside 0.." + (vocab - 1));
        }
        count[t]++;
        total++;
      }
      distinct.add(java.util.Arrays.toString(m));
    }
    double h = 0;
    int used = 0;
    for (long c : count) {
      if (c > 0) {
        used++;
        double p = (double) c / total;
        h -= p * Math.log(p);
      }
    }
    return new CodebookUsage(Math.exp(h), (double) used / vocab, distinct.size());
  }
}
