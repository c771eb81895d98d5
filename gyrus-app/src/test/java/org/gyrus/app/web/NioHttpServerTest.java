package org.gyrus.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's own limits, over real sockets: head deadlines, the connection cap, slow readers. */
class NioHttpServerTest {
  static final byte[] BIG = new byte[16 << 20];

  /** Answers "/" with "ok" and "/big" with 16 MB; refusals with their status. */
  static final NioHttpServer.Handler HANDLER =
      new NioHttpServer.Handler() {
        @Override
        public void handle(Exchange ex) throws IOException {
          ex.send(200, ex.request().rawPath().equals("/big") ? BIG : "ok".getBytes());
        }

        @Override
        public void refuse(Exchange ex, HttpError error) throws IOException {
          ex.send(error.status(), error.getMessage().getBytes(StandardCharsets.UTF_8));
        }
      };

  static NioHttpServer start(int maxConnections, long headTimeoutMs, int workers)
      throws IOException {
    return NioHttpServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        new NioHttpServer.Limits(
            maxConnections, headTimeoutMs, 2_000, 16 * 1024, 64 * 1024, workers, 8),
        HANDLER,
        "test-http");
  }

  static String get(int port, String path) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(5_000);
      s.getOutputStream()
          .write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Socket halfOpen(int port) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.getOutputStream().write("GET /?a=1".getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  @Test
  void aHalfSentHeadIsDroppedAtItsDeadline() throws Exception {
    try (NioHttpServer server = start(64, 300, 2);
        Socket s = halfOpen(server.address().getPort())) {
      s.setSoTimeout(5_000);
      long t0 = System.nanoTime();
      assertThat(s.getInputStream().read()).isEqualTo(-1); // closed, nothing answered
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(seconds).isBetween(0.2, 2.0);
    }
  }

  @Test
  void atTheCapTheOldestUnfinishedHeadMakesRoom() throws Exception {
    List<Socket> idle = new ArrayList<>();
    try (NioHttpServer server = start(10, 60_000, 1)) {
      int port = server.address().getPort();
      for (int i = 0; i < 10; i++) {
        idle.add(halfOpen(port));
      }
      Thread.sleep(200); // let the selector accept them all
      assertThat(get(port, "/")).startsWith("HTTP/1.1 200").endsWith("ok");
      idle.get(0).setSoTimeout(5_000);
      assertThat(idle.get(0).getInputStream().read()).isEqualTo(-1);
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void aClientThatDoesNotReadHoldsNoWorker() throws Exception {
    try (NioHttpServer server = start(64, 5_000, 1)) {
      int port = server.address().getPort();
      try (Socket stalled = new Socket()) {
        stalled.setReceiveBufferSize(4096);
        stalled.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        OutputStream out = stalled.getOutputStream();
        out.write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(300);
        long t0 = System.nanoTime();
        assertThat(get(port, "/")).endsWith("ok"); // the only worker is free again
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
        // the stalled client is dropped once its output makes no progress for 2 s
        stalled.setSoTimeout(10_000);
        InputStream in = stalled.getInputStream();
        Thread.sleep(3_000);
        long read = 0;
        try {
          byte[] buf = new byte[1 << 16];
          for (int n; (n = in.read(buf)) > 0; ) {
            read += n;
          }
        } catch (SocketTimeoutException | java.net.SocketException e) {
          // reset by the server: also dropped
        }
        assertThat(read).isLessThan(BIG.length);
      }
    }
  }

  @Test
  void malformedHeadsAreRefusedWithOneStatus() throws Exception {
    try (NioHttpServer server = start(64, 5_000, 2)) {
      int port = server.address().getPort();
      String[][] cases = {
        {"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", "400"},
        {"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "400"},
        {"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "400"},
        {"GET / HTTP/1.1\r\n Folded: x\r\n\r\n", "400"},
        {"GET / HTTP/2.0\r\nHost: x\r\n\r\n", "505"},
        {"GET http://evil/ HTTP/1.1\r\nHost: x\r\n\r\n", "400"},
        {"GET / HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(20_000) + "\r\n\r\n", "431"},
        {"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\n\r\n", "413"},
      };
      for (String[] c : cases) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
          s.setSoTimeout(5_000);
          s.getOutputStream().write(c[0].getBytes(StandardCharsets.ISO_8859_1));
          String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertThat(answer).as(c[0]).startsWith("HTTP/1.1 " + c[1]);
        } catch (java.net.SocketException e) {
          // refused mid-upload (431): the reset may arrive before the answer
          assertThat(c[1]).isEqualTo("431");
        }
      }
    }
  }
}
