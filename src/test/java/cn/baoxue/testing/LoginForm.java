package cn.baoxue.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Baoxue's login page as a browser without scripts uses it: fetch the form (its CSRF token and a
 * session), post the user name and password. Extra headers go on every request (a proxy's
 * X-Forwarded-Proto, say).
 */
public final class LoginForm {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new PlainCookies()).build();
  private final String baseUrl;
  private final String[] headers;

  public LoginForm(int port, String... headers) {
    this.baseUrl = "http://localhost:" + port;
    this.headers = headers;
  }

  public HttpClient browser() {
    return browser;
  }

  /** The response to the login form's POST: 302 to "/" on success, to "/login?error" otherwise. */
  public HttpResponse<String> logIn(String user, String password) throws IOException, InterruptedException {
    String form = get("/login").body();
    Matcher csrf = CSRF.matcher(form);
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    return post("/login", "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1)));
  }

  /** Logs out with the CSRF token of the given page's logout form. */
  public HttpResponse<String> logOut(String pageWithLogoutForm) throws IOException, InterruptedException {
    Matcher csrf = CSRF.matcher(get(pageWithLogoutForm).body());
    if (!csrf.find()) {
      throw new IllegalStateException("no logout form on " + pageWithLogoutForm);
    }
    return post("/logout", "_csrf=" + encode(csrf.group(1)));
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
    return browser.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  /**
   * Every cookie back to the server it came from, Secure ones included: the tests speak plain
   * HTTP to the application behind a pretend TLS proxy, where a browser would speak HTTPS.
   */
  private static final class PlainCookies extends CookieHandler {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    @Override
    public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
      if (cookies.isEmpty()) {
        return Map.of();
      }
      return Map.of("Cookie", List.of(cookies.entrySet().stream()
          .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).collect(Collectors.joining("; "))));
    }

    @Override
    public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
      for (String header : responseHeaders.getOrDefault("Set-Cookie", List.of())) {
        String pair = header.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals > 0) {
          cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
