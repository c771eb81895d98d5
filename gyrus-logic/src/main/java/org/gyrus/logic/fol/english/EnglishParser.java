package org.gyrus.logic.fol.english;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gyrus.core.SpecError;
import org.gyrus.logic.fol.Formula;
import org.gyrus.logic.fol.Term;

/**
 * A controlled-English semantic parser with no per-corpus lexicon: a recursive-descent grammar over
 * closed-class words ({@code Words}); every other word is a predicate or a constant by the slot it
 * fills.
 *
 * <pre>
 * sentence   := "if" clauses [","] "then" clauses           ∀x (… → …) when x is used
 *             | ("every"|"each"|"all"|"any") restrictor vp   ∀x (restrictor → vp)
 *             | "no" restrictor vp | "some" restrictor vp     ∀x (r → ¬vp) | ∃x (r ∧ vp)
 *             | everyone/everything/nobody/nothing [rel] vp
 *             | adj* plural-noun [rel] vp                     generic plural: ∀x
 *             | clauses                                      facts
 * clauses    := clause (("and"|"or") (clause | vp))*
 * clause     := subject vp
 * subject    := "the" word+ | Name+ | pronoun | someone | something | people | "a" adj* noun
 * vp         := ("is"|"are") ["not"] complement | ("does"|"do") ["not"] verb [prep*] [object]
 *             | verb-s [prep*] [object]
 * complement := "a" adj* noun [rel] | word "than" object | ["more"|"less"] word "than" object
 *             | [to the] word* prep object | adj (("and"|",") ["not"] adj)*
 * restrictor := adj* noun [post] [("who"|"that"|"which") vp ("and" vp)*]
 * post       := participle prep object | prep object | adj prep bare   (owned_by(x, o), citizen_of)
 * object     := "the" word+ | Name+ | pronoun | someone | something | "a" adj* noun   (∃)
 * </pre>
 *
 * <p>Where a noun phrase ends and its verb begins with no function word between them, the
 * determiner's number and the -s inflection decide ("All kids love …", "Every kid loves …"); when
 * they do not, the sentence is refused. Prenominal modifiers the text itself uses as adjectives ("…
 * is young") are properties of their own; other modifiers form one compound with the head ("pet
 * owner" → pet_owner ∧ owner), privative ones ("former") without the head. A conjunct after
 * "and"/"or" must agree in number with its subject, so coordinated objects or nouns ("hamburgers
 * and steaks") are refused rather than read as verbs.
 *
 * <p>Comparatives ("taller than") and ordering prepositions ("left of", "above", "before") become
 * binary relations with transitivity, asymmetry and their converse ({@link #axioms()}). A sentence
 * outside the grammar throws a {@link SpecError} naming the word where reading stopped.
 */
public final class EnglishParser {
  /** How "not" is read: classical ¬, or ProofWriter's explicit negative facts (not_p). */
  public enum Negation {
    CLASSICAL,
    EXPLICIT
  }

  private static final Term.Var X = new Term.Var("x");
  private static final Set<String> CLAUSE_END = Set.of("", "and", "or", "nor", ",", "then");

  private final Negation negation;
  private final Set<String> orderings = new TreeSet<>();
  private List<String> toks;
  private List<String> orig;
  private int pos;
  private String sentence;
  private Term referent;
  private boolean usesX;
  private int fresh;
  private boolean lastNegated; // the last verb phrase began with "not"
  private boolean subjectPlural; // the current subject's number, for verb agreement
  private final Set<String> adjectives = new TreeSet<>(); // words the text predicates as adjectives
  private final Set<String> nouns = new TreeSet<>(); // nouns said of a variable, all sentences
  private final Set<String> modifiers = new TreeSet<>(); // coordinated modifiers ("smart, round")
  private final java.util.Map<String, Term> introduced = new java.util.HashMap<>(); // "a N" → x

  public EnglishParser(Negation negation) {
    this.negation = negation;
  }

  public Negation negation() {
    return negation;
  }

  /** Splits text into sentences at ". ", "! " and "? ". */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : text.split("(?<=[.!?])\\s+")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /** The statement of a question: the text after its last "?" when some text follows it. */
  public static String statement(String question) {
    String q = question.strip();
    int k = q.lastIndexOf('?');
    return k >= 0 && k < q.length() - 1 ? q.substring(k + 1).strip() : q;
  }

  /** Parses one sentence into a closed formula. */
  public Formula parse(String s) {
    sentence = s;
    tokenize(s);
    pos = 0;
    if (!(referent instanceof Term.Fn)) {
      referent = null; // a named individual stays the referent of the next sentence's pronoun
    }
    usesX = false;
    fresh = 0;
    lastNegated = false;
    introduced.clear();
    if (toks.isEmpty()) {
      throw error("a sentence");
    }
    Term before = referent;
    try {
      Formula f = sentence();
      if (pos < toks.size()) {
        throw error("the end of the sentence");
      }
      return f;
    } catch (SpecError e) {
      referent = before; // an unread sentence leaves no referent behind
      throw e;
    }
  }

  private void tokenize(String s) {
    String body = s.strip().replaceAll("[.!]+$", "").replaceAll("^\\[[A-Za-z]+\\]\\s*", "");
    body = body.replace('’', '\'').replaceAll("(?i)\\bcannot\\b", "can not");
    body = body.replaceAll("(?i)\\b(does|do|did|is|are|was|were)n't\\b", "$1 not");
    body = body.replace(",", " , ").replace(";", " ; ").replace(":", " : ");
    toks = new ArrayList<>();
    orig = new ArrayList<>();
    for (String t : body.split("\\s+")) {
      if (!t.isEmpty() && !t.equalsIgnoreCase("also")) { // "also" adds nothing to the formula
        orig.add(t);
        toks.add(t.toLowerCase(java.util.Locale.ROOT));
      }
    }
  }

