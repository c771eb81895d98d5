package org.gyrus.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Readable labels for a space's decisions, built while {@link SpaceCompiler} walks it. A named
 * hyper's decision reads as its name. Other decisions read as a path of what a person sees in the
 * spec rather than list indices: a node argument by its key, a list item by its node type (numbered
 * when a type repeats among its siblings), the copies of a repeat as {@code stage1, stage2, ...} (a
 * repeated list of layers is a stage; a repeated node keeps its type), an optional as {@code
 * type?}, a repeat's count as {@code stage.count}, a choice's candidate by its type. So the demo's
 * {@code body[0][1][0].filters} reads {@code stage2.conv2d.filters} and {@code body[2]#1.rate}
 * reads {@code dropout.rate}. Derived labels that coincide with a name or with each other fall back
 * to the id with indices written as dots ({@code body.0.1.0.filters}), then to a numbered suffix,
 * so labels are unique per space and depend only on the spec.
 */
final class DecisionLabels {
  /** The longest joined list of candidate types a choice is described by. */
  private static final int MAX_CHOICE_DESC = 24;

  private final Map<String, String> derived = new LinkedHashMap<>();
  private final Map<String, String> named = new LinkedHashMap<>();
  private final Map<String, String> pathOfName = new HashMap<>();

  /** Where a walk is: the readable path so far and the suffix names get inside repeated parts. */
  record Where(String readable, String nameSuffix) {
    static final Where ROOT = new Where("", "");

    Where at(String segment) {
      return new Where(join(readable, segment), nameSuffix);
    }

    /** Copy {@code i} of a repeat or slot {@code i} of a manyOf: numbered names and labels. */
    Where copy(String base, int i) {
      return new Where(numbered(base, i + 1), nameSuffix + "." + (i + 1));
    }
  }

  /**
   * Records decision {@code id}: its name (suffixed) when the hyper has one, else {@code label}.
   */
  void add(String id, String name, Where where, String label) {
    if (name == null) {
      derived.put(id, label.isEmpty() ? "value" : label);
      return;
    }
    String full = SpecCodec.checkName(name, id + ".name") + where.nameSuffix();
    String other = pathOfName.putIfAbsent(full, id);
    if (other != null) {
      throw new SpecError(
          id, "a decision name unique in the space", "'" + full + "', also the name of " + other);
    }
    named.put(id, full);
  }

  /** The final labels by decision id, in the order the decisions were added. */
  Map<String, String> resolve(List<String> ids) {
    Map<String, Integer> uses = new HashMap<>();
    derived.values().forEach(l -> uses.merge(l, 1, Integer::sum));
    Set<String> taken = new LinkedHashSet<>(named.values());
    derived.forEach(
        (id, l) -> {
          if (uses.get(l) == 1 && !named.containsValue(l)) {
            taken.add(l);
          }
        });
    Map<String, String> out = new LinkedHashMap<>();
    for (String id : ids) {
      String l = named.get(id);
      if (l == null) {
        l = derived.get(id);
        if (uses.get(l) > 1 || named.containsValue(l)) {
          l = unique(dotted(id), taken);
        }
      }
      out.put(id, l);
    }
    return out;
  }

  private static String unique(String label, Set<String> taken) {
    String l = label;
    for (int n = 2; !taken.add(l); n++) {
      l = label + "~" + n;
    }
    return l;
  }

  /** The id with list indices as dot segments: {@code body[0][1]} is {@code body.0.1}. */
  static String dotted(String id) {
    return id.replaceAll("\\[(\\d+)]", ".$1");
  }

  static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "." + b;
  }

  /** {@code base} numbered: {@code stage1}, or {@code conv2d2.3} when base ends in a digit. */
  static String numbered(String base, int n) {
    if (base.isEmpty()) {
      return "copy" + n;
    }
    return Character.isDigit(base.charAt(base.length() - 1)) ? base + "." + n : base + n;
  }

  /**
   * What a person calls a list item or candidate: a node's type, an optional's body, a repeat's
   * {@code stage} (of a list) or node type, a choice of nodes as {@code a|b}; null for plain
   * values.
   */
  static String describe(Value v) {
    if (v instanceof Value.Node n) {
      return n.type();
    } else if (v instanceof Hyper.OptionalOf o) {
      return describe(o.body());
    } else if (v instanceof Hyper.Repeat r) {
      return r.body() instanceof Value.ListVal ? "stage" : describe(r.body());
    } else if (v instanceof Hyper.OneOf o) {
      Set<String> kinds = new LinkedHashSet<>();
      for (Value c : o.candidates()) {
        String d = describe(c);
        if (d == null) {
          return null;
        }
        kinds.add(d);
      }
      String joined = String.join("|", kinds);
      return joined.length() <= MAX_CHOICE_DESC ? joined : "choice";
    }
    return null;
  }

  /**
   * The segment of item {@code i} among {@code items}: its description, numbered when siblings
   * share it; else {@code key.N} (or {@code N}) for plain values.
   */
  static String segment(List<Value> items, int i, String key) {
    String d = describe(items.get(i));
    if (d == null) {
      return join(key == null ? "" : key, Integer.toString(i + 1));
    }
    List<Integer> same = new ArrayList<>();
    for (int j = 0; j < items.size(); j++) {
      if (d.equals(describe(items.get(j)))) {
        same.add(j);
      }
    }
    return same.size() == 1 ? d : numbered(d, same.indexOf(i) + 1);
  }
}
