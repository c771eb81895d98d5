package org.gyrus.nn.train;

import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * An optimizer's per-parameter state: for parameters with a writable host view, {@code slots} Java
 * arrays (momentum, moments) beside the view, stored as rows of {@link HostViews#CHUNK} so that a
 * chunk's loop indexes every array alike (the JIT vectorises only such loops); for the others,
 * {@code slots} engine arrays. All allocated once, outside any per-step scope.
 */
final class HostState {
  private final FloatBuffer[] views;
  private final float[][][][] host;
  private final NDArray[][] engine;

  HostState(List<NDArray> params, int slots) {
    int n = params.size();
    views = new FloatBuffer[n];
    host = new float[n][][][];
    engine = new NDArray[n][];
    for (int i = 0; i < n; i++) {
      NDArray p = params.get(i);
      views[i] = HostViews.writable(p);
      if (views[i] != null) {
        int rows = Math.toIntExact((p.size() + HostViews.CHUNK - 1) / HostViews.CHUNK);
        host[i] = new float[slots][rows][HostViews.CHUNK];
      } else {
        engine[i] = new NDArray[slots];
        for (int s = 0; s < slots; s++) {
          engine[i][s] = p.zerosLike();
        }
      }
    }
  }

  boolean onHost(int i) {
    return views[i] != null;
  }

  FloatBuffer weights(int i) {
    return views[i];
  }

  int size(int i) {
    return views[i].capacity();
  }

  /** Row {@code off / CHUNK} of slot {@code slot}: the state of elements off.. of parameter i. */
  float[] state(int i, int slot, int off) {
    return host[i][slot][off / HostViews.CHUNK];
  }

  NDArray engineState(int i, int slot) {
    return engine[i][slot];
  }
}