  /** Ordering axioms for the comparative and ordering relations read so far. */
  public List<Formula> axioms() {
    List<Formula> out = new ArrayList<>();
    Set<String> all = new TreeSet<>(orderings);
    for (String r : orderings) {
      String c = converse(r);
      if (c != null) {
        all.add(c);
        out.add(iff(atom(r, v("x"), v("y")), atom(c, v("y"), v("x"))));
      }
    }
    for (String r : all) {
      Formula trans =
          Formula.implies(
              Formula.and(atom(r, v("x"), v("y")), atom(r, v("y"), v("z"))),
              atom(r, v("x"), v("z")));
      out.add(forall(trans, "x", "y", "z"));
      out.add(
          forall(
              Formula.implies(atom(r, v("x"), v("y")), negate(atom(r, v("y"), v("x")))), "x", "y"));
    }
    return out;
  }

  private static String converse(String r) {
    for (var e : Words.CONVERSE.entrySet()) {
      if (e.getKey().equals(r)) {
        return e.getValue();
      }
      if (e.getValue().equals(r)) {
        return e.getKey();
      }
    }
    if (r.startsWith("more_")) {
      return "less_" + r.substring(5);
    }
    if (r.startsWith("less_")) {
      return "more_" + r.substring(5);
    }
    return null;
  }

  private Formula iff(Formula a, Formula b) {
    return forall(new Formula.Bin(Formula.Conn.IFF, a, b), "x", "y");
  }

  private static Formula forall(Formula f, String... vars) {
    for (int i = vars.length - 1; i >= 0; i--) {
      f = Formula.forall(v(vars[i]), f);
    }
    return f;
  }

  private static Term.Var v(String name) {
    return new Term.Var(name);
  }

  // ---- sentences ----

  private Formula sentence() {
    String w = peek();
    if (w.equals("if")) {
      pos++;
      Formula cond = clauses();
      if (!accept(",") || !startsClause(pos)) { // "If A, B" needs no "then"
        expect("then");
      }
      Formula concl = clauses();
      return close(Formula.implies(cond, concl));
    }
    if (w.equals("there") && Words.COPULA.contains(peekAt(pos + 1))) {
      pos += 2;
      if (accept("no")) {
        referent = X;
        return Formula.not(Formula.exists(X, restrictor(X, Det.NONE)));
      }
      if (!accept("a") && !accept("an") && !accept("some")) {
        throw error("'a', 'an' or 'some' after 'there is'");
      }
      referent = X;
      return Formula.exists(X, restrictor(X, Det.NONE));
    }
    if (w.equals("either") || w.equals("neither")) {
      return close(choice(this::clauses));
    }
    if (Words.UNIVERSAL.contains(w) || w.equals("no") || w.equals("some")) {
      pos++;
      return quantified(w);
    }
    if (Set.of("someone", "something", "somebody").contains(w)) {
      return quantified("some"); // "Someone is …" says there is one; "if someone …" is universal
    }
    if (Set.of("everyone", "everything", "everybody").contains(w)) {
      return quantified("every");
    }
    if (Set.of("nobody", "nothing").contains(w)) {
      toks.set(pos, "someone");
      return quantified("no");
    }
    if (isGenericStart()) {
      return quantified("all");
    }
    if ((w.equals("a") || w.equals("an")) && pos == 0) {
      pos++;
      return quantified("a"); // "A cat is an animal": a generic statement
    }
    return close(clauses());
  }

  private Formula close(Formula f) {
    return usesX ? Formula.forall(X, f) : f;
  }

  private Formula quantified(String kind) {
    referent = X;
    Det det =
        switch (kind) {
          case "every", "each", "a" -> Det.SINGULAR;
          case "all" -> Det.PLURAL;
          default -> Det.EITHER;
        };
    Formula restr = restrictor(X, det);
    if (kind.equals("a") && isPast(pos)) {
      kind = "some"; // "A Czech person visited …": an episode, not a generic statement
    }
    Formula body = vp(X);
    if (body instanceof Formula.Truth t && t.value() && kind.equals("some")) {
      return Formula.exists(X, restr);
    }
    if (restr instanceof Formula.Truth) {
      return kind.equals("some")
          ? Formula.exists(X, body)
          : Formula.forall(X, kind.equals("no") ? negate(body) : body);
    }
    return switch (kind) {
      case "no" -> Formula.forall(X, Formula.implies(restr, negate(body)));
      case "some" -> Formula.exists(X, Formula.and(restr, body));
      default -> Formula.forall(X, Formula.implies(restr, body));
    };
  }

  /** A past-tense verb at {@code j}: "was", "were", "did" or a word in -ed. */
  private boolean isPast(int j) {
    String t = peekAt(j);
    return Set.of("was", "were", "did").contains(t) || (isContentAt(j) && t.endsWith("ed"));
  }

  /** "Young things are …", "Cats are …", "People who … are …": a bare plural subject. */
  private boolean isGenericStart() {
    int j = pos;
    String last = null;
    while (isWordAt(j) || isIndividualAt(j) || peekAt(j).equals(",")) {
      if (!toks.get(j).equals(",")) {
        last = toks.get(j);
      }
      j++;
    }
    if (last == null || j >= toks.size()) {
      return false;
    }
    String stop = toks.get(j);
    boolean plural = !Words.base(last).equals(last) || Set.of("people", "things").contains(last);
    return plural && (Set.of("are", "do", "were").contains(stop) || Words.RELATIVE.contains(stop));
  }

  /** The grammatical number a determiner asks of its noun phrase. */
  private enum Det {
    SINGULAR, // every, each, a: a following -s word is the verb ("Every kid loves …")
    PLURAL, // all, generic plurals: the first -s word is the head noun ("All kids love …")
    EITHER, // no, some, any
    NONE // "there is …": no verb follows the noun phrase
  }

  private static final Set<String> NP_END =
      Set.of(
          "is", "are", "was", "were", "do", "does", "did", "has", "have", "can", "will", ",",
          "either", "neither");

