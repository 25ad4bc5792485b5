package org.commonground.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assertions;

/**
 * HTTP/1.1 written by hand over a plain socket, for what a client library will not send (no Content-Type
 * with a body, a forged Host) and for connections that must be held open, silent or slow. Blocking, on the
 * test thread only; every read has a timeout.
 */
public final class RawHttp implements AutoCloseable {
  public record Response(int status, Map<String, String> headers, String body) {
    /** A header by name, any case. */
    public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
  }

  private final Socket socket;

  private RawHttp(Socket socket) { this.socket = socket; }

  /** A connection to the node on 127.0.0.1, from {@code localAddress} (127.0.0.x) when given. */
  public static RawHttp open(int port, String localAddress) {
    try {
      Socket s = new Socket();
      if (localAddress != null) s.bind(new InetSocketAddress(localAddress, 0));
      s.connect(new InetSocketAddress("127.0.0.1", port), (int) Await.TIMEOUT.toMillis());
      s.setSoTimeout((int) Await.TIMEOUT.toMillis());
      return new RawHttp(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One request on its own connection ({@code Connection: close} is added); the whole response. */
  public static Response exchange(int port, String method, String path, Map<String, String> headers, String body) {
    try (RawHttp c = open(port, null)) {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("Host", "127.0.0.1:" + port);
      h.putAll(headers);
      h.put("Connection", "close");
      c.send(method, path, h, body);
      return c.readToEnd();
    }
  }

  /** Writes a request; {@code Content-Length} is added for a body. Headers are sent as given, Host included. */
  public void send(String method, String path, Map<String, String> headers, String body) {
    StringBuilder b = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) b.append("Content-Length: ").append(bytes.length).append("\r\n");
    b.append("\r\n");
    write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (bytes.length > 0) write(bytes);
  }

  public void write(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the server closes this connection within {@code timeoutMs}: true at end of stream (or a
   * reset), false if it is still open then. Anything the server sends meanwhile is read and dropped.
   */
  public boolean closedWithin(long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    try {
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[4096];
      while (true) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) return false;
        socket.setSoTimeout((int) Math.max(1, left));
        try {
          if (in.read(buf) < 0) return true;
        } catch (java.net.SocketTimeoutException e) {
          return false;
        }
      }
    } catch (java.net.SocketException e) {
      return true; // reset by the server
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one response whose body has a Content-Length (the server's answers do), leaving the connection
   * open for another request.
   */
  public Response readResponse() {
    try {
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int c = in.read();
        if (c < 0) Assertions.fail("the connection closed before a whole response: " + head);
        head.write(c);
        matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
      }
      Response r = parseHead(head.toString(StandardCharsets.ISO_8859_1));
      String length = r.header("Content-Length");
      byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length.strip()));
      return new Response(r.status(), r.headers(), new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every byte the server sends until it closes the connection (empty if it closes without a word). */
  public String readAll() {
    try {
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.net.SocketException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads until the server closes the connection. */
  public Response readToEnd() {
    try {
      String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int split = all.indexOf("\r\n\r\n");
      if (split < 0) Assertions.fail("no whole response head in: " + all);
      Response r = parseHead(all.substring(0, split + 4));
      return new Response(r.status(), r.headers(), all.substring(split + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response parseHead(String head) {
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    return new Response(status, headers, "");
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }
}
