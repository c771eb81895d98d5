package org.gyrus.nesy.kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gyrus.core.SpecError;

/**
 * A knowledge graph of (subject, relation, object) triples with entities and relations interned to
 * dense ints and adjacency lists per relation in both directions.
 */
public final class KnowledgeGraph {
  /** One triple as interned ids. */
  public record Triple(int subject, int relation, int object) {}

  private final List<String> entities = new ArrayList<>();
  private final Map<String, Integer> entityIds = new HashMap<>();
  private final List<String> relations = new ArrayList<>();
  private final Map<String, Integer> relationIds = new HashMap<>();
  private final List<Triple> triples = new ArrayList<>();
  private final Set<Triple> tripleSet = new HashSet<>();
  // forward.get(r).get(s) = objects of r from s; backward: subjects of r towards o
  private final List<Map<Integer, List<Integer>>> forward = new ArrayList<>();
  private final List<Map<Integer, List<Integer>>> backward = new ArrayList<>();

  /**
   * Reads TAB-separated triples {@code subject<TAB>relation<TAB>object}, one per line; blank lines
   * and lines starting with {@code #} are skipped. A malformed line is an error naming file:line.
   */
  public static KnowledgeGraph load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new SpecError(file.toString(), "a readable TSV file of triples", "nothing there");
    }
    KnowledgeGraph g = new KnowledgeGraph();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 3 || f[0].isBlank() || f[1].isBlank() || f[2].isBlank()) {
        throw new SpecError(
            file + ":" + (i + 1),
            "subject<TAB>relation<TAB>object (3 non-empty fields)",
            f.length + " field(s): '" + abbreviate(line) + "'");
      }
      g.add(f[0].strip(), f[1].strip(), f[2].strip());
    }
    if (g.triples.isEmpty()) {
      throw new SpecError(file.toString(), "at least one triple", "none");
    }
    return g;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** Adds a triple by names (interning new entities and relations); duplicates are ignored. */
  public void add(String subject, String relation, String object) {
    Triple t = new Triple(entity(subject), relationId(relation), entity(object));
    if (tripleSet.add(t)) {
      triples.add(t);
      forward
          .get(t.relation())
          .computeIfAbsent(t.subject(), k -> new ArrayList<>())
          .add(t.object());
      backward
          .get(t.relation())
          .computeIfAbsent(t.object(), k -> new ArrayList<>())
          .add(t.subject());
    }
  }

  /** The id of an entity, interning it when new. */
  public int entity(String name) {
    Integer id = entityIds.get(name);
    if (id == null) {
      id = entities.size();
      entities.add(name);
      entityIds.put(name, id);
    }
    return id;
  }

  private int relationId(String name) {
    Integer id = relationIds.get(name);
    if (id == null) {
      id = relations.size();
      relations.add(name);
      relationIds.put(name, id);
      forward.add(new HashMap<>());
      backward.add(new HashMap<>());
    }
    return id;
  }

  /** The id of a known entity, or -1. */
  public int entityId(String name) {
    return entityIds.getOrDefault(name, -1);
  }

  /** The id of a known relation, or -1. */
  public int relationIdOf(String name) {
    return relationIds.getOrDefault(name, -1);
  }

  public String entityName(int id) {
    return entities.get(id);
  }

  public String relationName(int id) {
    return relations.get(id);
  }

  public int entityCount() {
    return entities.size();
  }

  public int relationCount() {
    return relations.size();
  }

  public List<Triple> triples() {
    return triples;
  }

  public boolean contains(int s, int r, int o) {
    return tripleSet.contains(new Triple(s, r, o));
  }

  /** Neighbours of {@code node} along relation r (objects), or against it (subjects). */
  public List<Integer> step(int node, int relation, boolean inverse) {
    Map<Integer, List<Integer>> m = (inverse ? backward : forward).get(relation);
    return m.getOrDefault(node, List.of());
  }

  /** Subjects with at least one r-edge. */
  public Set<Integer> subjectsOf(int relation) {
    return forward.get(relation).keySet();
  }
}