  /**
   * adj* noun [prep bare-noun] [rel vp (and vp)*] about {@code x}. The noun phrase ends where the
   * verb begins; with no closed-class word between them the determiner's number and the -s
   * inflection decide it, and a sentence where they do not is refused rather than guessed.
   */
  private Formula restrictor(Term.Var x, Det det) {
    int start = pos;
    List<String> words = new ArrayList<>(); // tokens of the noun phrase, commas kept
    List<Integer> at = new ArrayList<>(); // their positions
    while (isWordAt(pos) || isIndividualAt(pos) || (peek().equals(",") && isWordAt(pos + 1))) {
      if (!(peek().equals(",") && words.isEmpty())) {
        words.add(peek());
        at.add(pos);
      }
      pos++;
    }
    if (words.isEmpty()) {
      pos = start;
      throw error("a noun or adjective");
    }
    Formula post = postModifier(words, x, det);
    String p = post != null ? "," : peek(); // with a post-modifier read, the noun phrase is done
    int j = pos + 1;
    while (isContentAt(j)) {
      j++;
    }
    // "bears in zoos are …": the phrase ends the noun phrase; "skyscrapers reside in areas": a
    // verb's
    boolean pp =
        Words.PREPOSITIONS.contains(p)
            && !p.equals("than")
            && isContentAt(pos + 1)
            && (NP_END.contains(peekAt(j)) || Words.RELATIVE.contains(peekAt(j)));
    if (!pp && det != Det.NONE && !NP_END.contains(p) && !Words.RELATIVE.contains(p)) {
      int k = verbStart(words, at, det);
      words = new ArrayList<>(words.subList(0, k));
      pos = at.get(k);
    }
    if (pp) {
      pos++; // "bears in zoos": bear ∧ in_zoo; "one nice to animals": nice_to_animal
      String last = words.get(words.size() - 1);
      if (looksFinite(last) || Words.INDIVIDUAL.contains(last)) {
        words.add(p + "_" + bare());
      } else {
        words.set(words.size() - 1, last + "_" + p + "_" + bare());
      }
      if (!NP_END.contains(peek()) && !Words.RELATIVE.contains(peek())) {
        throw error("a verb phrase after the noun phrase (is/are/does/has …)");
      }
    }
    List<Formula> preds = new ArrayList<>();
    Formula np = properties(words, x);
    if (!(np instanceof Formula.Truth)) {
      preds.add(np);
    }
    if (post != null) {
      preds.add(post);
    }
    subjectPlural = words.stream().anyMatch(EnglishParser::looksFinite);
    if (Words.RELATIVE.contains(peek())) {
      pos++;
      preds.add(vp(x));
      while (peek().equals("and") && !startsClause(pos + 1)) {
        pos++;
        checkAgreement();
        preds.add(vp(x));
      }
    }
    usesX = false;
    return preds.isEmpty() ? new Formula.Truth(true) : conj(preds);
  }

  /**
   * A noun phrase's post-modifier with an object: "citizens of Lawton Park" → citizen_of(x,
   * lawton_park), "buildings owned by Bloomberg" → owned_by(x, bloomberg) (as "is owned by
   * Bloomberg" reads). Taken only when the noun phrase plainly ends after it (a copula, auxiliary,
   * relative word or comma follows); otherwise null, with nothing consumed.
   */
  private Formula postModifier(List<String> words, Term x, Det det) {
    String p = peek();
    if (!Words.PREPOSITIONS.contains(p) || p.equals("than") || !startsObject(pos + 1)) {
      return null;
    }
    int save = pos;
    int saveFresh = fresh;
    PostHead head = postHead(words, 1);
    pos++;
    try {
      Formula f = withObject(head.rel() + "_" + p, x);
      boolean end = NP_END.contains(peek()) || Words.RELATIVE.contains(peek());
      if (end || (det == Det.NONE && peek().isEmpty())) { // "there are no houses in an area"
        words.subList(head.keep(), words.size()).clear();
        return f;
      }
    } catch (SpecError e) {
      // not a post-modifier: the caller reads the words another way
    }
    pos = save;
    fresh = saveFresh;
    return null;
  }

  /** The relation a post-modifier names and how many of the noun phrase's words stay. */
  private record PostHead(String rel, int keep) {}

  /**
   * A participle, with an adverb before it ("commonly used" → commonly_used; "owned", "sold",
   * "working"), leaves the noun phrase to name the relation; otherwise the head noun names it
   * ("citizen of" → citizen_of). At least {@code min - 1} words stay before a participle.
   */
  private static PostHead postHead(List<String> words, int min) {
    int n = words.size();
    String last = words.get(n - 1);
    if (n < min || !Words.isParticiple(last)) {
      return new PostHead(Words.base(last), n);
    }
    int from = n >= min + 1 && words.get(n - 2).endsWith("ly") ? n - 2 : n - 1;
    return new PostHead(String.join("_", words.subList(from, n)), from);
  }

  /** Where the verb begins inside the words read as a noun phrase (see {@link Det}). */
  private int verbStart(List<String> words, List<Integer> at, Det det) {
    int n = words.size();
    int s = -1; // the first -s (plural noun or singular verb) form
    for (int i = 0; i < n && s < 0; i++) {
      if (looksFinite(words.get(i))) {
        s = i;
      }
    }
    int k = -1;
    int person = -1; // "a Czech person wrote …": after "person"/"thing"/"one" comes the verb
    for (int i = n - 2; i >= 0; i--) {
      if (Words.INDIVIDUAL.contains(words.get(i))) {
        person = i;
      }
    }
    if (person >= 0) {
      k = person + 1;
    } else if (s < 0) {
      k = n == 2 ? 1 : -1; // "Every dog barked": one head, one verb
    } else if (det == Det.PLURAL) {
      k = s + 1;
    } else if (det == Det.SINGULAR) {
      k = s >= 1 ? s : -1;
    } else if (s == 0) {
      k = 1; // "Some dogs bark": a plural head first
    } else if (s + 1 == n
        || looksFinite(words.get(s + 1))
        || Words.INDIVIDUAL.contains(words.get(s - 1))) {
      k = s; // "No dog chases cats", "Some dog barks": a singular verb
    }
    boolean bareForm =
        k >= 0 && k < n && !looksFinite(words.get(k)) && !words.get(k).endsWith("ed");
    if (k < 1 || k >= n || (bareForm && adjectives.contains(words.get(k)))) {
      pos = at.get(Math.max(0, Math.min(s < 0 ? 1 : s, n - 1)));
      throw error("a clear end of the noun phrase (where its noun ends and the verb begins)");
    }
    return k;
  }

