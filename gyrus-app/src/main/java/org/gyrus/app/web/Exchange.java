package org.gyrus.app.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request and its response on {@link NioHttpServer}: a whole response at once ({@link #send})
 * or a stream ({@link #startStream} then {@link #write}); either ends the connection when done.
 */
final class Exchange {
  private final HttpConnection connection;
  private final RequestHead request;
  private final List<String[]> responseHeaders = new ArrayList<>();
  private boolean started;

  Exchange(HttpConnection connection, RequestHead request) {
    this.connection = connection;
    this.request = request;
  }

  /** The parsed head, or null when the head itself was malformed. */
  RequestHead request() {
    return request;
  }

  String header(String name) {
    return request == null ? null : request.header(name);
  }

  InetSocketAddress local() throws IOException {
    return (InetSocketAddress) connection.channel.getLocalAddress();
  }

  /** Sets a response header, replacing one of the same name. */
  void setHeader(String name, String value) {
    responseHeaders.removeIf(h -> h[0].equalsIgnoreCase(name));
    addHeader(name, value);
  }

  void addHeader(String name, String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a header value with a line break");
    }
    responseHeaders.add(new String[] {name, value});
  }

  boolean hasHeader(String name) {
    return responseHeaders.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
  }

  /** Sends the whole response and ends the connection. */
  void send(int status, byte[] body) throws IOException {
    setHeader("Content-Length", Integer.toString(body.length));
    byte[] head = head(status);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    connection.send(all, true);
  }

  /** Sends the status and headers of a response whose body ends when the connection does. */
  void startStream(int status) throws IOException {
    connection.send(head(status), false);
  }

  /** Sends part of a streamed body; fails once the client is gone or stops reading. */
  void write(byte[] bytes) throws IOException {
    connection.send(bytes, false);
  }

  /** Ends a streamed response. */
  void end() {
    connection.finish();
  }

  private byte[] head(int status) {
    if (started) {
      throw new IllegalStateException("response already started");
    }
    started = true;
    setHeader("Connection", "close");
    StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ');
    sb.append(reason(status)).append("\r\n");
    for (String[] h : responseHeaders) {
      sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
    }
    return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(200, "OK"),
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(408, "Request Timeout"),
          Map.entry(413, "Content Too Large"),
          Map.entry(414, "URI Too Long"),
          Map.entry(421, "Misdirected Request"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(505, "HTTP Version Not Supported"));

  static String reason(int status) {
    return REASONS.getOrDefault(status, "Status " + String.format(Locale.ROOT, "%d", status));
  }
}
