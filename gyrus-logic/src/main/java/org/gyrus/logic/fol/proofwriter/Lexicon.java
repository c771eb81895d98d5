package org.gyrus.logic.fol.proofwriter;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which words are adjectives, verbs (with their lemma) and kind nouns, learned from training
 * sentences: an adjective follows "is"/"are" ["not"]; a verb follows "does not" (its lemma) and its
 * third-person form is the lemma plus "s"; kinds are the nouns of "All red people are…".
 */
public final class Lexicon {
  private final Set<String> adjectives = new HashSet<>();
  private final Map<String, String> verbForms = new HashMap<>();
  private final Set<String> kinds = new HashSet<>(Set.of("people", "things"));

  private static final Pattern ADJ = Pattern.compile("\\b(?:is|are) (?:not )?([a-z]+)\\b");
  private static final Pattern VERB = Pattern.compile("\\b(?:does|do) not ([a-z]+)\\b");
  private static final Pattern KIND = Pattern.compile("^All (?:[a-z]+,? )+([a-z]+) are ");

  /** Learns from training texts (contexts and questions). */
  public static Lexicon learn(List<String> texts) {
    Lexicon lx = new Lexicon();
    for (String t : texts) {
      Matcher m = ADJ.matcher(t);
      while (m.find()) {
        lx.adjectives.add(m.group(1));
      }
      m = VERB.matcher(t);
      while (m.find()) {
        lx.addVerb(m.group(1));
      }
      for (String s : ProofWriterParser.sentences(t)) {
        Matcher k = KIND.matcher(s);
        if (k.find()) {
          lx.kinds.add(k.group(1));
        }
      }
    }
    lx.adjectives.removeAll(Set.of("a", "an", "the"));
    lx.adjectives.removeAll(lx.verbForms.keySet());
    return lx;
  }

  private void addVerb(String lemma) {
    verbForms.put(lemma, lemma);
    verbForms.put(
        lemma.endsWith("s") || lemma.endsWith("sh") || lemma.endsWith("ch")
            ? lemma + "es"
            : lemma + "s",
        lemma);
  }

  public boolean isAdjective(String w) {
    return adjectives.contains(w.toLowerCase(Locale.ROOT));
  }

  public boolean isKind(String w) {
    return kinds.contains(w);
  }

  public boolean isVerbForm(String w) {
    return verbForms.containsKey(w);
  }

  /** The lemma of a verb form; unknown words ending in "s" are taken as third-person verbs. */
  public String verbLemma(String w) {
    String lemma = verbForms.get(w);
    if (lemma != null) {
      return lemma;
    }
    if (w.length() > 2 && w.endsWith("s") && !isAdjective(w)) {
      return w.substring(0, w.length() - 1);
    }
    return null;
  }

  public Set<String> adjectives() {
    return Set.copyOf(adjectives);
  }

  public Set<String> verbs() {
    return Set.copyOf(new HashSet<>(verbForms.values()));
  }
}
