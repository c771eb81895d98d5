package org.gyrus.app.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection of {@link NioHttpServer}. The selector thread owns the reading side and the
 * socket; a worker only queues output (thread-safe) and asks the selector to write it.
 */
final class HttpConnection {
  /** Output a slow reader may leave unsent before a stream gives up on it. */
  static final long MAX_PENDING = 256 * 1024;

  enum State {
    HEAD,
    HANDLING,
    OUTPUT
  }

  private final NioHttpServer server;
  final SocketChannel channel;
  final byte[] head;
  final Queue<ByteBuffer> output = new ConcurrentLinkedQueue<>();
  final AtomicLong pending = new AtomicLong();
  SelectionKey key;
  State state = State.HEAD;
  int length;
  long bodyLeft;
  RequestHead request;
  long deadline; // System.nanoTime() after which the selector drops this connection; 0: none
  volatile boolean last;
  volatile boolean closed;

  HttpConnection(NioHttpServer server, SocketChannel channel, int maxHead, long deadline) {
    this.server = server;
    this.channel = channel;
    this.head = new byte[maxHead];
    this.deadline = deadline;
  }

  /** Queues bytes to send; {@code end} marks the last of the response. */
  void send(byte[] bytes, boolean end) throws IOException {
    if (closed) {
      throw new IOException("the client is gone");
    }
    if (pending.get() > MAX_PENDING) {
      throw new IOException("the client does not read");
    }
    if (bytes.length > 0) {
      pending.addAndGet(bytes.length);
      output.add(ByteBuffer.wrap(bytes));
    }
    if (end) {
      last = true;
    }
    server.outputReady(this);
  }

  /** No more output: close once what is queued is sent. */
  void finish() {
    last = true;
    server.outputReady(this);
  }
}
