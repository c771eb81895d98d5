package org.gyrus.logic.plan;

import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;

/**
 * A planner configuration by name ({@link org.gyrus.core.plugin.Register}): {@code gyrus plan
 * --planner NAME} or {@code NAME:ARG} (the first declared argument, e.g. {@code astar:hmax}).
 */
public interface PlannerFactory extends Component {
  /** The options this configuration plans with under a limit of {@code timeoutSeconds}. */
  Planner.Options options(Args args, double timeoutSeconds);
}
