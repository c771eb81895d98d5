package org.gyrus.app.draw;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value;
import org.gyrus.nn.blocks.Analysis;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.nn.blocks.Shapes;
import org.gyrus.nn.blocks.SpecCompiler;

/**
 * Wire labels from gyrus-nn's shape inference: the spec is analysed as a network (trying the input
 * shapes of the data sets Gyrus ships: 1x28x28 images, 3x32x32 images, a cell's channels at 32x32),
 * and every node's output shape is recorded by path.
 */
public final class NetworkShapes implements ShapeInference {
  private static final List<Shape> INPUTS = List.of(new Shape(1, 28, 28), new Shape(3, 32, 32));

  @Override
  public ShapeAnnotator annotate(Value spec) {
    List<Shape> inputs = new ArrayList<>(INPUTS);
    if (spec instanceof Value.Node n && n.type().equals("cell")) {
      inputs.add(0, new Shape(n.intArg("channels", 16), 32, 32));
    }
    RuntimeException last = null;
    for (Shape input : inputs) {
      Map<String, Shape> out = new HashMap<>();
      try {
        Analysis a = recordingCompiler(out).analyse(spec, input, "");
        out.put("", a.output());
        if (spec instanceof Value.Node m
            && m.type().equals("model")
            && !"none".equals(m.strArg("head", "auto"))) {
          out.put("head", new Shape(10)); // the classifier head every shipped data set gets
        }
        String in = label(input);
        return new ShapeAnnotator() {
          @Override
          public Optional<String> outputLabel(String path, Value.Node node) {
            Shape s = out.get(path);
            return s == null ? Optional.empty() : Optional.of(label(s));
          }

          @Override
          public Optional<String> inputLabel() {
            return Optional.of(in);
          }
        };
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw last == null ? new IllegalStateException("no input shape fits") : last;
  }

  private static String label(Shape s) {
    return Shapes.show(s);
  }

  /** A compiler whose every block type also records its output shape under its path. */
  private static SpecCompiler recordingCompiler(Map<String, Shape> out) {
    List<BlockType> wrapped = new ArrayList<>();
    for (Map.Entry<String, BlockType> e : BlockTypes.standard().all().entrySet()) {
      BlockType t = e.getValue();
      wrapped.add(
          new BlockType() {
            @Override
            public NodeType type() {
              return t.type();
            }

            @Override
            public Analysis analyse(Value.Node node, Shape input, String path, SpecCompiler c) {
              Analysis a = t.analyse(node, input, path, c);
              out.put(path.startsWith(".") ? path.substring(1) : path, a.output());
              return a;
            }

            @Override
            public Block build(Value.Node node, Shape input, String path, SpecCompiler c) {
              return t.build(node, input, path, c);
            }
          });
    }
    return new SpecCompiler(new BlockTypes(wrapped));
  }
}
