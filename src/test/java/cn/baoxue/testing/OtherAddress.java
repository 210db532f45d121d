package cn.baoxue.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A client on another machine, as far as the server can tell: plain HTTP/1.1 over a socket bound
 * to another loopback address (127.0.0.2, 127.0.0.3, …; Linux routes all of 127/8 to itself).
 * Tests of what the server counts per client address need more than one address.
 */
public final class OtherAddress {

  private OtherAddress() {}

  /** The status of a GET with HTTP Basic credentials sent from this local address, with extra headers (name, value, …). */
  public static int basicGet(int port, String fromAddress, String path, String user, String password, String... headers) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nAuthorization: Basic " + credentials + "\r\nAccept: application/json\r\nConnection: close\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(fromAddress), 0)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      String statusLine = firstLine(socket.getInputStream());
      return Integer.parseInt(statusLine.split(" ")[1]);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).trim();
  }
}
