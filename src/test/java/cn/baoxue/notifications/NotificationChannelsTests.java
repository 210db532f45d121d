package cn.baoxue.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.org.StaffContacts;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.TestStudents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SMS (Alibaba Cloud) and 企业微信 turned on, each pointed at a provider API running on this machine
 * that checks every request: the signature recomputed from the documented algorithm, the template
 * and its parameters, the token. Deliveries are tracked per channel, retried after a pause, given up
 * after the configured attempts and shown to the administrator, who resends them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // The tests dispatch by hand, at the engine times they set.
      "baoxue.notifications.dispatch-every=PT24H",
      "baoxue.notifications.remind-every=PT24H",
      "baoxue.notifications.delivery.max-attempts=3",
      "baoxue.notifications.delivery.retry-base=PT10M",
      "baoxue.notifications.delivery.retry-max=PT1H",
      "baoxue.notifications.sms.enabled=true",
      "baoxue.notifications.sms.access-key-id=testid",
      "baoxue.notifications.sms.access-key-secret=" + NotificationChannelsTests.SMS_SECRET,
      "baoxue.notifications.sms.sign-name=保学",
      "baoxue.notifications.sms.template-code=SMS_490000001",
      "baoxue.notifications.wecom.enabled=true",
      "baoxue.notifications.wecom.corp-id=ww0123456789abcdef",
      "baoxue.notifications.wecom.corp-secret=" + NotificationChannelsTests.WECOM_SECRET,
      "baoxue.notifications.wecom.agent-id=1000002"
    })
class NotificationChannelsTests {

  static final String SMS_SECRET = "local-test-secret";
  static final String WECOM_SECRET = "local-corp-secret";
  static final String SEND_SMS = "/";
  static final String GET_TOKEN = "/cgi-bin/gettoken";
  static final String SEND_MESSAGE = "/cgi-bin/message/send";
  static final String OK = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\"}";
  static final String WECOM_OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\"}";

