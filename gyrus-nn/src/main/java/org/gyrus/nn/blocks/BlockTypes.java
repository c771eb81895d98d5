package org.gyrus.nn.blocks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.NodeType;
import org.gyrus.core.TypeRegistry;
import org.gyrus.core.plugin.Registry;

/**
 * Block types by name: the built-in library plus every {@link org.gyrus.core.plugin.Register}ed
 * {@link BlockType} on the class path (or in a {@code --plugin} jar). Immutable; {@link #with}
 * makes a copy with more.
 */
public final class BlockTypes {
  /** The node inside a {@code cell}'s edge list; not a block on its own. */
  static final NodeType EDGE =
      NodeType.of(
          "edge",
          "one edge of a cell: an op from one cell node to a later one",
          ArgSpec.required("from", Kind.INT).min(0).doc("source node"),
          ArgSpec.required("to", Kind.INT).min(1).doc("target node"),
          ArgSpec.required("op", Kind.ANY).doc("an op name or a shape-keeping layer spec"));

  private final Registry<BlockType> registry;

  private BlockTypes(Registry<BlockType> registry) {
    this.registry = registry;
  }

  public BlockTypes(Collection<? extends BlockType> types) {
    this(Registry.of("block type", types));
  }

  /** The built-in library and the registered plug-ins visible to this thread's class loader. */
  public static BlockTypes standard() {
    List<BlockType> all = new ArrayList<>(StandardTypes.all());
    all.addAll(Registry.of(BlockType.class, "block type").all());
    return new BlockTypes(all);
  }

  /** A new registry with every type of this one plus the given ones (which win on clashes). */
  public BlockTypes with(BlockType... more) {
    return new BlockTypes(registry.with(more));
  }

  public BlockType of(String name, String path) {
    return registry.get(name, path);
  }

  public static BlockType of(String name) {
    return standard().of(name, "");
  }

  public Map<String, BlockType> all() {
    Map<String, BlockType> m = new LinkedHashMap<>();
    for (BlockType t : registry.all()) {
      m.put(t.name(), t);
    }
    return m;
  }

  public List<String> names() {
    return registry.names();
  }

  /** The node types a model spec may use: every block type and the cell's {@code edge}. */
  public TypeRegistry nodeTypes() {
    List<NodeType> types = new ArrayList<>();
    for (BlockType t : registry.all()) {
      types.add(t.type());
    }
    types.add(EDGE);
    return TypeRegistry.of(types);
  }
}