  /**
   * A verb phrase after "and" must agree with its subject: "they enjoy hamburgers and steaks" joins
   * two objects and "a video game and anime company" two nouns, which are not read, so "steaks" and
   * "anime" are refused rather than read as verbs. (Irregular past tenses are refused too.)
   */
  private void checkAgreement() {
    if (!isContentAt(pos)) {
      return;
    }
    String w = peek();
    if (subjectPlural && looksFinite(w)) {
      throw error("a verb agreeing with the plural subject (a list of objects is not read)");
    }
    if (!subjectPlural && !looksFinite(w) && !w.endsWith("ed")) {
      throw error("a verb agreeing with the singular subject (a list of nouns is not read)");
    }
  }

  private static boolean plural(List<String> words) {
    return !words.isEmpty() && looksFinite(words.get(words.size() - 1));
  }

  // ---- clauses ----

  private Formula clauses() {
    Formula f = clause();
    while (true) {
      int save = pos;
      accept(",");
      String op = peek();
      if (!op.equals("and") && !op.equals("or")) {
        pos = save;
        return f;
      }
      pos++;
      if (!startsClause(pos) && lastNegated) {
        pos--;
        throw error("a subject after '" + op + "' (the scope of the earlier 'not' is ambiguous)");
      }
      lastNegated = false;
      if (!startsClause(pos)) {
        checkAgreement();
      }
      Formula g = startsClause(pos) ? clause() : vp(referent);
      f = op.equals("and") ? Formula.and(f, g) : Formula.or(f, g);
    }
  }

  private Formula clause() {
    Subject s = subject();
    Formula body = vp(s.term());
    Formula r = s.restriction();
    return r == null || r instanceof Formula.Truth ? body : Formula.and(r, body); // "a person"
  }

  private record Subject(Term term, Formula restriction) {}

  private Subject subject() {
    String w = peek();
    if (Words.PRONOUNS.contains(w)) {
      if (referent == null) {
        throw error("a subject (a pronoun needs something before it to refer to)");
      }
      pos++;
      subjectPlural = w.equals("they") || w.equals("them");
      return new Subject(referent, null);
    }
    if (isIndividualAt(pos)) {
      subjectPlural = looksFinite(w);
      pos++;
      usesX = true;
      referent = X;
      return new Subject(X, null);
    }
    if (w.equals("a") || w.equals("an")) {
      pos++;
      List<String> words = nounPhrase(true);
      subjectPlural = false;
      usesX = true;
      referent = X;
      introduced.put(String.join("_", words), X); // "if a bird …, then the bird …"
      return new Subject(X, properties(words, X));
    }
    Term c = constant();
    if (!usesX) {
      referent = c; // once someone/something is in play, pronouns refer to it
    }
    return new Subject(c, null);
  }

  /** "the" word+ or a capitalised name; the words before the verb. */
  private Term constant() {
    if (accept("the")) {
      List<String> words = nounPhrase(false);
      subjectPlural = plural(words);
      String name = String.join("_", words);
      return introduced.getOrDefault(name, Term.Fn.constant(name));
    }
    subjectPlural = false;
    List<String> name = new ArrayList<>();
    while (pos < toks.size() && isNameAt(pos)) {
      name.add(toks.get(pos));
      pos++;
    }
    if (name.isEmpty()) {
      throw error("a subject (the …, a name, someone, something, or a pronoun)");
    }
    return Term.Fn.constant(String.join("_", name));
  }

  /**
   * Content words of a noun phrase, stopping before a finite verb ("the bald eagle | chases");
   * {@code singular} after "a", where any -s word is the verb.
   */
  private List<String> nounPhrase(boolean singular) {
    List<String> words = new ArrayList<>();
    while (isContentAt(pos) || (words.isEmpty() && isWordAt(pos)) || isIndividualAt(pos)) {
      String w = toks.get(pos);
      if (singular && !words.isEmpty() && looksFinite(w)) {
        break; // "a horse | falls during a race": after "a" an -s word is the verb
      }
      if (!words.isEmpty() && looksFinite(w) && CLAUSE_END.contains(peekAt(pos + 1))) {
        break;
      }
      if (!words.isEmpty() && looksFinite(w) && startsObject(pos + 1)) {
        break;
      }
      words.add(w);
      pos++;
    }
    if (words.size() >= 2 && startsObject(pos) && !isContentAt(pos)) {
      words.remove(words.size() - 1); // "the cats chase | the dog": the last word is the verb
      pos--;
    }
    if (words.isEmpty()) {
      throw error("a noun");
    }
    return words;
  }

  private static boolean looksFinite(String w) {
    return !Words.base(w).equals(w);
  }

  /**
   * The properties a noun phrase gives {@code x}; commas separate coordinated parts ("rough, blue
   * things"). In each part, modifiers the text itself uses as adjectives ("… is young") are
   * properties of their own; the rest form one compound with the head ("pet owner" → pet_owner(x) ∧
   * owner(x): a pet owner is no pet), and a privative modifier ("former swimmer") keeps the head
   * out. Before "person", "thing", "one" every modifier is an adjective.
   */
  private Formula properties(List<String> words, Term x) {
    List<Formula> preds = new ArrayList<>();
    List<String> part = new ArrayList<>();
    for (int i = 0; i <= words.size(); i++) {
      if (i < words.size() && !words.get(i).equals(",")) {
        part.add(words.get(i));
      } else if (!part.isEmpty()) {
        int before = preds.size();
        compound(part, x, preds);
        if (i < words.size()) { // "smart, round things": a part before a comma is a modifier
          preds
              .subList(before, preds.size())
              .forEach(f -> modifiers.add(((Formula.Atom) f).pred()));
        }
        part.clear();
      }
    }
    return preds.isEmpty() ? new Formula.Truth(true) : conj(preds);
  }

