package org.gyrus.logic.fol.proofwriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gyrus.core.SpecError;
import org.gyrus.logic.fol.Formula;
import org.gyrus.logic.fol.Formulas;
import org.gyrus.logic.fol.Term;

/**
 * A semantic parser for ProofWriter's controlled English, a recursive-descent grammar read off the
 * training split:
 *
 * <pre>
 * sentence  := "if" conds "then" conds            ∀x (conds → conds) when x is used
 *            | ["all"] adj ("," adj)* kind "are" preds   (kind: people, things)
 *            | conds                               a fact (conjunction of literals)
 * conds     := cond ("and" (cond | ["not"] adj))*  (the short form reuses the last subject)
 * cond      := subject ("is" | "are") ["not"] adj
 *            | subject ["does" | "do"] ["not"] verb object
 * subject   := "someone" | "something" | "they" | "it" | entity      (the first four are x)
 * entity    := "the" word+ | Name
 * </pre>
 *
 * Adjectives become unary predicates, verbs (lemmatised) binary ones, entities constants. The
 * lexicon (which words are verbs) comes from {@link Lexicon}, learned from training sentences;
 * unknown words after a subject are read as verbs when they end in "s".
 *
 * <p>Negation is read one of two ways. {@link Negation#CLASSICAL}: "not" is ¬. {@link
 * Negation#EXPLICIT}: ProofWriter's own open-world semantics, where a negative fact is a fact of
 * its own that rules may require or conclude but never contrapose: "is not big" becomes the
 * predicate {@code not_big}, related to {@code big} only through the answer protocol: a statement
 * is False when its complementary fact is entailed ({@link ProofWriterProblems#counter}). An axiom
 * ∀x ¬(big(x) ∧ not_big(x)) would let the prover contrapose rules, which ProofWriter's labels do
 * not.
 */
public final class ProofWriterParser {
  private static final Set<String> VARIABLE_SUBJECTS = Set.of("someone", "something", "they", "it");
  private static final Term.Var X = new Term.Var("x");

  /** How "not" is translated; see the class comment. */
  public enum Negation {
    CLASSICAL,
    EXPLICIT
  }

  private final Lexicon lexicon;
  private final Negation negation;
  private List<String> toks;
  private int pos;
  private String sentence;
  private Term lastSubject;
  private boolean usesVar;

  public ProofWriterParser(Lexicon lexicon) {
    this(lexicon, Negation.CLASSICAL);
  }

  public ProofWriterParser(Lexicon lexicon, Negation negation) {
    this.lexicon = lexicon;
    this.negation = negation;
  }

  public Negation negation() {
    return negation;
  }

  private Formula negate(Formula.Atom a) {
    if (negation == Negation.CLASSICAL) {
      return Formula.not(a);
    }
    return new Formula.Atom("not_" + a.pred(), a.args());
  }

