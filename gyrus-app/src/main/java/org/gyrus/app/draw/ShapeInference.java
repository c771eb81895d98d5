package org.gyrus.app.draw;

import java.util.ServiceLoader;
import org.gyrus.core.Value;

/**
 * Where diagrams get their wire labels: something that infers the shapes of a whole spec (a network
 * compiler) and answers per node. Found with {@link ServiceLoader} (a {@code
 * META-INF/services/org.gyrus.app.draw.ShapeInference} file naming the implementation), so the
 * dashboard, {@code gyrus draw} and reports pick it up without being changed.
 */
public interface ShapeInference {
  /** Knows no shapes. */
  ShapeInference NONE = spec -> ShapeAnnotator.NONE;

  /** Labels for one spec; {@link ShapeAnnotator#NONE} when its shapes cannot be inferred. */
  ShapeAnnotator annotate(Value spec);

  /** Like {@link #annotate}, but a spec whose shapes cannot be worked out is drawn unlabelled. */
  default ShapeAnnotator annotateOrNone(Value spec) {
    try {
      return annotate(spec);
    } catch (RuntimeException e) {
      return ShapeAnnotator.NONE;
    }
  }

  /** The first implementation on the class path, else {@link #NONE}. */
  static ShapeInference discover() {
    return ServiceLoader.load(ShapeInference.class).findFirst().orElse(NONE);
  }
}
