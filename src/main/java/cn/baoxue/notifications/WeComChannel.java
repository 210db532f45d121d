package cn.baoxue.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * 企业微信 application messages (应用消息): a text message from the configured application to the
 * 企业微信 accounts of everyone a notification is for. The access token is fetched with the corpid
 * and the application's secret and kept until it expires; a call refused for an expired or invalid
 * token (errcode 42001, 40014) fetches a new one and is sent once more. Any other errcode is a
 * failed attempt. On only when {@code baoxue.notifications.wecom.enabled} (BAOXUE_WECOM_ENABLED) is true.
 */
@Component
@ConditionalOnProperty(name = "baoxue.notifications.wecom.enabled", havingValue = "true")
class WeComChannel implements NotificationChannel {

  private static final Logger log = LoggerFactory.getLogger(WeComChannel.class);
  private static final Set<Integer> TOKEN_REFUSED = Set.of(42001, 40014);
  /** A token is fetched anew this long before 企业微信 says it expires. */
  private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(5);
  /** message/send takes at most this many accounts in touser. */
  private static final int MAX_USERS = 1000;

  private final WeComProperties properties;
  private final NotificationRecipients recipients;
  private final ObjectMapper json;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private String token;
  private Instant tokenExpires = Instant.MIN;

  WeComChannel(WeComProperties properties, NotificationRecipients recipients, ObjectMapper json) {
    this.properties = properties;
    this.recipients = recipients;
    this.json = json;
    if (blank(properties.baseUrl()) || blank(properties.corpId()) || blank(properties.corpSecret()) || properties.agentId() <= 0) {
      throw new IllegalStateException("企业微信 is enabled but not configured: set BAOXUE_WECOM_BASE_URL, BAOXUE_WECOM_CORP_ID, "
          + "BAOXUE_WECOM_CORP_SECRET and BAOXUE_WECOM_AGENT_ID");
    }
  }

  @Override
  public String name() {
    return "wecom";
  }

  @Override
  public String label() {
    return "企业微信";
  }

  @Override
  public void send(Notification notification) {
    List<String> users = recipients.wecomUserIds(notification.getRecipient());
    if (users.isEmpty()) {
      throw new NobodyToReach("接收人没有登记企业微信账号");
    }
    for (int from = 0; from < users.size(); from += MAX_USERS) {
      sendTo(users.subList(from, Math.min(users.size(), from + MAX_USERS)), notification);
    }
  }

  private void sendTo(List<String> users, Notification notification) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("touser", String.join("|", users));
    message.put("msgtype", "text");
    message.put("agentid", properties.agentId());
    message.put("text", Map.of("content", "【保学】" + notification.title() + "：" + notification.getMessage()));
    String body = write(message);
    JsonNode answer = post(body, token());
    if (TOKEN_REFUSED.contains(answer.path("errcode").asInt(-1))) {
      forgetToken();
      answer = post(body, token());
    }
    failUnlessOk(answer, "企业微信拒绝发送");
  }

  private JsonNode post(String body, String accessToken) {
    return call(HttpRequest.newBuilder(uri("/cgi-bin/message/send?access_token=" + encode(accessToken)))
        .header("Content-Type", "application/json; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private synchronized String token() {
    if (token == null || !Instant.now().isBefore(tokenExpires)) {
      JsonNode answer = call(HttpRequest.newBuilder(
          uri("/cgi-bin/gettoken?corpid=" + encode(properties.corpId()) + "&corpsecret=" + encode(properties.corpSecret()))).GET());
      failUnlessOk(answer, "企业微信未发给访问令牌");
      token = answer.path("access_token").asText();
      tokenExpires = Instant.now().plusSeconds(answer.path("expires_in").asLong(7200)).minus(EXPIRY_MARGIN);
    }
    return token;
  }

  private synchronized void forgetToken() {
    token = null;
  }

  private JsonNode call(HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.warn("企业微信 {} unreachable: {}", properties.baseUrl(), e.toString());
      throw new IllegalStateException("企业微信无法连接（网络不通或超时）");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("企业微信发送被中断");
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("企业微信答复 HTTP " + response.statusCode());
    }
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("企业微信的答复无法解析");
    }
  }

  private static void failUnlessOk(JsonNode answer, String what) {
    int errcode = answer.path("errcode").asInt(-1);
    if (errcode != 0) {
      log.warn("企业微信 answered errcode {}: {}", errcode, answer.path("errmsg").asText(""));
      throw new IllegalStateException(what + "（错误码 " + errcode + "）");
    }
  }

  private URI uri(String pathAndQuery) {
    String base = properties.baseUrl().endsWith("/") ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1)
        : properties.baseUrl();
    return URI.create(base + pathAndQuery);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
