package cn.baoxue.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One caller of Baoxue over plain HTTP, redirects not followed: anonymous, a script with HTTP
 * Basic, or a person logged in on the login page with her session, Spring's CSRF token for
 * Baoxue's forms and Camunda's XSRF token for the webapps' API. Security tests see every status
 * exactly as it leaves the server.
 */
public final class Caller {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient client;
  private final CookieManager cookies;
  private final String baseUrl;
  private final String basicAuthorization;
  private String csrfToken;
  private final Map<String, String> extraHeaders = new java.util.LinkedHashMap<>();

  private Caller(int port, String basicAuthorization) {
    this.cookies = new CookieManager();
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    this.baseUrl = "http://localhost:" + port;
    this.basicAuthorization = basicAuthorization;
  }

  public static Caller anonymous(int port) {
    return new Caller(port, null);
  }

  /** A script or another system: HTTP Basic on every request, no session. */
  public static Caller basic(int port, String user) {
    String credentials = user + ":" + EngineRest.DEMO_PASSWORD;
    return new Caller(port, "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  /** A person: logs in on Baoxue's login page, then opens Tasklist so the webapps know her too. */
  public static Caller loggedIn(int port, String user) {
    Caller browser = new Caller(port, null);
    Reply login = null;
    // Another test may have tried a wrong password for this user: the engine then refuses even the
    // right one for a few seconds.
    for (int attempt = 0; attempt < 10 && (login == null || login.header("Location").contains("error")); attempt++) {
      if (login != null) {
        pause();
      }
      browser.csrfToken = browser.csrfFrom(browser.get("/login").body());
      login = browser.postForm("/login", Map.of("username", user, "password", EngineRest.DEMO_PASSWORD));
    }
    if (login.status() != 302 || login.header("Location").contains("error")) {
      throw new IllegalStateException("login of " + user + " failed: " + login.status() + " " + login.header("Location"));
    }
    browser.get("/camunda/app/tasklist/default/");
    browser.csrfToken = browser.csrfFrom(browser.get("/").body());
    return browser;
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends this header with every later request, or no longer with null: a foreign page's Origin, say. */
  public Caller header(String name, String value) {
    if (value == null) {
      extraHeaders.remove(name);
    } else {
      extraHeaders.put(name, value);
    }
    return this;
  }

  /** Later requests go without Spring's CSRF token, as a foreign page's would. */
  public Caller withoutCsrfToken() {
    csrfToken = null;
    return this;
  }

  /** The origin of the server as the browser knows it: http://localhost:port. */
  public String origin() {
    return baseUrl;
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  public Reply postJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply putJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method, with a JSON body or none, on the path exactly as spelled (no normalisation). */
  public Reply send(String method, String path, String json) {
    HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
    HttpRequest.Builder builder = request(path).method(method, body);
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    return send(builder);
  }

  /** An HTML form post with the session's CSRF token, as the browser sends a Baoxue form. */
  public Reply postForm(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
        .collect(Collectors.joining("&"));
    if (csrfToken != null) {
      body += "&_csrf=" + encode(csrfToken);
    }
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A file upload in one multipart field. */
  public Reply upload(String path, String field, String fileName, byte[] content) {
    String boundary = "----baoxue" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** One part of a multipart body: a form field's or a file's bytes with their type. */
  public record Part(String name, String fileName, String contentType, byte[] content) {}

  /** A multipart body of several parts, as a page's FormData sends it. */
  public Reply postMultipart(String path, List<Part> parts) {
    String boundary = "----baoxue" + UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (Part part : parts) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"; filename=\""
          + part.fileName() + "\"\r\nContent-Type: " + part.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Camunda's XSRF token, from the cookie the webapps set. */
  public String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (basicAuthorization != null) {
      builder.header("Authorization", basicAuthorization);
    }
    String xsrf = xsrfToken();
    if (xsrf != null && path.startsWith("/camunda/")) {
      builder.header("X-XSRF-TOKEN", xsrf);
    }
    if (!path.startsWith("/api/") && !path.startsWith("/engine-rest/") && !path.startsWith("/camunda/api/")) {
      builder.header("Accept", "text/html,application/xhtml+xml");
    }
    if (csrfToken != null && path.startsWith("/api/")) {
      builder.header("X-CSRF-TOKEN", csrfToken);
    }
    extraHeaders.forEach(builder::setHeader);
    return builder;
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String csrfFrom(String page) {
    Matcher csrf = CSRF_FIELD.matcher(page);
    return csrf.find() ? csrf.group(1) : null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** What came back. */
  public record Reply(int status, String body, Map<String, List<String>> headers) {

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(header -> header.getKey().equalsIgnoreCase(name))
          .map(header -> header.getValue().get(0))
          .findFirst()
          .orElse("");
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }
}
