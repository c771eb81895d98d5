package org.gyrus.nas.proxy;

/**
 * A training-free score of an untrained network on one data batch (S10): larger is meant to predict
 * higher accuracy after training. Deterministic for a given {@link ProxyInput} (its seed fixes the
 * initial weights and any random input).
 */
public interface Proxy {
  double score(ProxyInput input);
}