  static final LocalProvider aliyun = new LocalProvider();
  static final LocalProvider wecom = new LocalProvider();
  static final AtomicInteger tokens = new AtomicInteger();

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    registry.add("baoxue.notifications.sms.base-url", () -> aliyun.baseUrl() + SEND_SMS);
    registry.add("baoxue.notifications.wecom.base-url", wecom::baseUrl);
  }

  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired StaffContacts contacts;
  @Autowired NotificationRepository outbox;
  @Autowired NotificationDeliveryRepository deliveries;
  @Autowired NotificationDispatcher dispatcher;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  ZonedDateTime now = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

  @BeforeEach
  void providersAndStaff() {
    aliyun.reset();
    wecom.reset();
    aliyun.answer(SEND_SMS, request -> OK);
    wecom.answer(GET_TOKEN, request -> "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"token-" + tokens.incrementAndGet()
        + "\",\"expires_in\":7200}");
    wecom.answer(SEND_MESSAGE, request -> WECOM_OK);
    contacts.record("teacher-changan", "13800000011", "LiMingHua");
    contacts.record("principal-changan", "13800000012", "WangJianGuo");
    contacts.record("cadre-changan", "13800000013", "YangGuoFu");
    contacts.record("official-jianshan", "13800000014", "ZhaoWenBin");
    clock(now);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void smsIsSignedAsDocumentedAndAFailedDeliveryIsRetriedAfterThePauseThroughThatChannelOnly() throws Exception {
    aliyun.thenAnswer(SEND_SMS, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发分钟级流控Permits:1\",\"RequestId\":\"x\"}");
    Notification notification = newReport();

    dispatcher.dispatch();

    LocalProvider.Received first = smsFor(notification).get(0);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> sent = first.formBody();
    assertThat(sent.get("Signature")).isEqualTo(AliyunRpcSignature.signatureOf("POST", sent, SMS_SECRET));
    assertThat(sent).containsEntry("AccessKeyId", "testid").containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25")
        .containsEntry("SignatureMethod", "HMAC-SHA1").containsEntry("SignatureVersion", "1.0").containsEntry("Format", "JSON")
        .containsEntry("RegionId", "cn-hangzhou").containsEntry("SignName", "保学").containsEntry("TemplateCode", "SMS_490000001")
        .containsEntry("PhoneNumbers", "13800000011,13800000012");
    assertThat(sent.get("Timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(sent.get("SignatureNonce")).isNotBlank();
    JsonNode params = json.readTree(sent.get("TemplateParam"));
    assertThat(params.get("title").asText()).isEqualTo("新的待办");
    assertThat(params.get("caseNumber").asText()).isEqualTo(notification.getCaseNumber());
    assertThat(params.size()).as("only the template's parameters").isEqualTo(2);

    // SMS failed, 企业微信 delivered: the notification is not sent, and each channel's delivery says so.
    assertThat(delivery(notification, "sms")).satisfies(d -> {
      assertThat(d.getStatus()).isEqualTo(DeliveryStatus.RETRYING);
      assertThat(d.getAttempts()).isEqualTo(1);
      assertThat(d.getLastError()).contains("isv.BUSINESS_LIMIT_CONTROL");
    });
    assertThat(delivery(notification, "wecom").getStatus()).isEqualTo(DeliveryStatus.SENT);
    assertThat(delivery(notification, "log").getStatus()).isEqualTo(DeliveryStatus.SENT);
    assertThat(outbox.findById(notification.getId()).orElseThrow().getSentAt()).isNull();

    // Before the pause is over nothing is tried again; what 企业微信 delivered is never sent again.
    clock(now.plusMinutes(9));
    dispatcher.dispatch();
    assertThat(smsFor(notification)).hasSize(1);
    clock(now.plusMinutes(10));
    dispatcher.dispatch();

    assertThat(smsFor(notification)).hasSize(2);
    Map<String, String> second = smsFor(notification).get(1).formBody();
    assertThat(second.get("Signature")).isEqualTo(AliyunRpcSignature.signatureOf("POST", second, SMS_SECRET));
    assertThat(second.get("SignatureNonce")).as("a fresh nonce for every call").isNotEqualTo(sent.get("SignatureNonce"));
    assertThat(weComFor(notification)).hasSize(1);
    assertThat(delivery(notification, "sms")).satisfies(d -> {
      assertThat(d.getStatus()).isEqualTo(DeliveryStatus.SENT);
      assertThat(d.getAttempts()).isEqualTo(2);
      assertThat(d.getLastError()).isNull();
    });
    Notification done = outbox.findById(notification.getId()).orElseThrow();
    assertThat(done.getSentAt()).isNotNull();
    assertThat(done.getChannel().split(",")).containsExactlyInAnyOrder("log", "sms", "wecom");
  }

  @Test
  void weComKeepsItsTokenUntilItExpiresAndFetchesANewOneWhenRefused() throws Exception {
    Notification first = newReport();
    dispatcher.dispatch();
    Notification second = newReport();
    dispatcher.dispatch();

    // One token for both messages (or none at all, when an earlier test already holds a valid one).
    assertThat(wecom.received(GET_TOKEN)).hasSizeLessThanOrEqualTo(1);
    wecom.received(GET_TOKEN).forEach(get -> {
      assertThat(get.method()).isEqualTo("GET");
      assertThat(get.query()).isEqualTo(Map.of("corpid", "ww0123456789abcdef", "corpsecret", WECOM_SECRET));
    });
    List<LocalProvider.Received> sends = wecom.received(SEND_MESSAGE);
    assertThat(sends).hasSize(2);
    assertThat(new HashSet<>(sends.stream().map(s -> s.query().get("access_token")).toList())).hasSize(1);
    JsonNode message = json.readTree(sends.get(0).body());
    assertThat(message.get("touser").asText()).isEqualTo("LiMingHua|WangJianGuo");
    assertThat(message.get("msgtype").asText()).isEqualTo("text");
    assertThat(message.get("agentid").asLong()).isEqualTo(1000002);
    assertThat(message.at("/text/content").asText()).isEqualTo("【保学】新的待办：您有新的待办：案件 " + first.getCaseNumber() + " “核实是否辍学”");
    assertThat(delivery(second, "wecom").getStatus()).isEqualTo(DeliveryStatus.SENT);

    // 企业微信 says the token expired: a new one is fetched and the message sent once more with it.
    String oldToken = sends.get(1).query().get("access_token");
    wecom.thenAnswer(SEND_MESSAGE, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
    Notification third = newReport();
    dispatcher.dispatch();

    List<LocalProvider.Received> after = wecom.received(SEND_MESSAGE);
    assertThat(after).hasSize(4);
    assertThat(after.get(2).query().get("access_token")).isEqualTo(oldToken);
    String newToken = after.get(3).query().get("access_token");
    assertThat(newToken).isNotEqualTo(oldToken).isEqualTo("token-" + tokens.get());
    assertThat(after.get(3).body()).isEqualTo(after.get(2).body());
    assertThat(delivery(third, "wecom").getStatus()).isEqualTo(DeliveryStatus.SENT);

    // Any other error code is a failed attempt.
    wecom.thenAnswer(SEND_MESSAGE, "{\"errcode\":81013,\"errmsg\":\"user & party & tag all invalid\"}");
    Notification fourth = newReport();
    dispatcher.dispatch();
    assertThat(delivery(fourth, "wecom")).satisfies(d -> {
      assertThat(d.getStatus()).isEqualTo(DeliveryStatus.RETRYING);
      assertThat(d.getLastError()).contains("81013");
    });
  }

  @Test
  void anExpiredWeComTokenIsNotUsedAgain() {
    newReport();
    dispatcher.dispatch(); // a token held, whichever test ran before
    // 企业微信 refuses it and hands out one that expires within the safety margin: fetched anew for the next message.
    wecom.thenAnswer(SEND_MESSAGE, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
    wecom.thenAnswer(GET_TOKEN, "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"short-lived\",\"expires_in\":60}");
    Notification first = newReport();
    dispatcher.dispatch();
    assertThat(weComFor(first).get(weComFor(first).size() - 1).query().get("access_token")).isEqualTo("short-lived");
    int tokensBefore = wecom.received(GET_TOKEN).size();

    Notification second = newReport();
    dispatcher.dispatch();

    assertThat(wecom.received(GET_TOKEN)).hasSize(tokensBefore + 1);
    assertThat(weComFor(second)).singleElement().satisfies(send -> assertThat(send.query().get("access_token")).startsWith("token-"));
    assertThat(delivery(second, "wecom").getStatus()).isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void aMessageTheProviderKeepsRefusingIsGivenUpShownToTheAdministratorAndResentByHer() {
    aliyun.answer(SEND_SMS, request -> "{\"Code\":\"isv.SMS_SIGNATURE_ILLEGAL\",\"Message\":\"签名不合法\",\"RequestId\":\"y\"}");
    Notification notification = newReport();

    dispatcher.dispatch();
    clock(now.plusMinutes(10));
    dispatcher.dispatch();
    clock(now.plusMinutes(29));
    dispatcher.dispatch();
    assertThat(delivery(notification, "sms").getAttempts()).as("the second pause is twice the first").isEqualTo(2);
    clock(now.plusMinutes(30));
    dispatcher.dispatch();
    clock(now.plusHours(5));
    dispatcher.dispatch();

    NotificationDelivery dead = delivery(notification, "sms");
    assertThat(dead.getStatus()).isEqualTo(DeliveryStatus.DEAD);
    assertThat(dead.getAttempts()).isEqualTo(3);
    assertThat(smsFor(notification)).hasSize(3);

    Caller admin = Caller.loggedIn(port, "admin");
    Caller.Reply page = admin.get("/admin/notifications");
    assertThat(page.status()).isEqualTo(200);
    String row = rowOf(page.body(), dead.getId());
    assertThat(row).contains("失败", "长安村小学", "新的待办", notification.getCaseNumber(), "短信", "3 次",
        "isv.SMS_SIGNATURE_ILLEGAL", "签名不合法", "2026年11月23日 09:30", "重新发送");
    assertThat(row).doesNotContain("school_5306270001");

    // Nobody else sees the page or resends: refused, and the delivery stays as it was.
    Caller teacher = Caller.loggedIn(port, "teacher-changan");
    assertThat(teacher.get("/admin/notifications").status()).isEqualTo(403);
    assertThat(teacher.postForm("/admin/notifications/" + dead.getId() + "/resend", Map.of()).status()).isEqualTo(403);
    assertThat(Caller.basic(port, "official-jianshan").send("POST", "/admin/notifications/" + dead.getId() + "/resend", null).status())
        .isEqualTo(403);
    // A foreign page cannot make the administrator's browser resend it.
    assertThat(Caller.loggedIn(port, "admin").header("Origin", "https://evil.example")
        .postForm("/admin/notifications/" + dead.getId() + "/resend", Map.of()).status()).isEqualTo(403);
    assertThat(Caller.loggedIn(port, "admin").withoutCsrfToken()
        .postForm("/admin/notifications/" + dead.getId() + "/resend", Map.of()).status()).isEqualTo(403);
    assertThat(Caller.anonymous(port).get("/admin/notifications").status()).isEqualTo(302);
    assertThat(delivery(notification, "sms").getStatus()).isEqualTo(DeliveryStatus.DEAD);
    assertThat(smsFor(notification)).hasSize(3);

    // The administrator fixes the signature name at the provider and resends.
    aliyun.answer(SEND_SMS, request -> OK);
    Caller.Reply resent = admin.postForm("/admin/notifications/" + dead.getId() + "/resend", Map.of());
    assertThat(resent.status()).isEqualTo(302);
    assertThat(delivery(notification, "sms").getStatus()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(admin.get("/admin/notifications").body()).contains("已重新排入发送队列");
    dispatcher.dispatch();

    assertThat(delivery(notification, "sms").getStatus()).isEqualTo(DeliveryStatus.SENT);
    assertThat(smsFor(notification)).hasSize(4);
    assertThat(outbox.findById(notification.getId()).orElseThrow().getSentAt()).isNotNull();
    assertThat(rowOf(admin.get("/admin/notifications").body(), dead.getId())).isEmpty();
  }

  @Test
  void aGuardiansNumberReachesNoChannelWhateverTheStep() {
    String guardianPhone = "13912345678";
    Map<String, Object> report = TestStudents.changanGirl();
    report.put("guardianPhone", guardianPhone);
    ActingUsers users = new ActingUsers(engine, staff);
    ProcessInstance pi = users.as("teacher-changan",
        () -> engine.getRuntimeService().createProcessInstanceByKey("dropout-case").setVariables(report).execute());
    users.complete("teacher-changan", users.taskOf(pi.getId()).getId(), Map.of("verifyResult", "CONFIRMED"));
    users.complete("official-jianshan", users.taskOf(pi.getId()).getId(),
        Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));

    dispatcher.dispatch();

    assertThat(outbox.findByCaseNumberOrderByIdAsc(pi.getBusinessKey())).hasSize(4);
    List<LocalProvider.Received> all = new java.util.ArrayList<>(aliyun.received());
    all.addAll(wecom.received());
    assertThat(aliyun.received(SEND_SMS)).hasSize(4);
    assertThat(wecom.received(SEND_MESSAGE)).hasSize(4);
    assertThat(aliyun.received(SEND_SMS).stream().map(r -> r.formBody().get("PhoneNumbers")))
        .containsExactlyInAnyOrder("13800000011,13800000012", "13800000014", "13800000013", "13800000011");
    for (LocalProvider.Received request : all) {
      assertThat(request.everything()).as("%s %s", request.method(), request.uri()).doesNotContain(guardianPhone)
          .doesNotContain("王大山").doesNotContain((String) report.get("studentIdNumber"));
    }
  }

  /** The SMS calls about this notification's case (other tests' retries may come in between). */
  private List<LocalProvider.Received> smsFor(Notification notification) {
    return aliyun.received(SEND_SMS).stream()
        .filter(r -> r.formBody().getOrDefault("TemplateParam", "").contains(notification.getCaseNumber())).toList();
  }

  private List<LocalProvider.Received> weComFor(Notification notification) {
    return wecom.received(SEND_MESSAGE).stream().filter(r -> r.body().contains(notification.getCaseNumber())).toList();
  }

  private Notification newReport() {
    ProcessInstance pi = new ActingUsers(engine, staff).reportAtChangan();
    return outbox.findByCaseNumberOrderByIdAsc(pi.getBusinessKey()).get(0);
  }

  private NotificationDelivery delivery(Notification notification, String channel) {
    return deliveries.findByNotificationIdOrderByIdAsc(notification.getId()).stream()
        .filter(d -> d.getChannel().equals(channel)).findFirst().orElseThrow();
  }

  private static String rowOf(String page, long deliveryId) {
    int start = page.indexOf("id=\"delivery-" + deliveryId + "\"");
    return start < 0 ? "" : page.substring(start, page.indexOf("</tr>", start));
  }

  private static void clock(ZonedDateTime at) {
    ClockUtil.setCurrentTime(Date.from(at.toInstant()));
  }

}
