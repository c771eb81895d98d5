package org.gyrus.agents.household;

import java.util.List;

/** Goal satisfaction: each goal by its own item (goals of one task name different types). */
final class Goals {
  private Goals() {}

  static boolean satisfied(
      List<Task.Goal> goals, ItemType[] types, int[] itemAt, boolean[] clean, House house) {
    for (Task.Goal g : goals) {
      boolean met = false;
      for (int i = 0; i < types.length && !met; i++) {
        met = satisfies(g, types[i], itemAt[i], clean[i], house);
      }
      if (!met) {
        return false;
      }
    }
    return true;
  }

  static boolean satisfies(Task.Goal g, ItemType type, int at, boolean clean, House house) {
    if (type != g.type() || (g.clean() && !clean)) {
      return false;
    }
    if (g.receptacle() == null) {
      return at == World.HELD;
    }
    return at >= 0 && house.furniture().get(at).type() == g.receptacle();
  }
}
