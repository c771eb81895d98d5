package org.gyrus.nas;

import java.util.Map;
import org.gyrus.core.Value;

/**
 * What running a network costs on some hardware: named measurements (latency, energy, area...), in
 * the units their names say. {@code hardware} is the concrete hardware node of a design for models
 * with hardware decisions of their own, and null for models of a fixed machine.
 */
public interface CostModel {
  Map<String, Double> costs(Network network, Value hardware);
}
