package org.gyrus.logic.datalog.provenance;

import org.gyrus.core.Args;
import org.gyrus.core.plugin.Component;

/**
 * Makes a fresh {@link Semiring} per evaluation. Registered by name ({@link
 * org.gyrus.core.plugin.Register}); {@code --semiring NAME} or {@code NAME:ARG} (the value of the
 * first declared argument, e.g. {@code topk:3}) picks one.
 */
public interface SemiringFactory extends Component {
  Semiring<?> create(Args args);
}