  private void compound(List<String> part, Term x, List<Formula> preds) {
    int n = part.size();
    int h = n - 1; // the head: the last word, or a plural or "person"/"thing" word before a
    for (int i = n - 2; i >= 0; i--) { // participle or phrase ("students good at math")
      String w = part.get(i);
      String next = part.get(i + 1);
      boolean post = Words.isParticiple(next) || next.contains("_");
      if (Words.INDIVIDUAL.contains(w) || (looksFinite(w) && post)) {
        h = i;
      }
    }
    headProperties(part.subList(0, h + 1), x, preds);
    if (h < n - 1) { // "students good at math", "people taking classes": a property of its own
      List<String> post = new ArrayList<>(part.subList(h + 1, n));
      post.set(post.size() - 1, Words.base(post.get(post.size() - 1)));
      preds.add(atom(String.join("_", post), x));
    }
  }

  /** Modifiers and head noun (the last word) of one noun phrase part. */
  private void headProperties(List<String> part, Term x, List<Formula> preds) {
    String head = part.get(part.size() - 1);
    List<String> mods = part.subList(0, part.size() - 1);
    if (Words.INDIVIDUAL.contains(head) || Words.INDIVIDUAL.contains(Words.base(head))) {
      for (String m : mods) {
        if (!Words.INDIVIDUAL.contains(m)) {
          preds.add(atom(m, x));
        }
      }
      return;
    }
    int i = 0;
    while (i < mods.size() && adjectives.contains(mods.get(i))) {
      preds.add(atom(mods.get(i++), x));
    }
    String base = Words.base(head);
    if (i == mods.size()) {
      preds.add(noun(base, x));
      return;
    }
    List<String> rest = new ArrayList<>(mods.subList(i, mods.size()));
    rest.add(base);
    preds.add(noun(String.join("_", rest), x));
    // "a student learning piano": after an inner participle the last word need not be the head
    boolean innerParticiple =
        rest.subList(1, rest.size() - 1).stream().anyMatch(w -> w.endsWith("ing"));
    if (!innerParticiple && rest.stream().noneMatch(Words.PRIVATIVE::contains)) {
      preds.add(noun(base, x));
    }
  }

  /** A noun's predicate; said of a variable, it is a candidate domain sort ({@link #nouns()}). */
  private Formula noun(String name, Term x) {
    Formula a = atom(name, x);
    if (x instanceof Term.Var) {
      nouns.add(((Formula.Atom) a).pred());
    }
    return a;
  }

  /**
   * The predicates of nouns the text used of a variable ("every cat", "if a cartoon character …"),
   * over every sentence parsed so far: the candidates for {@link DomainSorts}.
   */
  public Set<String> nouns() {
    Set<String> out = new TreeSet<>(nouns);
    out.removeAll(modifiers);
    return out;
  }

  /**
   * Learns which words the text uses predicatively as adjectives ("is young", "are big and red",
   * "is either kind or evil"), so that "young cats" reads young(x) ∧ cat(x) while "pet owners",
   * whose modifier the text never predicates, stays one compound.
   */
  public void learnAdjectives(List<String> text) {
    for (String s : text) {
      tokenize(s);
      for (int j = 0; j < toks.size(); j++) {
        if (!Words.COPULA.contains(toks.get(j))) {
          continue;
        }
        int k = j + 1;
        while (Set.of("not", "either", "neither", "both", "very", "also").contains(peekAt(k))) {
          k++;
        }
        while (isContentAt(k) && !isContentAt(k + 1) && !peekAt(k + 1).equals("than")) {
          adjectives.add(toks.get(k));
          boolean more = Set.of("and", "or", "nor", ",").contains(peekAt(k + 1));
          k += more && Set.of("and", "or", "nor").contains(peekAt(k + 2)) ? 3 : 2;
          if (!more) {
            break;
          }
        }
      }
    }
  }

  // ---- verb phrases ----

  private Formula vp(Term subj) {
    if (subj == null) {
      throw error("a subject before this verb phrase");
    }
    String w = peek();
    if (Words.COPULA.contains(w)) {
      pos++;
      boolean plural = w.equals("are") || w.equals("were");
      boolean neg = accept("not");
      lastNegated = neg;
      Formula c = coordinatedComplements(subj, plural, neg);
      lastNegated = neg;
      return neg ? negate(c) : c;
    }
    if (Words.AUX.contains(w)) {
      pos++;
      boolean neg = accept("not");
      Formula v = verb(subj, false);
      lastNegated = neg;
      return neg ? negate(v) : v;
    }
    if (w.equals("can") || w.equals("will")) {
      pos++;
      boolean neg = accept("not");
      Formula v = verb(subj, false, w + "_");
      return neg ? negate(v) : v;
    }
    if (w.equals("has") || w.equals("have")) {
      return have(subj);
    }
    if (w.equals("either") || w.equals("neither")) {
      return choice(() -> vp(subj));
    }
    if (isContentAt(pos)) {
      return verb(subj, true);
    }
    throw error("a verb phrase (is/are …, does not …, or a verb)");
  }

