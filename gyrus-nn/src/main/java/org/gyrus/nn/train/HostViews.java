package org.gyrus.nn.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.FloatBuffer;

/**
 * Zero-copy views of float32 CPU tensors' native memory, so an optimizer can update every element
 * in one Java pass instead of a dozen engine kernels with temporaries. A view is only used to write
 * when a probe write is seen through the tensor (the engine hands out a copy for non-contiguous
 * tensors, and writes to a copy would be lost).
 */
final class HostViews {
  /** Elements per chunk: two scratch chunks stay in L1 while the loop runs over them. */
  static final int CHUNK = 2048;

  private HostViews() {}

  /** A writable view of {@code p}'s own memory, or null when the engine cannot give one. */
  static FloatBuffer writable(NDArray p) {
    if (!(p instanceof PtNDArray pt)
        || p.getDataType() != DataType.FLOAT32
        || !Device.cpu().equals(p.getDevice())
        || p.size() == 0
        || p.isSparse()) {
      return null;
    }
    FloatBuffer view = JniUtils.getByteBuffer(pt, true).asFloatBuffer();
    if (view.capacity() != p.size()) {
      return null;
    }
    float old = view.get(0);
    float probe = old == 1f ? 2f : 1f;
    view.put(0, probe);
    boolean through = firstElement(p) == probe;
    view.put(0, old);
    return through ? view : null;
  }

  /** A read-only view of {@code a}'s values as float32 (a copy when it is not one already). */
  static FloatBuffer readable(NDArray a) {
    NDArray f = a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false);
    return JniUtils.getByteBuffer((PtNDArray) f, true).asFloatBuffer();
  }

  private static float firstElement(NDArray p) {
    try (NDArray flat = p.reshape(-1);
        NDArray first = flat.get(0)) {
      return first.getFloat();
    }
  }
}
