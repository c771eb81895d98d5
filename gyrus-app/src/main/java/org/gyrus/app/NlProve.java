package org.gyrus.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gyrus.core.SpecError;
import org.gyrus.core.TextFiles;
import org.gyrus.logic.fol.Linc;
import org.gyrus.logic.fol.english.EnglishParser;
import org.gyrus.logic.fol.english.NlReasoner;
import org.gyrus.logic.fol.prover.Prover;

/**
 * {@code gyrus prove --nl FILE}: every JSON line with {@code context} (text, or an array of
 * sentences) and {@code question} is parsed by the controlled-English grammar and answered; lines
 * with a gold {@code label} or {@code answer} (True/False/Unknown/Uncertain or A/B/C) are scored.
 */
final class NlProve {
  private NlProve() {}

  private record Item(int line, String context, String question, String gold) {}

  static int run(Path file, EnglishParser.Negation negation, double timeout, boolean formulas)
      throws IOException {
    List<Item> items = read(file);
    NlReasoner reasoner = new NlReasoner(negation, Prover.Limits.seconds(timeout));
    Map<Linc.Answer, Integer> counts = new EnumMap<>(Linc.Answer.class);
    int parsed = 0;
    int gold = 0;
    int right = 0;
    int goldParsed = 0;
    int rightParsed = 0;
    long t0 = System.nanoTime();
    for (Item it : items) {
      NlReasoner.Outcome o = reasoner.answer(it.context(), it.question());
      counts.merge(o.answer(), 1, Integer::sum);
      for (NlReasoner.Unread u : o.unread()) {
        String where = u.sentence() == 0 ? "question" : "sentence " + u.sentence();
        System.err.println(file + ":" + it.line() + ": " + where + ": not read: " + u.reason());
      }
      if (formulas) {
        o.premises().forEach(f -> System.out.println("  " + f));
        System.out.println("  ? " + o.statement());
      }
      boolean ok = it.gold() != null && it.gold().equals(o.answer().text);
      System.out.println(
          it.line()
              + "\t"
              + o.answer().text
              + (it.gold() == null ? "" : "\tgold " + it.gold() + (ok ? "" : "\tWRONG"))
              + (o.fullyParsed() ? "" : "\tunread " + o.unread().size())
              + (o.inconsistent() ? "\tinconsistent premises" : ""));
      parsed += o.fullyParsed() ? 1 : 0;
      if (it.gold() != null) {
        gold++;
        right += ok ? 1 : 0;
        goldParsed += o.fullyParsed() ? 1 : 0;
        rightParsed += ok && o.fullyParsed() ? 1 : 0;
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "records %d, fully parsed %d (%.2f%%), answers %s, %.1f s%n",
        items.size(),
        parsed,
        100.0 * parsed / items.size(),
        counts,
        secs);
    if (gold > 0) {
      System.out.printf(
          Locale.ROOT,
          "accuracy %d/%d (%.2f%%); on fully parsed %d/%d (%.2f%%)%n",
          right,
          gold,
          100.0 * right / gold,
          rightParsed,
          goldParsed,
          goldParsed == 0 ? 0.0 : 100.0 * rightParsed / goldParsed);
    }
    return 0;
  }

  private static List<Item> read(Path file) throws IOException {
    String text = TextFiles.readUtf8(file);
    ObjectMapper json = new ObjectMapper();
    List<Item> items = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      JsonNode n;
      try {
        n = json.readTree(lines.get(i));
      } catch (IOException e) {
        throw new SpecError(where, "a JSON object per line", "invalid JSON");
      }
      if (n == null || !n.isObject() || !n.path("question").isTextual()) {
        throw new SpecError(where, "an object with \"context\" and \"question\" strings", "" + n);
      }
      JsonNode c = n.path("context");
      String context;
      if (c.isTextual()) {
        context = c.asText();
      } else if (c.isArray()) {
        List<String> parts = new ArrayList<>();
        c.forEach(p -> parts.add(p.asText().strip()));
        context = String.join(" ", parts);
      } else {
        throw new SpecError(where + ": context", "text or an array of sentences", "" + c);
      }
      items.add(new Item(i + 1, context, n.get("question").asText(), gold(n)));
    }
    if (items.isEmpty()) {
      throw new SpecError(file.toString(), "at least one JSON line", "none");
    }
    return items;
  }

  private static String gold(JsonNode n) {
    String g = n.has("label") ? n.get("label").asText() : n.path("answer").asText(null);
    if (g == null) {
      return null;
    }
    return switch (g.strip()) {
      case "A", "True", "true" -> "True";
      case "B", "False", "false" -> "False";
      case "C", "Unknown", "Uncertain", "unknown" -> "Unknown";
      default -> null;
    };
  }
}
