package org.gyrus.app.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.x server that slow or idle clients cannot starve. One selector thread reads every
 * request head without blocking, so a connection costs a buffer, not a thread, until its head is
 * complete; the head must arrive within a deadline; open connections are capped, and at the cap the
 * oldest unfinished head is dropped for the newcomer; responses are written by the selector too, so
 * a client that stops reading holds no worker. Only complete requests reach the bounded worker
 * pool. One request per connection ({@code Connection: close}): no keep-alive, no pipelining,
 * nothing to smuggle.
 */
final class NioHttpServer implements AutoCloseable {
  /** Answers requests (on a worker thread) and refusals of malformed heads (on the selector). */
  interface Handler {
    void handle(Exchange ex) throws IOException;

    void refuse(Exchange ex, HttpError error) throws IOException;
  }

  /** Bounds on what one client can hold; times in milliseconds. */
  record Limits(
      int maxConnections,
      long headTimeoutMs,
      long writeTimeoutMs,
      int maxHeadBytes,
      int maxBodyBytes,
      int workers,
      int queued) {
    static Limits defaults(int workers) {
      return new Limits(512, 10_000, 30_000, 16 * 1024, 64 * 1024, workers, 256);
    }
  }

  private final ServerSocketChannel server;
  private final Selector selector;
  private final ThreadPoolExecutor pool;
  private final Handler handler;
  private final Limits limits;
  private final Thread loop;
  private final Queue<HttpConnection> changed = new ConcurrentLinkedQueue<>();
  private final Set<HttpConnection> all = new HashSet<>();
  private final Set<HttpConnection> reading = new LinkedHashSet<>(); // oldest first
  private volatile boolean running = true;

