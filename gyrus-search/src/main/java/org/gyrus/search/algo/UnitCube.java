package org.gyrus.search.algo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.gyrus.core.Decision;
import org.gyrus.core.Dna;
import org.gyrus.core.DnaSpec;
import org.gyrus.core.Space;

/**
 * The decisions of a space as coordinates of the unit cube, for the model-based and evolution
 * strategies that work on real vectors. A real decision maps linearly to [0, 1] (through the log
 * for log ranges); a discrete one with k values (integers on a grid, or the options of a choice)
 * owns k bins of width 1/k and is encoded at its bin's centre. Inactive decisions encode as NaN.
 */
final class UnitCube {
  private final DnaSpec spec;
  private final List<Decision> dims;
  private final int[] levels; // 0 for a real decision

  UnitCube(DnaSpec spec) {
    this.spec = spec;
    this.dims = spec.decisions();
    levels = new int[dims.size()];
    for (int j = 0; j < levels.length; j++) {
      Decision d = dims.get(j);
      if (d instanceof Decision.Choice c) {
        levels[j] = c.size();
      } else if (d instanceof Decision.IntChoice r) {
        levels[j] = (int) Math.min(Integer.MAX_VALUE, r.count());
      }
    }
  }

  int size() {
    return dims.size();
  }

  List<Decision> decisions() {
    return dims;
  }

  /** Values a discrete coordinate takes (0 for a real one). */
  int levels(int j) {
    return levels[j];
  }

  boolean isCategorical(int j) {
    return dims.get(j) instanceof Decision.Choice;
  }

  /** Whether some decision is conditional (active only for some values of another). */
  boolean isConditional() {
    for (Decision d : dims) {
      if (d.when() != null) {
        return true;
      }
    }
    return false;
  }

  double[] encode(Dna dna) {
    double[] u = new double[dims.size()];
    for (int j = 0; j < u.length; j++) {
      Number v = dna.get(dims.get(j).id());
      u[j] = v == null ? Double.NaN : encode(j, v);
    }
    return u;
  }

  double encode(int j, Number v) {
    Decision d = dims.get(j);
    if (d instanceof Decision.Choice) {
      return (v.longValue() + 0.5) / levels[j];
    } else if (d instanceof Decision.IntChoice r) {
      return ((v.longValue() - r.lo()) / r.step() + 0.5) / levels[j];
    }
    Decision.FloatChoice f = (Decision.FloatChoice) d;
    if (f.lo() == f.hi()) {
      return 0.5;
    }
    return f.log()
        ? (Math.log(v.doubleValue()) - Math.log(f.lo())) / (Math.log(f.hi()) - Math.log(f.lo()))
        : (v.doubleValue() - f.lo()) / (f.hi() - f.lo());
  }

  /** The value of decision j at cube coordinate u (clipped to the cube). */
  Number decode(int j, double u) {
    double c = Math.max(0, Math.min(1, u));
    Decision d = dims.get(j);
    if (levels[j] > 0) {
      long k = Math.min(levels[j] - 1, (long) Math.floor(c * levels[j]));
      return d instanceof Decision.IntChoice r ? r.lo() + k * r.step() : k;
    }
    Decision.FloatChoice f = (Decision.FloatChoice) d;
    double v =
        f.log()
            ? Math.exp(Math.log(f.lo()) + c * (Math.log(f.hi()) - Math.log(f.lo())))
            : f.lo() + c * (f.hi() - f.lo());
    return Math.max(f.lo(), Math.min(f.hi(), v));
  }

  /** The point whose active decisions take the values at u (completed by the space if needed). */
  Dna decode(double[] u, Space space, RandomGenerator rng) {
    Map<String, Number> point = new LinkedHashMap<>();
    for (int j = 0; j < dims.size(); j++) {
      Decision d = dims.get(j);
      if (spec.isActive(d, point) && !Double.isNaN(u[j])) {
        point.put(d.id(), decode(j, u[j]));
      }
    }
    return space.complete(point, rng);
  }
}