  /**
   * complement (("and"|"or") complement)*: "is a wizard or angry", "was created and written by M".
   * A conjunct is a complement when it starts with "a"/"an" or, after a singular copula, with a
   * word that is no -s verb ("is big and chases …" leaves the verb to the clause); after "are" a
   * bare conjunct must be a word the text uses as an adjective, since plural verbs look the same.
   */
  private Formula coordinatedComplements(Term subj, boolean plural, boolean neg) {
    int start = pos;
    Formula c = complement(subj, plural);
    while (true) {
      int j = peek().equals(",") ? pos + 1 : pos;
      String op = peekAt(j);
      String next = peekAt(j + 1);
      boolean article = next.equals("a") || next.equals("an");
      boolean bare =
          isContentAt(j + 1) && (plural ? adjectives.contains(next) : !looksFinite(next));
      if (!(op.equals("and") || op.equals("or")) || !(article || bare)) {
        return c;
      }
      if (neg
          && op.equals("and")) { // "is not A or B" is neither: ¬(A ∨ B); "not A and B" is unclear
        pos = j;
        throw error("no second complement after 'not …' (the scope of 'not' is ambiguous)");
      }
      if (!article && toks.subList(start, j).stream().anyMatch(Words.PREPOSITIONS::contains)) {
        pos = j; // "good at painting or music": inside the phrase or not?
        throw error(
            "no bare complement after a prepositional phrase ('" + op + "' may continue it)");
      }
      start = j + 1;
      pos = j + 1;
      Formula d = complement(subj, plural);
      c = op.equals("and") ? Formula.and(c, d) : Formula.or(c, d);
    }
  }

  private Formula verb(Term subj, boolean inflected) {
    if (peek().equals("have")) {
      return have(subj);
    }
    return verb(subj, inflected, "");
  }

  /** "has the X" / "has a X" (a relation) or "has wings" (a property have_wing). */
  private Formula have(Term subj) {
    pos++;
    if (startsObject(pos)) {
      return withObject("have", subj);
    }
    if (isContentAt(pos) && Words.isParticiple(peek()) && !peek().endsWith("ing")) {
      return verb(subj, false, ""); // "has participated in …": the perfect is the verb
    }
    if (isContentAt(pos)) {
      return atom("have_" + bare(), subj);
    }
    throw error("what is had (the …, a …, or a noun)");
  }

  private Formula verb(Term subj, boolean inflected, String prefix) {
    if (!isContentAt(pos)) {
      throw error("a verb");
    }
    String w = toks.get(pos++);
    StringBuilder rel = new StringBuilder(prefix).append(inflected ? Words.base(w) : w);
    while (Words.PREPOSITIONS.contains(peek()) && !peek().equals("than")) {
      rel.append('_').append(toks.get(pos++));
    }
    if (startsObject(pos)) {
      return withObject(rel.toString(), subj);
    }
    if (isContentAt(pos)) {
      return atom(rel + "_" + bare(), subj); // "likes animals": a property of the subject
    }
    if (!CLAUSE_END.contains(peek()) && !NP_END.contains(peek())) { // "people who study | are"
      throw error("an object (the …, a name, someone, something, a …)");
    }
    if (rel.toString().equals("exist")) {
      return new Formula.Truth(true); // "Some turtles exist": existence is the quantifier's
    }
    return atom(rel.toString(), subj);
  }

  private Formula complement(Term subj, boolean plural) {
    String w = peek();
    if (w.equals("either") || w.equals("neither")) {
      return choice(() -> complement(subj, plural));
    }
    if (isIndividualAt(pos) && Words.RELATIVE.contains(peekAt(pos + 1))) {
      pos += 2; // "are people who …": the relative clause is the property
      return vp(subj);
    }
    if (w.equals("both")) {
      pos++;
      boolean negated = lastNegated;
      lastNegated = false; // "not both A and B" scopes plainly over the pair: ¬(A ∧ B)
      Formula a = complement(subj, plural); // "both tall and kind" reads as one list
      Formula f = accept("and") ? Formula.and(a, complement(subj, plural)) : a;
      lastNegated = negated;
      return f;
    }
    if (w.equals("a") || w.equals("an")) {
      pos++;
      return indefinite(subj, w);
    }
    if ((w.equals("more") || w.equals("less"))
        && isContentAt(pos + 1)
        && peekAt(pos + 2).equals("than")) {
      String rel = w + "_" + toks.get(pos + 1);
      pos += 3;
      orderings.add(rel);
      return withObject(rel, subj);
    }
    if (isContentAt(pos) && peekAt(pos + 1).equals("than")) {
      pos += 2;
      orderings.add(w);
      return withObject(w, subj);
    }
    Formula prep = prepositional(subj);
    if (prep != null) {
      return prep;
    }
    int j = pos;
    while (isWordAt(j)) {
      j++;
    }
    if (plural && j - pos >= 2 && looksFinite(toks.get(j - 1)) && CLAUSE_END.contains(peekAt(j))) {
      List<String> words = new ArrayList<>(toks.subList(pos, j)); // "are good athletes"
      pos = j;
      return properties(words, subj);
    }
    return adjectives(subj, plural);
  }

  /** "a" adj* noun [post-modifier] [rel vp] as a complement of {@code subj}. */
  private Formula indefinite(Term subj, String article) {
    List<String> words = new ArrayList<>();
    while (isWordAt(pos) || isIndividualAt(pos) || (peek().equals(",") && isWordAt(pos + 1))) {
      words.add(peek());
      pos++;
    }
    if (words.isEmpty()) {
      throw error("a noun after '" + article + "'");
    }
    coordinatedNoun(words);
    Formula post = null;
    String p = peek();
    if (Words.PREPOSITIONS.contains(p)
        && !p.equals("than")
        && startsObject(pos + 1)
        && !words.contains(",")) {
      // "a citizen of Lawton Park": citizen ∧ citizen_of(x, lawton_park); "a university
      // located in the UK": university ∧ located_in(x, uk)
      PostHead head = postHead(words, 2);
      words.subList(head.keep(), words.size()).clear();
      pos++;
      post = withObject(head.rel() + "_" + p, subj);
    } else if (Words.PREPOSITIONS.contains(p)
        && !p.equals("than")
        && isContentAt(pos + 1)
        && !words.contains(",")) {
      pos++; // "a kind of fruit": kind ∧ kind_of_fruit, as "nice to animals" reads
      post = atom(Words.base(words.get(words.size() - 1)) + "_" + p + "_" + bare(), subj);
    }
    Formula f = properties(words, subj);
    if (post != null) {
      f = f instanceof Formula.Truth ? post : Formula.and(f, post);
    }
    if (Words.RELATIVE.contains(peek())) {
      pos++;
      Formula rel = vp(subj);
      f = f instanceof Formula.Truth ? rel : Formula.and(f, rel); // "a person who …"
    }
    return f;
  }

