package org.gyrus.logic.ilp.trains;

import java.util.List;

/** A train: its cars front to back, and its direction ({@code east}, {@code west}) when known. */
public record Train(List<Car> cars, String direction) {
  public Train {
    cars = List.copyOf(cars);
  }

  public Train withDirection(String d) {
    return new Train(cars, d);
  }

  public String toText() {
    StringBuilder sb = new StringBuilder(direction == null ? "none" : direction);
    cars.forEach(c -> sb.append(' ').append(c.toText()));
    return sb.toString();
  }
}
