package org.gyrus.nn.train;

/**
 * One finished epoch: the intermediate value a study records (validation accuracy) and what a
 * progress display shows.
 */
public record EpochReport(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double valAccuracy,
    double learningRate,
    double dataFraction,
    double seconds,
    double examplesPerSecond) {}
