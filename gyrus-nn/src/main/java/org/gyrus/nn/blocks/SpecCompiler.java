package org.gyrus.nn.blocks;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;

/**
 * Turns a concrete spec tree into a DJL block. A node is looked up by its type in {@link
 * BlockTypes}; a bare list means "these in sequence". Every node is shape-checked by {@link
 * #analyse} before {@link #build} constructs anything.
 */
public final class SpecCompiler {
  private final BlockTypes types;

  public SpecCompiler(BlockTypes types) {
    this.types = types;
  }

  /** A compiler over {@link BlockTypes#standard()}: built-ins and registered plug-ins. */
  public static SpecCompiler standard() {
    return new SpecCompiler(BlockTypes.standard());
  }

  public BlockTypes types() {
    return types;
  }

  public Analysis analyse(Value spec, Shape input, String path) {
    if (spec instanceof Value.ListVal list) {
      return analyseSequence(list.items(), input, path);
    }
    Node node = asNode(spec, path);
    return types.of(node.type(), path).analyse(node, input, path, this);
  }

  public Block build(Value spec, Shape input, String path) {
    if (spec instanceof Value.ListVal list) {
      return buildSequence(list.items(), input, path);
    }
    Node node = asNode(spec, path);
    return types.of(node.type(), path).build(node, input, path, this);
  }

  public Analysis analyseSequence(List<Value> items, Shape input, String path) {
    Shape s = input;
    long params = 0;
    long flops = 0;
    for (int i = 0; i < items.size(); i++) {
      Analysis a = analyse(items.get(i), s, path + "[" + i + "]");
      s = a.output();
      params += a.params();
      flops += a.flops();
    }
    return new Analysis(s, params, flops);
  }

  public Block buildSequence(List<Value> items, Shape input, String path) {
    SequentialBlock seq = new SequentialBlock();
    Shape s = input;
    for (int i = 0; i < items.size(); i++) {
      String p = path + "[" + i + "]";
      seq.add(build(items.get(i), s, p));
      s = analyse(items.get(i), s, p).output();
    }
    return seq;
  }

  static Node asNode(Value spec, String path) {
    if (spec instanceof Node n) {
      if (!n.isConcrete()) {
        throw new SpecError(path, "a concrete spec (materialise the space first)", "open hypers");
      }
      return n;
    }
    throw new SpecError(path, "a layer node (a map with _type) or a list of them", "" + spec);
  }
}
