package org.gyrus.nesy.clutrr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** The relation names of a data set, numbered in sorted order (a fixed, readable numbering). */
public record Relations(List<String> names) {
  public Relations {
    names = List.copyOf(names);
  }

  public static Relations of(Collection<String> names) {
    return new Relations(new ArrayList<>(new TreeSet<>(names)));
  }

  public int size() {
    return names.size();
  }

  /** The id of a name, or -1. */
  public int id(String name) {
    return names.indexOf(name);
  }

  public String name(int id) {
    return names.get(id);
  }
}