  /**
   * "an architect, artist[,] and illustrator": a last one-word noun after "and" joins the list (as
   * another comma part); an -s or -ed word there is a verb ("is a cat and purrs"), and a longer
   * phrase is left to the caller, where a verb phrase must agree with the subject.
   */
  private void coordinatedNoun(List<String> words) {
    int j = peek().equals(",") ? pos + 1 : pos;
    if (peekAt(j).equals("and")
        && isContentAt(j + 1)
        && CLAUSE_END.contains(peekAt(j + 2))
        && !looksFinite(toks.get(j + 1))
        && !toks.get(j + 1).endsWith("ed")) {
      words.add(",");
      words.add(toks.get(j + 1));
      pos = j + 2;
    }
  }

  /** "[to] [the] word* prep object" as a binary relation named by the words (left_of, in). */
  private Formula prepositional(Term subj) {
    int j = pos;
    List<String> words = new ArrayList<>();
    while (j < toks.size()
        && (isContentAt(j)
            || Words.PREPOSITIONS.contains(toks.get(j))
            || toks.get(j).equals("the"))) {
      String t = toks.get(j);
      if (!(words.isEmpty() && (t.equals("the") || t.equals("to")))) {
        if (!t.equals("the")) {
          words.add(t);
        }
      }
      j++;
      if (Words.PREPOSITIONS.contains(t)
          && !t.equals("than")
          && !words.isEmpty()
          && startsObject(j)) {
        String rel = String.join("_", words);
        pos = j;
        if (Words.isOrdering(rel) && !rel.matches("[a-z]+er")) {
          orderings.add(rel);
        }
        return withObject(rel, subj);
      }
    }
    return null;
  }

  private Formula adjectives(Term subj, boolean plural) {
    List<Formula> out = new ArrayList<>();
    out.add(atom(adjective(plural), subj));
    while (true) {
      int j = pos;
      if (peekAt(j).equals(",")) {
        j++;
      }
      if (!peekAt(j).equals("and") && !peekAt(j).equals(",")) {
        if (j == pos) {
          break;
        }
      } else {
        j++;
      }
      if (j == pos) {
        break;
      }
      boolean neg = peekAt(j).equals("not");
      int k = neg ? j + 1 : j;
      if (!isContentAt(k) || !CLAUSE_END.contains(peekAt(k + 1))) {
        break;
      }
      if (lastNegated) {
        pos = j;
        throw error("no second adjective after 'not …' (the scope of 'not' is ambiguous)");
      }
      if (out.get(out.size() - 1) instanceof Formula.Atom a && a.pred().contains("_")) {
        pos = j; // "good at staying organized and motivated": inside the phrase or not?
        throw error("no adjective after a prepositional phrase ('and' may continue the phrase)");
      }
      pos = k;
      Formula a = atom(adjective(plural), subj);
      out.add(neg ? negate(a) : a);
    }
    return conj(out);
  }

  private String adjective(boolean plural) {
    if (!isContentAt(pos)) {
      throw error("an adjective, a noun phrase or a relation");
    }
    String w = toks.get(pos++);
    if (Words.DEGREE.contains(w) && isContentAt(pos)) {
      w = w + "_" + toks.get(pos++); // "very spirited": one property
    }
    String adj = plural ? Words.base(w) : w;
    String p = peek();
    if (Words.PREPOSITIONS.contains(p) && !p.equals("than") && isContentAt(pos + 1)) {
      pos++;
      return adj + "_" + p + "_" + bare(); // "nice to animals": one property
    }
    return adj;
  }

  /** A bare noun phrase (no determiner) as one name: words joined, the head singular. */
  private String bare() {
    List<String> words = new ArrayList<>();
    int start = pos;
    while (isContentAt(pos)) {
      words.add(toks.get(pos++));
    }
    for (int i = 1; i < words.size() - 1; i++) {
      if (words.get(i).endsWith("ing")) { // "chemistry enjoy conducting experiments": a verb inside
        pos = start + i;
        throw error("a bare noun phrase without an inner participle");
      }
    }
    for (int i = 0; i < words.size() - 1; i++) {
      // a plural ends a bare noun phrase ("classes regularly" aside): "data processing acquires
      // data" holds a verb, and where it begins is not read
      if (looksFinite(words.get(i))
          && !words.subList(i + 1, words.size()).stream().allMatch(w -> w.endsWith("ly"))) {
        pos = start + i + 1;
        throw error("the end of a bare noun phrase after its plural");
      }
    }
    words.set(words.size() - 1, Words.base(words.get(words.size() - 1)));
    return String.join("_", words);
  }

  /** "either A or B" (exclusive) and "neither A nor B" over clauses or verb phrases. */
  private Formula choice(java.util.function.Supplier<Formula> part) {
    boolean neither = toks.get(pos++).equals("neither");
    Formula a = part.get();
    accept(",");
    expect(neither ? "nor" : "or");
    Formula b = part.get();
    return neither ? Formula.and(negate(a), negate(b)) : new Formula.Bin(Formula.Conn.XOR, a, b);
  }

  // ---- objects ----