  /** Splits a context into sentences. */
  public static List<String> sentences(String context) {
    List<String> out = new ArrayList<>();
    for (String s : context.split("(?<=\\.)\\s+")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /** Parses one sentence into a closed formula. */
  public Formula parse(String s) {
    sentence = s;
    String body = s.strip();
    if (body.endsWith(".")) {
      body = body.substring(0, body.length() - 1);
    }
    toks = new ArrayList<>();
    for (String t : body.replace(",", " , ").split("\\s+")) {
      if (!t.isEmpty()) {
        toks.add(t);
      }
    }
    pos = 0;
    usesVar = false;
    lastSubject = null;
    Formula f = sentence();
    if (pos < toks.size()) {
      throw error("end of sentence");
    }
    return usesVar ? Formula.forall(X, f) : f;
  }

  private Formula sentence() {
    String first = peekLower();
    if (first.equals("if")) {
      pos++;
      Formula cond = conds();
      expect("then");
      Formula concl = conds();
      return Formula.implies(cond, concl);
    }
    if (first.equals("all") || isGenericStart()) {
      if (first.equals("all")) {
        pos++;
      }
      List<Formula> adjs = new ArrayList<>();
      adjs.add(adj(X));
      while (peek().equals(",") || peekLower().equals("and")) {
        pos++;
        adjs.add(adj(X));
      }
      String kind = next();
      if (!lexicon.isKind(kind.toLowerCase(Locale.ROOT))) {
        pos--;
        throw error("people or things");
      }
      expect("are");
      usesVar = true;
      lastSubject = X;
      Formula concl = predicates(X, true);
      while (peekLower().equals("and")) {
        pos++;
        concl = Formula.and(concl, predicates(X, true));
      }
      return Formula.implies(Formulas.conj(adjs), concl);
    }
    return conds();
  }

  /** "Red people are…", "Big, round things are…": an adjective list followed by a kind noun. */
  private boolean isGenericStart() {
    for (int k = pos; k < toks.size(); k++) {
      String w = toks.get(k).toLowerCase(Locale.ROOT);
      if (lexicon.isKind(w)) {
        return k > pos;
      }
      if (!w.equals(",") && !w.equals("and") && !lexicon.isAdjective(w)) {
        return false;
      }
    }
    return false;
  }

  private Formula conds() {
    Formula f = cond();
    while (peekLower().equals("and")) {
      pos++;
      if (startsSubject()) {
        f = Formula.and(f, cond());
      } else {
        if (lastSubject == null) {
          throw error("a subject");
        }
        f = Formula.and(f, predicates(lastSubject, false));
      }
    }
    return f;
  }

  private boolean startsSubject() {
    String w = peek();
    String lw = w.toLowerCase(Locale.ROOT);
    return VARIABLE_SUBJECTS.contains(lw)
        || lw.equals("the")
        || (!w.isEmpty() && Character.isUpperCase(w.charAt(0)));
  }

  private Formula cond() {
    Term subject = subject();
    lastSubject = subject;
    return predicates(subject, false);
  }

  /** The verb phrase: "is [not] adj", "[does not] verb object", or, after "and", "[not] adj". */
  private Formula predicates(Term subject, boolean afterCopula) {
    String w = peekLower();
    if (w.equals("is") || w.equals("are")) {
      pos++;
      afterCopula = true;
      w = peekLower();
    }
    boolean negated = false;
    if (w.equals("does") || w.equals("do")) {
      pos++;
      expect("not");
      negated = true;
      return verbPhrase(subject, true);
    }
    if (w.equals("not")) {
      pos++;
      negated = true;
      w = peekLower();
    }
    if (afterCopula || lexicon.isAdjective(w)) {
      Formula.Atom a = adj(subject);
      return negated ? negate(a) : a;
    }
    if (negated) {
      throw error("an adjective after 'not'");
    }
    return verbPhrase(subject, false);
  }

  private Formula verbPhrase(Term subject, boolean negated) {
    String verb = next().toLowerCase(Locale.ROOT);
    String lemma = lexicon.verbLemma(verb);
    if (lemma == null) {
      pos--;
      throw error("a verb");
    }
    Term object = subject();
    Formula.Atom atom = new Formula.Atom(lemma, List.of(subject, object));
    return negated ? negate(atom) : atom;
  }

  private Formula.Atom adj(Term subject) {
    String a = next().toLowerCase(Locale.ROOT);
    if (a.isEmpty() || !Character.isLetter(a.charAt(0)) || lexicon.isKind(a) || a.equals("and")) {
      pos--;
      throw error("an adjective");
    }
    return new Formula.Atom(a, List.of(subject));
  }

  private Term subject() {
    String w = next();
    String lw = w.toLowerCase(Locale.ROOT);
    if (VARIABLE_SUBJECTS.contains(lw)) {
      usesVar = true;
      return X;
    }
    if (lw.equals("the")) {
      StringBuilder name = new StringBuilder();
      while (pos < toks.size() && !isStop(toks.get(pos))) {
        name.append(name.length() > 0 ? "_" : "").append(toks.get(pos).toLowerCase(Locale.ROOT));
        pos++;
      }
      if (name.length() == 0) {
        throw error("a noun after 'the'");
      }
      return Term.Fn.constant(name.toString());
    }
    if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
      return Term.Fn.constant(lw);
    }
    pos--;
    throw error("a subject (someone, something, they, it, the …, or a name)");
  }

  private boolean isStop(String w) {
    String lw = w.toLowerCase(Locale.ROOT);
    return lw.equals("is")
        || lw.equals("are")
        || lw.equals("does")
        || lw.equals("do")
        || lw.equals("and")
        || lw.equals("then")
        || lw.equals(",")
        || lexicon.isVerbForm(lw);
  }

  private String peek() {
    return pos < toks.size() ? toks.get(pos) : "";
  }

  private String peekLower() {
    return peek().toLowerCase(Locale.ROOT);
  }

  private String next() {
    return pos < toks.size() ? toks.get(pos++) : "";
  }

  private void expect(String w) {
    if (!peekLower().equals(w)) {
      throw error("'" + w + "'");
    }
    pos++;
  }

  private SpecError error(String expected) {
    String found = pos < toks.size() ? "'" + toks.get(pos) + "'" : "end of sentence";
    return new SpecError("sentence \"" + sentence + "\" word " + (pos + 1), expected, found);
  }
}
