package cn.baoxue.notifications;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A provider's API on this machine (the JDK's HTTP server on a free loopback port): it records every
 * request as received and answers each path with the replies a test scripts, then with its default.
 */
final class LocalProvider {

  /** One request as it arrived. */
  record Received(String method, URI uri, Map<String, List<String>> headers, String body) {

    String path() {
      return uri.getPath();
    }

    Map<String, String> query() {
      return form(uri.getRawQuery());
    }

    Map<String, String> formBody() {
      return form(body);
    }

    String header(String name) {
      return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(h -> h.getValue().get(0))
          .findFirst().orElse(null);
    }

    /** Everything the request carried, decoded, for looking for what must not be there. */
    String everything() {
      return URLDecoder.decode(uri.getRawPath() + "?" + uri.getRawQuery(), StandardCharsets.UTF_8) + "\n" + headers + "\n" + body
          + "\n" + URLDecoder.decode(body.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<String>> scripted = new LinkedHashMap<>();
  private final Map<String, Function<Received, String>> defaults = new LinkedHashMap<>();

  LocalProvider() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
          Map.copyOf(exchange.getRequestHeaders()), body);
      received.add(request);
      String reply = replyTo(request);
      byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized void answer(String path, Function<Received, String> byDefault) {
    defaults.put(path, byDefault);
  }

  /** The next requests to this path get these replies, in order, then the default again. */
  synchronized void thenAnswer(String path, String... replies) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
  }

  private synchronized String replyTo(Received request) {
    Deque<String> next = scripted.get(request.path());
    if (next != null && !next.isEmpty()) {
      return next.poll();
    }
    Function<Received, String> reply = defaults.get(request.path());
    return reply == null ? "{}" : reply.apply(request);
  }

  List<Received> received() {
    return new ArrayList<>(received);
  }

  List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  synchronized void reset() {
    received.clear();
    scripted.clear();
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }
}
