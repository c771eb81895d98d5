package org.gyrus.nn.data;

/**
 * Standardisation fitted on training data: per feature for tables, one mean and deviation per
 * channel for images (C×H×W; so spatial structure is kept), applied unchanged to validation and
 * test data. Feature i belongs to group {@code (i mod size) / (size / groups)}.
 */
public record Normaliser(float[] mean, float[] std) {
  public static Normaliser fit(Dataset train, boolean perFeature) {
    int per = train.exampleSize();
    int channels = train.exampleShape().dimension() == 3 ? (int) train.exampleShape().get(0) : 1;
    int groups = perFeature ? per : channels;
    int span = per / groups;
    double[] sum = new double[groups];
    double[] sq = new double[groups];
    float[] x = train.x();
    for (int i = 0; i < x.length; i++) {
      int g = (i % per) / span;
      sum[g] += x[i];
      sq[g] += (double) x[i] * x[i];
    }
    double count = (double) x.length / groups;
    float[] mean = new float[groups];
    float[] std = new float[groups];
    for (int g = 0; g < groups; g++) {
      double m = sum[g] / count;
      double var = Math.max(sq[g] / count - m * m, 0);
      mean[g] = (float) m;
      std[g] = (float) (var > 1e-12 ? Math.sqrt(var) : 1.0);
    }
    return new Normaliser(mean, std);
  }

  public Dataset apply(Dataset d) {
    float[] x = d.x();
    float[] out = new float[x.length];
    int per = d.exampleSize();
    int span = per / mean.length;
    for (int i = 0; i < x.length; i++) {
      int g = (i % per) / span;
      out[i] = (x[i] - mean[g]) / std[g];
    }
    return d.withX(out);
  }
}
