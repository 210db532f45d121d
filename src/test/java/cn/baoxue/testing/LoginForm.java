package cn.baoxue.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Baoxue's login page as a browser without scripts uses it: fetch the form (its CSRF token and a
 * session), post the user name and password. Extra headers go on every request (a proxy's
 * X-Forwarded-Proto, say).
 */
public final class LoginForm {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
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

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
