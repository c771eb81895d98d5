package org.gyrus.logic.fol.english;

import java.util.Map;
import java.util.Set;

/**
 * The grammar's closed-class words and English morphology. Nothing here depends on a corpus: open
 * class words (nouns, adjectives, verbs, names) are whatever fills their syntactic slot.
 */
final class Words {
  private Words() {}

  static final Set<String> COPULA = Set.of("is", "are", "was", "were");
  static final Set<String> AUX = Set.of("does", "do", "did");
  static final Set<String> UNIVERSAL = Set.of("every", "each", "all", "any");
  static final Set<String> PRONOUNS = Set.of("they", "it", "he", "she", "them", "him", "her");
  static final Set<String> RELATIVE = Set.of("who", "that", "which");

  /** Words that stand for "an individual" with no property of their own. */
  static final Set<String> INDIVIDUAL =
      Set.of(
          "someone",
          "something",
          "somebody",
          "anyone",
          "anything",
          "anybody",
          "person",
          "people",
          "thing",
          "things",
          "persons",
          "one",
          "everyone",
          "everything",
          "everybody");

  /** Irregular past participles (general English), read like "-ed" forms after a noun. */
  static final Set<String> IRREGULAR_PARTICIPLES =
      Set.of(
          "sold",
          "made",
          "born",
          "known",
          "built",
          "written",
          "held",
          "found",
          "taken",
          "given",
          "shown",
          "seen",
          "done",
          "grown",
          "worn",
          "drawn",
          "thrown",
          "bought",
          "brought",
          "caught",
          "taught",
          "fought",
          "sent",
          "spent",
          "kept",
          "lost",
          "paid",
          "told",
          "won",
          "hung",
          "led",
          "fed",
          "bred",
          "chosen",
          "driven",
          "eaten",
          "forgotten",
          "hidden",
          "spoken",
          "stolen",
          "sung",
          "broken",
          "frozen",
          "beaten",
          "bitten");

  /** A participle after a noun ("buildings owned by …", "teachers working at …"). */
  static boolean isParticiple(String w) {
    return w.endsWith("ed") || w.endsWith("ing") || IRREGULAR_PARTICIPLES.contains(w);
  }

  /** Degree adverbs that form one property with the adjective after them ("very spirited"). */
  static final Set<String> DEGREE = Set.of("very", "really", "extremely", "highly", "quite");

  /** Modifiers whose noun phrase is not of the head's kind: a former swimmer is no swimmer. */
  static final Set<String> PRIVATIVE =
      Set.of(
          "former",
          "fake",
          "false",
          "alleged",
          "ex",
          "would-be",
          "so-called",
          "counterfeit",
          "imitation",
          "pseudo",
          "supposed",
          "potential",
          "possible",
          "future",
          "past");

  static final Set<String> PREPOSITIONS =
      Set.of(
          "of",
          "to",
          "than",
          "from",
          "with",
          "in",
          "on",
          "at",
          "by",
          "for",
          "above",
          "below",
          "under",
          "behind",
          "before",
          "after",
          "near",
          "into",
          "over",
          "about",
          "between",
          "beside",
          "inside",
          "outside",
          "within",
          "without",
          "beneath",
          "across",
          "toward",
          "towards",
          "among",
          "against",
          "around",
          "through",
          "onto",
          "upon",
          "during",
          "along",
          "throughout",
          "beyond",
          "despite",
          "via",
          "until");

  /**
   * Function words the grammar does not read: meeting one where a content word is expected makes
   * the sentence unreadable (reported), never a predicate.
   */
  static final Set<String> UNREAD =
      Set.of(
          "if",
          "then",
          "either",
          "neither",
          "nor",
          "both",
          "only",
          "unless",
          "because",
          "so",
          "when",
          "whenever",
          "whether",
          "also",
          "too",
          "not",
          "no",
          "some",
          "the",
          "a",
          "an",
          "and",
          "or",
          "but",
          "than",
          "as",
          "there",
          "here",
          "this",
          "these",
          "those",
          "what",
          "where",
          "why",
          "how",
          "who",
          "that",
          "which",
          "whose",
          "whom",
          "can",
          "could",
          "will",
          "would",
          "should",
          "may",
          "might",
          "must",
          "shall",
          "has",
          "have",
          "had",
          "been",
          "being",
          "be",
          "is",
          "are",
          "was",
          "were",
          "do",
          "does",
          "did",
          "every",
          "each",
          "all",
          "any",
          "most",
          "many",
          "few",
          "several",
          "none",
          "nothing",
          "nobody",
          "same",
          "other",
          "another",
          "such",
          "although",
          "though",
          "while",
          "otherwise",
          "always",
          "never",
          "often",
          "sometimes",
          "usually",
          "least",
          "more",
          "less",
          "its",
          "their",
          "his",
          "our",
          "your",
          "my",
          "we",
          "you",
          "i",
          "us",
          "me",
          "own",
          "one's");

  /** Ordering relations and their converses (general English, not a corpus lexicon). */
  static final Map<String, String> CONVERSE =
      Map.ofEntries(
          Map.entry("taller", "shorter"),
          Map.entry("older", "younger"),
          Map.entry("bigger", "smaller"),
          Map.entry("larger", "smaller"),
          Map.entry("heavier", "lighter"),
          Map.entry("faster", "slower"),
          Map.entry("higher", "lower"),
          Map.entry("richer", "poorer"),
          Map.entry("stronger", "weaker"),
          Map.entry("earlier", "later"),
          Map.entry("wider", "narrower"),
          Map.entry("left_of", "right_of"),
          Map.entry("above", "below"),
          Map.entry("before", "after"),
          Map.entry("in_front_of", "behind"),
          Map.entry("cheaper", "more_expensive"));

  /** Relations that are strict orders (transitive, asymmetric) when used between individuals. */
  static boolean isOrdering(String rel) {
    if (CONVERSE.containsKey(rel) || CONVERSE.containsValue(rel)) {
      return true;
    }
    return rel.startsWith("more_") || rel.startsWith("less_") || rel.matches("[a-z]+er");
  }

  private static final Map<String, String> IRREGULAR =
      Map.of(
          "people",
          "person",
          "children",
          "child",
          "men",
          "man",
          "women",
          "woman",
          "mice",
          "mouse",
          "geese",
          "goose",
          "feet",
          "foot",
          "teeth",
          "tooth",
          "has",
          "have",
          "does",
          "do");

  /** Singular noun / base verb of an inflected word: cats → cat, chases → chase, flies → fly. */
  static String base(String w) {
    String irregular = IRREGULAR.get(w);
    if (irregular != null) {
      return irregular;
    }
    if (w.length() <= 3
        || w.endsWith("ss")
        || w.endsWith("ous")
        || w.endsWith("us")
        || w.endsWith("is")
        || w.endsWith("ics")
        || !w.endsWith("s")) {
      return w;
    }
    if (w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    for (String suffix : new String[] {"sses", "shes", "ches", "xes", "zes", "oes"}) {
      if (w.endsWith(suffix)) {
        return w.substring(0, w.length() - 2);
      }
    }
    return w.substring(0, w.length() - 1);
  }

  /** A word that can fill a content slot: letters (and inner hyphens), not closed-class. */
  static boolean isContent(String w) {
    return w.matches("[a-z][a-z-]*")
        && !UNREAD.contains(w)
        && !PRONOUNS.contains(w)
        && !PREPOSITIONS.contains(w);
  }
}