  /** rel(subj, object); an indefinite object is existentially bound. */
  private Formula withObject(String rel, Term subj) {
    String w = peek();
    if (Words.PRONOUNS.contains(w)) {
      pos++;
      if (referent == null) {
        throw error("something for '" + w + "' to refer to");
      }
      return atom(rel, subj, referent);
    }
    if (isIndividualAt(pos) || w.equals("a") || w.equals("an")) {
      pos++;
      Term.Var y = new Term.Var("y" + (++fresh));
      Formula restr = null;
      if (w.equals("a") || w.equals("an")) {
        List<String> words = new ArrayList<>();
        while (isContentAt(pos)) {
          words.add(toks.get(pos++));
        }
        if (words.isEmpty()) {
          throw error("a noun after '" + w + "'");
        }
        restr = properties(words, y);
      }
      Formula a = atom(rel, subj, y);
      return Formula.exists(y, restr == null ? a : Formula.and(restr, a));
    }
    Term c;
    if (accept("the")) {
      List<String> words = new ArrayList<>();
      while (isWordAt(pos)) { // "the Winter Olympics": capitalised words too
        words.add(toks.get(pos++));
      }
      if (words.isEmpty()) {
        throw error("a noun after 'the'");
      }
      String name = String.join("_", words);
      c = introduced.getOrDefault(name, Term.Fn.constant(name));
    } else {
      c = constant();
    }
    return atom(rel, subj, c);
  }

  // ---- helpers ----

  private boolean startsClause(int j) {
    String t = peekAt(j);
    if (t.equals("the") || t.equals("a") || t.equals("an") || Words.PRONOUNS.contains(t)) {
      return true;
    }
    return isIndividualAt(j) || isNameAt(j);
  }

  private boolean startsObject(int j) {
    return startsClause(j);
  }

  private boolean isContentAt(int j) {
    return j < toks.size() && Words.isContent(toks.get(j)) && !isIndividualAt(j) && !isNameAt(j);
  }

  /** A content word whatever its capitalisation (restrictors: "Young things are …"). */
  private boolean isWordAt(int j) {
    return j < toks.size() && Words.isContent(toks.get(j)) && !isIndividualAt(j);
  }

  private boolean isIndividualAt(int j) {
    return j < toks.size()
        && Words.INDIVIDUAL.contains(toks.get(j))
        && !Set.of("everyone", "everything", "everybody", "one").contains(toks.get(j));
  }

  /** A capitalised word that is not the sentence's first (or is, and is followed by a verb). */
  private boolean isNameAt(int j) {
    if (j >= toks.size() || !Character.isUpperCase(orig.get(j).charAt(0))) {
      return false;
    }
    String t = toks.get(j);
    if (!Words.isContent(t) || Words.INDIVIDUAL.contains(t)) {
      return false;
    }
    if (j > 0) {
      return true;
    }
    String next = peekAt(1);
    if (Words.INDIVIDUAL.contains(next)) {
      return false;
    }
    return Words.COPULA.contains(next)
        || Words.AUX.contains(next)
        || Set.of("has", "have", "can", "will", "either", "neither").contains(next)
        || isCapitalAt(1)
        || (Words.isContent(next) && looksFinite(next));
  }

  private boolean isCapitalAt(int j) {
    return j < toks.size() && Character.isUpperCase(orig.get(j).charAt(0));
  }

  private Formula negate(Formula f) {
    if (negation == Negation.CLASSICAL) {
      return Formula.not(f);
    }
    if (f instanceof Formula.Atom a) {
      return a.pred().startsWith("not_")
          ? new Formula.Atom(a.pred().substring(4), a.args())
          : new Formula.Atom("not_" + a.pred(), a.args());
    }
    if (f instanceof Formula.Bin b && b.op() == Formula.Conn.AND) {
      return Formula.or(negate(b.left()), negate(b.right()));
    }
    if (f instanceof Formula.Bin b && b.op() == Formula.Conn.OR) {
      return Formula.and(negate(b.left()), negate(b.right()));
    }
    if (f instanceof Formula.Quant q) {
      return new Formula.Quant(!q.universal(), q.var(), negate(q.body()));
    }
    if (f instanceof Formula.Not n) {
      return n.body();
    }
    return Formula.not(f);
  }

  /** The statement whose entailment answers False: ¬s, or the complementary explicit fact. */
  public Formula counter(Formula statement) {
    if (negation == Negation.CLASSICAL) {
      return Formula.not(statement);
    }
    return negate(statement);
  }

  private static Formula atom(String pred, Term... args) {
    return new Formula.Atom(canonical(pred), List.of(args));
  }

  /**
   * One spelling for a word's singular and plural: "-ies" plurals lose their "-ies" to "y", so a
   * singular in "-ie" is spelt with "y" too (movie, movies → movy; fly, flies → fly); "-men"
   * plurals are spelt "-man" (gentlemen → gentleman); "-oe", "-che", "-she", "-xe", "-ze" lose
   * their "e", as their plurals do ("shoes" → sho, so "shoe" → sho).
   */
  static String canonical(String pred) {
    String[] parts = pred.split("_", -1);
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].endsWith("ie") && parts[i].length() > 3) {
        parts[i] = parts[i].substring(0, parts[i].length() - 2) + "y";
      } else if (parts[i].matches(".+(oe|che|she|xe|ze)")) {
        parts[i] = parts[i].substring(0, parts[i].length() - 1); // shoe(s), headache(s), prize(s)
      } else if (parts[i].endsWith("men") && parts[i].length() > 3) {
        parts[i] = parts[i].substring(0, parts[i].length() - 3) + "man"; // gentlemen, women
      }
    }
    return String.join("_", parts);
  }

  private static Formula conj(List<Formula> fs) {
    Formula f = fs.get(0);
    for (int i = 1; i < fs.size(); i++) {
      f = Formula.and(f, fs.get(i));
    }
    return f;
  }

  private String peek() {
    return peekAt(pos);
  }

  private String peekAt(int j) {
    return j < toks.size() ? toks.get(j) : "";
  }

  private boolean accept(String w) {
    if (peek().equals(w)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String w) {
    if (!accept(w)) {
      throw error("'" + w + "'");
    }
  }

  private SpecError error(String expected) {
    String found = pos < toks.size() ? "'" + orig.get(pos) + "'" : "the end of the sentence";
    return new SpecError("sentence \"" + sentence + "\" word " + (pos + 1), expected, found);
  }
}
