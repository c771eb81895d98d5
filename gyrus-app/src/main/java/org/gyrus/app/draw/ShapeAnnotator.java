package org.gyrus.app.draw;

import java.util.Optional;
import org.gyrus.core.Value;

/**
 * Labels the data on one diagram's wires. Given the path of a node inside the drawn spec (e.g.
 * {@code layers[2]} or {@code edges[0].op}; {@code ""} is the whole spec) it returns the label of
 * the tensor leaving that node, such as {@code [B, 64, 32, 32] (batch, channel, h, w)}. Made per
 * spec by a {@link ShapeInference}; without one, wires stay unlabelled.
 */
public interface ShapeAnnotator {
  /** No labels: the default when nothing knows the shapes. */
  ShapeAnnotator NONE = (path, node) -> Optional.empty();

  /** The label of the wire leaving {@code node} at {@code path}, if known. */
  Optional<String> outputLabel(String path, Value.Node node);

  /** The label of the wire entering the whole spec, if known. */
  default Optional<String> inputLabel() {
    return Optional.empty();
  }
}