  private NioHttpServer(
      ServerSocketChannel server, Selector selector, Limits limits, Handler handler, String name) {
    this.server = server;
    this.selector = selector;
    this.limits = limits;
    this.handler = handler;
    this.pool =
        new ThreadPoolExecutor(
            limits.workers(),
            limits.workers(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(limits.queued()),
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    this.loop = new Thread(this::run, name + "-selector");
    loop.setDaemon(true);
  }

  static NioHttpServer start(
      InetSocketAddress address, Limits limits, Handler handler, String threadName)
      throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    Selector selector = Selector.open();
    try {
      server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      server.bind(address, 128);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException e) {
      server.close();
      selector.close();
      throw e;
    }
    NioHttpServer s = new NioHttpServer(server, selector, limits, handler, threadName);
    s.loop.start();
    return s;
  }

  InetSocketAddress address() {
    try {
      return (InetSocketAddress) server.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException("the server socket is closed", e);
    }
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      loop.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.shutdownNow();
    try {
      server.close();
      selector.close();
    } catch (IOException ignored) {
      // shutting down anyway
    }
  }

  /** Called by a worker after queueing output: the selector writes it. */
  void outputReady(HttpConnection c) {
    changed.add(c);
    selector.wakeup();
  }

  private void run() {
    while (running) {
      try {
        selector.select(200);
      } catch (IOException e) {
        break;
      }
      Iterator<SelectionKey> it = selector.selectedKeys().iterator();
      while (it.hasNext()) {
        SelectionKey k = it.next();
        it.remove();
        if (!k.isValid()) {
          continue;
        }
        if (k.isAcceptable()) {
          acceptAll();
          continue;
        }
        HttpConnection c = (HttpConnection) k.attachment();
        try {
          if (k.isReadable()) {
            read(c);
          }
          if (k.isValid() && k.isWritable()) {
            flush(c);
          }
        } catch (IOException | RuntimeException e) {
          close(c);
        }
      }
      HttpConnection c;
      while ((c = changed.poll()) != null) {
        try {
          flush(c);
        } catch (IOException | RuntimeException e) {
          close(c);
        }
      }
      expire();
    }
    for (HttpConnection c : new ArrayList<>(all)) {
      close(c);
    }
  }

  private void acceptAll() {
    while (true) {
      SocketChannel ch;
      try {
        ch = server.accept();
      } catch (IOException e) {
        return; // out of file descriptors, say: the next round tries again
      }
      if (ch == null) {
        return;
      }
      if (all.size() >= limits.maxConnections()) {
        if (reading.isEmpty()) {
          closeQuietly(ch);
          continue;
        }
        close(reading.iterator().next());
      }
      try {
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        HttpConnection c =
            new HttpConnection(
                this, ch, limits.maxHeadBytes(), System.nanoTime() + ms(limits.headTimeoutMs()));
        c.key = ch.register(selector, SelectionKey.OP_READ, c);
        all.add(c);
        reading.add(c);
      } catch (IOException e) {
        closeQuietly(ch);
      }
    }
  }

  /** Reads what has arrived of a head (and any small body, which is discarded). */
  private void read(HttpConnection c) throws IOException {
    if (c.state != HttpConnection.State.HEAD) {
      c.key.interestOps(c.key.interestOps() & ~SelectionKey.OP_READ);
      return;
    }
    if (c.request == null) {
      int n = c.channel.read(ByteBuffer.wrap(c.head, c.length, c.head.length - c.length));
      if (n < 0) {
        close(c);
        return;
      }
      c.length += n;
      int end = RequestHead.end(c.head, c.length);
      if (end < 0) {
        if (c.length == c.head.length) {
          refuse(c, new HttpError(431, "header", "A request head of at most 16 KB."));
        }
        return;
      }
      try {
        c.request = RequestHead.parse(c.head, end);
      } catch (HttpError e) {
        refuse(c, e);
        return;
      }
      if (c.request.bodyLength() > limits.maxBodyBytes()) {
        refuse(c, new HttpError(413, "body", "No request body (this server reads GET only)."));
        return;
      }
      c.bodyLeft = c.request.bodyLength() - (c.length - end);
    } else {
      ByteBuffer sink = ByteBuffer.allocate(4096);
      int n = c.channel.read(sink);
      if (n < 0) {
        close(c);
        return;
      }
      c.bodyLeft -= n;
    }
    if (c.bodyLeft <= 0) {
      dispatch(c);
    }
  }

  private void dispatch(HttpConnection c) {
    reading.remove(c);
    c.state = HttpConnection.State.HANDLING;
    c.deadline = 0;
    c.key.interestOps(0);
    Exchange ex = new Exchange(c, c.request);
    try {
      pool.execute(
          () -> {
            try {
              handler.handle(ex);
            } catch (IOException | RuntimeException e) {
              c.finish(); // nothing more will come; the selector closes the connection
            }
          });
    } catch (RejectedExecutionException e) {
      refuseNow(c, ex, new HttpError(503, "busy", "The server is busy; try again in a moment."));
    }
  }

  private void refuse(HttpConnection c, HttpError error) {
    reading.remove(c);
    c.state = HttpConnection.State.HANDLING;
    c.key.interestOps(0);
    refuseNow(c, new Exchange(c, c.request), error);
  }

  private void refuseNow(HttpConnection c, Exchange ex, HttpError error) {
    try {
      handler.refuse(ex, error);
    } catch (IOException | RuntimeException e) {
      close(c);
    }
  }

  /** Writes queued output; closes the connection once its last byte is out. */
  private void flush(HttpConnection c) throws IOException {
    if (c.closed) {
      return;
    }
    boolean progress = false;
    ByteBuffer b;
    while ((b = c.output.peek()) != null) {
      int n = c.channel.write(b);
      c.pending.addAndGet(-n);
      progress |= n > 0;
      if (b.hasRemaining()) {
        break;
      }
      c.output.poll();
    }
    if (c.output.isEmpty()) {
      if (c.last) {
        close(c);
        return;
      }
      c.key.interestOps(0);
      c.deadline = 0;
    } else {
      c.state = HttpConnection.State.OUTPUT;
      c.key.interestOps(SelectionKey.OP_WRITE);
      if (progress || c.deadline == 0) {
        c.deadline = System.nanoTime() + ms(limits.writeTimeoutMs());
      }
    }
  }

  /** Drops connections whose head or whose pending output is overdue. */
  private void expire() {
    long now = System.nanoTime();
    List<HttpConnection> overdue = null;
    for (HttpConnection c : all) {
      if (c.deadline != 0 && now - c.deadline > 0) {
        if (overdue == null) {
          overdue = new ArrayList<>();
        }
        overdue.add(c);
      }
    }
    if (overdue != null) {
      overdue.forEach(this::close);
    }
  }

  private void close(HttpConnection c) {
    c.closed = true;
    all.remove(c);
    reading.remove(c);
    if (c.key != null) {
      c.key.cancel();
    }
    closeQuietly(c.channel);
  }

  private static void closeQuietly(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  private static long ms(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }
}
