package org.gyrus.nn.blocks;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gyrus.core.SpecError;

/** Block types by name. {@link #standard()} holds the built-in library; copies can add more. */
public final class BlockTypes {
  private final Map<String, BlockType> byName = new LinkedHashMap<>();

  public BlockTypes(Collection<? extends BlockType> types) {
    for (BlockType t : types) {
      byName.put(t.name(), t);
    }
  }

  public static BlockTypes standard() {
    return Holder.STANDARD;
  }

  /** A new registry with every type of this one plus the given ones (which win on clashes). */
  public BlockTypes with(BlockType... more) {
    BlockTypes copy = new BlockTypes(byName.values());
    for (BlockType t : more) {
      copy.byName.put(t.name(), t);
    }
    return copy;
  }

  public BlockType of(String name, String path) {
    BlockType t = byName.get(name);
    if (t == null) {
      throw new SpecError(path, "a block type, one of " + byName.keySet(), "'" + name + "'");
    }
    return t;
  }

  public static BlockType of(String name) {
    return standard().of(name, "");
  }

  public Map<String, BlockType> all() {
    return Collections.unmodifiableMap(byName);
  }

  private static final class Holder {
    static final BlockTypes STANDARD = new BlockTypes(StandardTypes.all());
  }
}
