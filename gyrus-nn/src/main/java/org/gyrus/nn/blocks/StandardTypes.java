package org.gyrus.nn.blocks;

import java.util.ArrayList;
import java.util.List;

/** The built-in block library. */
final class StandardTypes {
  private StandardTypes() {}

  static List<BlockType> all() {
    List<BlockType> all = new ArrayList<>();
    all.addAll(LayerTypes.all());
    all.addAll(Activations.all());
    all.addAll(CompositeTypes.all());
    all.add(new EmbeddingType());
    all.add(new AttentionType());
    all.add(new CellType());
    return all;
  }
}
