package org.gyrus.agents.household;

import java.util.List;

/** The four rooms of a house and the furniture each holds. */
public enum RoomType {
  KITCHEN(
      List.of(
          FurnitureType.FRIDGE, FurnitureType.CABINET, FurnitureType.COUNTER, FurnitureType.SINK)),
  BATHROOM(List.of(FurnitureType.SINK, FurnitureType.SHELF)),
  LIVING(List.of(FurnitureType.TABLE, FurnitureType.SOFA)),
  BEDROOM(List.of(FurnitureType.DRAWER, FurnitureType.DESK));

  public final List<FurnitureType> furniture;

  RoomType(List<FurnitureType> furniture) {
    this.furniture = furniture;
  }
}
