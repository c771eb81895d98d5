package org.gyrus.nas;

/**
 * One convolution (or dense layer: kernel 1 on a 1x1 map) as an accelerator sees it: channels,
 * square kernel, stride and input size; padding keeps "same" size at stride 1. Values are 8-bit, so
 * a tensor's byte size is its element count.
 */
public record Layer(String name, int in, int out, int kernel, int stride, int height, int width) {
  public Layer {
    if (in < 1 || out < 1 || kernel < 1 || stride < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("layer " + name + ": sizes must be positive");
    }
  }

  public int outHeight() {
    return (height + 2 * (kernel / 2) - kernel) / stride + 1;
  }

  public int outWidth() {
    return (width + 2 * (kernel / 2) - kernel) / stride + 1;
  }

  public long macs() {
    return (long) outHeight() * outWidth() * out * in * kernel * kernel;
  }

  public long weightBytes() {
    return (long) out * in * kernel * kernel;
  }

  public long inputBytes() {
    return (long) in * height * width;
  }

  public long outputBytes() {
    return (long) out * outHeight() * outWidth();
  }
}
