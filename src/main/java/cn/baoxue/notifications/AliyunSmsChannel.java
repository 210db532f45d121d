package cn.baoxue.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * SMS through Alibaba Cloud's SMS service (阿里云短信服务): one signed SendSms call per notification
 * to the mobile numbers of everyone it is for, with the approved template and its parameters
 * {@code title} and {@code caseNumber} only. On only when {@code baoxue.notifications.sms.enabled}
 * (BAOXUE_SMS_ENABLED) is true.
 */
@Component
@ConditionalOnProperty(name = "baoxue.notifications.sms.enabled", havingValue = "true")
class AliyunSmsChannel implements NotificationChannel {

  private static final Logger log = LoggerFactory.getLogger(AliyunSmsChannel.class);
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  /** SendSms takes at most this many numbers in one call. */
  private static final int MAX_NUMBERS = 1000;

  private final AliyunSmsProperties properties;
  private final NotificationRecipients recipients;
  private final ObjectMapper json;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  AliyunSmsChannel(AliyunSmsProperties properties, NotificationRecipients recipients, ObjectMapper json) {
    this.properties = properties;
    this.recipients = recipients;
    this.json = json;
    for (String required : new String[] {properties.baseUrl(), properties.accessKeyId(), properties.accessKeySecret(),
        properties.signName(), properties.templateCode()}) {
      if (required == null || required.isBlank()) {
        throw new IllegalStateException("SMS is enabled but not configured: set BAOXUE_SMS_BASE_URL, BAOXUE_SMS_ACCESS_KEY_ID, "
            + "BAOXUE_SMS_ACCESS_KEY_SECRET, BAOXUE_SMS_SIGN_NAME and BAOXUE_SMS_TEMPLATE_CODE");
      }
    }
  }

  @Override
  public String name() {
    return "sms";
  }

  @Override
  public String label() {
    return "短信";
  }

  @Override
  public void send(Notification notification) {
    List<String> mobiles = recipients.mobiles(notification.getRecipient());
    if (mobiles.isEmpty()) {
      throw new NobodyToReach("接收人没有登记手机号");
    }
    for (int from = 0; from < mobiles.size(); from += MAX_NUMBERS) {
      call(mobiles.subList(from, Math.min(mobiles.size(), from + MAX_NUMBERS)), notification);
    }
  }

  private void call(List<String> mobiles, Notification notification) {
    TreeMap<String, String> parameters = new TreeMap<>();
    parameters.put("AccessKeyId", properties.accessKeyId());
    parameters.put("Action", "SendSms");
    parameters.put("Format", "JSON");
    parameters.put("RegionId", properties.regionId() == null || properties.regionId().isBlank() ? "cn-hangzhou" : properties.regionId());
    parameters.put("SignatureMethod", "HMAC-SHA1");
    parameters.put("SignatureNonce", UUID.randomUUID().toString());
    parameters.put("SignatureVersion", "1.0");
    parameters.put("Timestamp", TIMESTAMP.format(Instant.now()));
    parameters.put("Version", "2017-05-25");
    parameters.put("PhoneNumbers", String.join(",", mobiles));
    parameters.put("SignName", properties.signName());
    parameters.put("TemplateCode", properties.templateCode());
    parameters.put("TemplateParam", templateParam(notification));
    HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(AliyunSmsSignature.signedForm("POST", parameters, properties.accessKeySecret()),
            StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.warn("SMS provider {} unreachable: {}", properties.baseUrl(), e.toString());
      throw new IllegalStateException("短信平台无法连接（网络不通或超时）");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("短信发送被中断");
    }
    JsonNode answer = parse(response.body());
    String code = answer.path("Code").asText("");
    if (response.statusCode() / 100 != 2 || !"OK".equals(code)) {
      throw new IllegalStateException("短信平台拒绝发送（HTTP " + response.statusCode() + "，代码 " + (code.isEmpty() ? "无" : code)
          + (answer.hasNonNull("Message") ? "，" + answer.get("Message").asText() : "") + "）");
    }
  }

  /** The template's parameters: what kind of notice, and the case number. Nothing personal. */
  private String templateParam(Notification notification) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("title", notification.title());
    parameters.put("caseNumber", notification.getCaseNumber() == null ? "" : notification.getCaseNumber());
    try {
      return json.writeValueAsString(parameters);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }
}
