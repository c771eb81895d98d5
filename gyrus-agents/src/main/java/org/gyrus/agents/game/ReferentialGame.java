package org.gyrus.agents.game;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.nn.Scalars;
import org.gyrus.nn.blocks.CompiledModel;

/**
 * Speaker, codebook and listener of one referential game, compiled from the config's specs. The
 * speaker maps an image to {@code length} vectors, each replaced by its nearest codebook row (the
 * message is the row indices); the listener embeds the quantised message and every candidate image
 * and scores candidates by dot product.
 */
public final class ReferentialGame {
  static final Shape IMAGE = new Shape(1, 28, 28);

  private final GameConfig cfg;
  private final Block speaker;
  private final Block listenerImage;
  private final Block listenerMessage;
  private final NDArray codebook;
  private final ParameterStore ps;
  private final List<NDArray> params = new ArrayList<>();

  /** What one round of play computed; arrays live in the caller's manager scope. */
  public record Play(
      NDArray logits,
      NDArray listenerLoss,
      NDArray codebookLoss,
      NDArray commitmentLoss,
      NDArray codes,
      NDArray encoded) {
    /** Listener cross-entropy + codebook loss + beta * commitment loss. */
    public NDArray total(double beta) {
      return listenerLoss.add(codebookLoss).add(Scalars.mul(commitmentLoss, beta));
    }
  }

  public ReferentialGame(GameConfig cfg, NDManager m) {
    this.cfg = cfg;
    m.getEngine().setRandomSeed((int) cfg.seed());
    int width = cfg.length() * cfg.codeDim();
    speaker = compile(cfg.speaker(), IMAGE, width, m);
    listenerImage = compile(cfg.listenerImage(), IMAGE, cfg.embed(), m);
    listenerMessage = compile(cfg.listenerMessage(), new Shape(width), cfg.embed(), m);
    codebook = m.randomNormal(new Shape(cfg.vocab(), cfg.codeDim()));
    codebook.setRequiresGradient(true);
    ps = new ParameterStore(m, false);
    for (Block b : List.of(speaker, listenerImage, listenerMessage)) {
      for (Parameter p : b.getParameters().values()) {
        params.add(p.getArray());
      }
    }
    params.add(codebook);
  }

  private static Block compile(org.gyrus.core.Value spec, Shape in, int out, NDManager m) {
    CompiledModel cm = CompiledModel.classifier(spec, in, out);
    cm.initialize(m, DataType.FLOAT32);
    return cm.block();
  }

  public GameConfig config() {
    return cfg;
  }

  /** Every trained array: encoder parameters, then the codebook (last). */
  public List<NDArray> parameters() {
    return params;
  }

  public NDArray codebook() {
    return codebook;
  }

  public Block speaker() {
    return speaker;
  }

  /** The speaker's continuous vectors, shape (N, length, codeDim). */
  public NDArray encode(NDArray images, boolean training) {
    NDArray z = speaker.forward(ps, new NDList(images), training).singletonOrThrow();
    return z.reshape(-1, cfg.length(), cfg.codeDim());
  }

  /** Messages of a batch of images: (N, length) code indices. */
  public NDArray speak(NDArray images) {
    return VectorQuantiser.quantise(encode(images, false), codebook).codes();
  }

  /**
   * One round for N targets: {@code candidates} holds N*(distractors+1) images, N groups in order;
   * {@code targetPos} (N) says where each target sits in its group.
   */
  public Play play(NDArray targets, NDArray candidates, NDArray targetPos, boolean training) {
    long n = targets.getShape().get(0);
    int c = cfg.distractors() + 1;
    NDArray ze = encode(targets, training);
    VectorQuantiser.Result q = VectorQuantiser.quantise(ze, codebook);
    NDArray msg = q.straightThrough().reshape(n, -1);
    NDArray mEmb = listenerMessage.forward(ps, new NDList(msg), training).singletonOrThrow();
    NDArray cEmb =
        listenerImage
            .forward(ps, new NDList(candidates), training)
            .singletonOrThrow()
            .reshape(n, c, cfg.embed());
    NDArray logits = cEmb.matMul(mEmb.reshape(n, cfg.embed(), 1)).reshape(n, c);
    NDArray logp = logits.logSoftmax(1);
    NDArray picked =
        logp.mul(targetPos.oneHot(c).toType(DataType.FLOAT32, false)).sum(new int[] {1});
    NDArray ce = picked.neg().mean();
    return new Play(logits, ce, q.codebookLoss(), q.commitmentLoss(), q.codes(), ze);
  }
}
