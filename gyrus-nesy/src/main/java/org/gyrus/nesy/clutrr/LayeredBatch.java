package org.gyrus.nesy.clutrr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gyrus.core.SpecError;

/**
 * Index arrays for message passing over a batch of stories, layer by layer from the sources
 * (Bellman-Ford order): layer 0 holds every story's source, layer d the nodes first reached after d
 * edges. A node of layer d receives the messages of its in-edges from layer d-1 (the edges of its
 * shortest paths from the source); layers past a story's target are dropped. Edges that lead back
 * (to the source, or to a node already reached) carry no message: a node's state is what its
 * shortest paths say.
 */
public final class LayeredBatch {
  /** Stories in the batch. */
  public final int size;

  /** Nodes per layer; layer 0 has one per story. */
  public final int[] layerSize;

  /** Per layer d >= 1, per edge: the sender's position in layer d-1. */
  public final int[][] sender;

  /** Per layer d >= 1, per edge: the relation id. */
  public final int[][] relation;

  /** Per layer d >= 1: nodes × maxDegree[d] edge indexes, padded with the edge count. */
  public final int[][] inbox;

  /** Per layer: the largest in-degree (0 for layer 0). */
  public final int[] maxDegree;

  /** Per layer: in-degree of each node (for mean aggregation). */
  public final int[][] degree;

  /** Row of each story's target in the concatenation of all layers. */
  public final int[] targetRow;

  public final int[] labels;

  private LayeredBatch(int size, List<Layer> layers, int[] targetRow, int[] labels) {
    this.size = size;
    int n = layers.size();
    layerSize = new int[n];
    sender = new int[n][];
    relation = new int[n][];
    inbox = new int[n][];
    maxDegree = new int[n];
    degree = new int[n][];
    for (int d = 0; d < n; d++) {
      Layer l = layers.get(d);
      layerSize[d] = l.nodes;
      sender[d] = l.sender.stream().mapToInt(Integer::intValue).toArray();
      relation[d] = l.relation.stream().mapToInt(Integer::intValue).toArray();
      degree[d] = new int[l.nodes];
      int max = 0;
      for (int v = 0; v < l.nodes; v++) {
        degree[d][v] = l.in.get(v).size();
        max = Math.max(max, degree[d][v]);
      }
      maxDegree[d] = max;
      inbox[d] = new int[l.nodes * max];
      Arrays.fill(inbox[d], sender[d].length);
      for (int v = 0; v < l.nodes; v++) {
        for (int j = 0; j < l.in.get(v).size(); j++) {
          inbox[d][v * max + j] = l.in.get(v).get(j);
        }
      }
    }
    this.targetRow = targetRow;
    this.labels = labels;
  }

  public int layers() {
    return layerSize.length;
  }

  private static final class Layer {
    int nodes;
    final List<Integer> sender = new ArrayList<>();
    final List<Integer> relation = new ArrayList<>();
    final List<List<Integer>> in = new ArrayList<>();

    int addNode() {
      in.add(new ArrayList<>());
      return nodes++;
    }
  }

  public static LayeredBatch of(List<Story> stories) {
    List<Layer> layers = new ArrayList<>();
    layers.add(new Layer());
    int[] targetLayer = new int[stories.size()];
    int[] targetPos = new int[stories.size()];
    int[] labels = new int[stories.size()];
    for (int b = 0; b < stories.size(); b++) {
      Story s = stories.get(b);
      int[] dist = distances(s);
      int last = dist[s.target()];
      if (last <= 0) {
        throw new SpecError(
            "story " + b,
            "a target reachable from the source along the edges",
            "node " + s.target() + " unreachable from " + s.source());
      }
      while (layers.size() <= last) {
        layers.add(new Layer());
      }
      int[] pos = new int[s.nodes()];
      pos[s.source()] = layers.get(0).addNode();
      for (int d = 1; d <= last; d++) {
        for (int v = 0; v < s.nodes(); v++) {
          if (dist[v] == d) {
            pos[v] = layers.get(d).addNode();
          }
        }
      }
      for (int e = 0; e < s.edges(); e++) {
        int u = s.from()[e];
        int v = s.to()[e];
        if (dist[u] >= 0 && dist[v] == dist[u] + 1 && dist[v] <= last) {
          Layer l = layers.get(dist[v]);
          l.in.get(pos[v]).add(l.sender.size());
          l.sender.add(pos[u]);
          l.relation.add(s.relation()[e]);
        }
      }
      targetLayer[b] = last;
      targetPos[b] = pos[s.target()];
      labels[b] = s.label();
    }
    int[] offset = new int[layers.size()];
    for (int d = 1; d < layers.size(); d++) {
      offset[d] = offset[d - 1] + layers.get(d - 1).nodes;
    }
    int[] targetRow = new int[stories.size()];
    for (int b = 0; b < stories.size(); b++) {
      targetRow[b] = offset[targetLayer[b]] + targetPos[b];
    }
    return new LayeredBatch(stories.size(), layers, targetRow, labels);
  }

  /** Edge counts from the source along directed edges; -1 where unreachable. */
  static int[] distances(Story s) {
    int[] dist = new int[s.nodes()];
    Arrays.fill(dist, -1);
    dist[s.source()] = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s.source()));
    while (!queue.isEmpty()) {
      int u = queue.poll();
      for (int e = 0; e < s.edges(); e++) {
        if (s.from()[e] == u && dist[s.to()[e]] < 0) {
          dist[s.to()[e]] = dist[u] + 1;
          queue.add(s.to()[e]);
        }
      }
    }
    return dist;
  }
}
