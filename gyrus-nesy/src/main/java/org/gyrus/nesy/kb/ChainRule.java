package org.gyrus.nesy.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A closed chain rule {@code head(X, Y) :- b1(X, A), b2(A, B), b3(B, Y)} (each body step may run
 * against its relation), with AMIE's statistics measured on the graph it was mined from, under
 * object identity (all variables bind distinct entities).
 *
 * @param support distinct (x, y) with the body and the head fact
 * @param bodySize distinct (x, y) with the body
 * @param pcaBodySize distinct (x, y) with the body where x has some head fact (PCA denominator)
 * @param headSize number of head facts (head coverage = support / headSize)
 */
public record ChainRule(
    int head, List<Step> body, int support, int bodySize, int pcaBodySize, int headSize) {

  /** One body atom: the relation and whether it is read from object to subject. */
  public record Step(int relation, boolean inverse) {}

  public double confidence() {
    return bodySize == 0 ? 0 : (double) support / bodySize;
  }

  public double pcaConfidence() {
    return pcaBodySize == 0 ? 0 : (double) support / pcaBodySize;
  }

  public double headCoverage() {
    return headSize == 0 ? 0 : (double) support / headSize;
  }

  /** Variable names along the chain: X, A, B, ..., Y. */
  static List<String> variables(int length) {
    List<String> v = new ArrayList<>();
    v.add("X");
    for (int i = 1; i < length; i++) {
      v.add(String.valueOf((char) ('A' + i - 1)));
    }
    v.add("Y");
    return v;
  }

  /** The rule in Datalog syntax with the graph's relation names. */
  public String show(KnowledgeGraph g) {
    List<String> v = variables(body.size());
    StringBuilder sb = new StringBuilder(g.relationName(head)).append("(X, Y) :- ");
    for (int i = 0; i < body.size(); i++) {
      Step s = body.get(i);
      String a = v.get(i);
      String b = v.get(i + 1);
      sb.append(i == 0 ? "" : ", ")
          .append(g.relationName(s.relation()))
          .append('(')
          .append(s.inverse() ? b : a)
          .append(", ")
          .append(s.inverse() ? a : b)
          .append(')');
    }
    return sb.append('.').toString();
  }

  /** The rule with its statistics, one line. */
  public String describe(KnowledgeGraph g) {
    return String.format(
        Locale.ROOT,
        "%s  %% support %d, head coverage %.3f, confidence %.3f, PCA confidence %.3f",
        show(g),
        support,
        headCoverage(),
        confidence(),
        pcaConfidence());
  }
}
