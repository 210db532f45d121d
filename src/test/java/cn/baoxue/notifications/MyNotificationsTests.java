package cn.baoxue.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 我的通知 through {@code GET /api/me/notifications} (the field app's door too), {@code POST
 * /api/me/notifications/{id}/read}, the bell in the header and the list page: each person reads her
 * own and her units' notifications, marks only those read, and nothing else is changed by any
 * spelling, any other person, or any foreign page.
 */
@BaoxueWebTest
class MyNotificationsTests {

  static final String FOREIGN = "https://evil.example";

  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired NotificationRepository outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  @Test
  void aTeacherReadsHerSchoolsNotificationsNewestFirstInBeijingTimeAndMarksOneRead() throws Exception {
    Caller teacher = Caller.basic(port, "teacher-changan");
    long unreadBefore = inbox(teacher).get("unreadCount").asLong();
    String older = report().getBusinessKey();
    String newer = report().getBusinessKey();

    JsonNode inbox = inbox(teacher);
    assertThat(inbox.get("unreadCount").asLong()).isEqualTo(unreadBefore + 2);
    JsonNode first = inbox.get("notifications").get(0);
    assertThat(fieldNames(first)).containsExactly("id", "title", "body", "createdAt", "read", "link");
    assertThat(first.get("title").asText()).isEqualTo("新的待办");
    assertThat(first.get("body").asText()).isEqualTo("您有新的待办：案件 " + newer + " “核实是否辍学”");
    assertThat(first.get("link").asText()).isEqualTo("/cases/" + newer);
    assertThat(first.get("read").asBoolean()).isFalse();
    assertThat(first.get("createdAt").asText()).endsWith("+08:00");
    assertThat(OffsetDateTime.parse(first.get("createdAt").asText()).getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(inbox.get("notifications").get(1).get("link").asText()).isEqualTo("/cases/" + older);

    long id = first.get("id").asLong();
    Reply read = teacher.send("POST", "/api/me/notifications/" + id + "/read", null);
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(json.readTree(read.body()).get("unreadCount").asLong()).isEqualTo(unreadBefore + 1);
    assertThat(teacher.send("POST", "/api/me/notifications/" + id + "/read", null).status()).as("read twice").isEqualTo(200);
    assertThat(readers(id)).containsExactly("teacher-changan");

    // Read by her alone: the principal of the same school still has it unread.
    JsonNode principals = inbox(Caller.basic(port, "principal-changan"));
    assertThat(itemOf(principals, id).get("read").asBoolean()).isFalse();
    assertThat(itemOf(inbox(teacher), id).get("read").asBoolean()).isTrue();
    // A teacher of another school sees none of it, whatever she asks for.
    for (String path : List.of("/api/me/notifications", "/api/me/notifications?user=teacher-changan",
        "/api/me/notifications?recipient=school_5306270001")) {
      Reply nantai = Caller.basic(port, "teacher-nantai").get(path);
      assertThat(nantai.status()).isEqualTo(200);
      assertThat(nantai.body()).doesNotContain(older).doesNotContain(newer);
    }
  }

  @Test
  void anotherPersonsNotificationCannotBeMarkedReadAndStaysAsItWas() {
    ProcessInstance pi = report();
    long schoolsNotice = outbox.findByCaseNumberOrderByIdAsc(pi.getBusinessKey()).get(0).getId();
    ActingUsers users = new ActingUsers(engine, staff);
    users.complete("teacher-changan", users.taskOf(pi.getId()).getId(), Map.of("verifyResult", "CONFIRMED"));
    users.complete("official-jianshan", users.taskOf(pi.getId()).getId(),
        Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    long cadresOwn = outbox.findByCaseNumberOrderByIdAsc(pi.getBusinessKey()).stream()
        .filter(n -> n.getRecipient().equals("cadre-changan")).findFirst().orElseThrow().getId();

    Map<String, Object> before = world();
    for (String user : List.of("teacher-nantai", "official-nantai", "cadre-nantai", "principal-changan", "admin", "bureau-zhenxiong")) {
      Reply other = Caller.basic(port, user).send("POST", "/api/me/notifications/" + cadresOwn + "/read", null);
      assertThat(other.status()).as("%s reads the cadre's own notification: %s", user, other).isEqualTo(404);
      assertThat(other.body()).contains("没有这条通知");
    }
    for (String user : List.of("teacher-nantai", "cadre-changan", "official-nantai")) {
      Reply other = Caller.basic(port, user).send("POST", "/api/me/notifications/" + schoolsNotice + "/read", null);
      assertThat(other.status()).as("%s reads 长安村小学's notification: %s", user, other).isEqualTo(404);
    }
    assertThat(Caller.basic(port, "teacher-nantai").send("POST", "/api/me/notifications/999999999/read", null).status()).isEqualTo(404);
    assertThat(Caller.basic(port, "teacher-nantai").send("POST", "/api/me/notifications/1%20OR%201=1/read", null).status()).isEqualTo(400);
    // The page's form refuses the same.
    assertThat(Caller.loggedIn(port, "teacher-nantai").postForm("/notifications/" + cadresOwn + "/read", Map.of()).status())
        .isEqualTo(404);
    // An auditor changes nothing, not even a read mark; nobody anonymous does.
    assertThat(Caller.basic(port, "auditor").send("POST", "/api/me/notifications/" + cadresOwn + "/read", null).status()).isEqualTo(403);
    assertThat(Caller.anonymous(port).send("POST", "/api/me/notifications/" + cadresOwn + "/read", null).status()).isIn(401, 403);
    assertThat(Caller.anonymous(port).get("/api/me/notifications").status()).isEqualTo(401);
    assertThat(world()).isEqualTo(before);

    assertThat(Caller.basic(port, "cadre-changan").send("POST", "/api/me/notifications/" + cadresOwn + "/read", null).status())
        .isEqualTo(200);
    assertThat(readers(cadresOwn)).containsExactly("cadre-changan");
  }

  @Test
  void oddSpellingsOfTheReadDoorAreRefusedAndChangeNothing() {
    long id = outbox.findByCaseNumberOrderByIdAsc(report().getBusinessKey()).get(0).getId();
    Caller teacher = Caller.basic(port, "teacher-changan");
    Map<String, Object> before = world();

    for (String path : List.of(
        "/api/me/notifications/" + id + "/read/",
        "/api/me/notifications/" + id + "//read",
        "//api/me/notifications/" + id + "/read",
        "/api/me//notifications/" + id + "/read",
        "/api/me/notifications/" + id + "%2Fread",
        "/api/me/notifications/" + id + "/%72ead",
        "/api/me/notifications/%3" + (id % 10) + "/read",
        "/api/me/notifications/" + id + "/READ",
        "/api/me/Notifications/" + id + "/read",
        "/API/me/notifications/" + id + "/read",
        "/api/me/notifications/" + id + "/read;jsessionid=x",
        "/api/me/notifications/" + id + ";x=y/read",
        "/api/me/notifications/" + id + "/x/../read",
        "/api/me/notifications/+" + id + "/read",
        "/api/me/notifications/0" + id + "/read")) {
      Reply reply = teacher.send("POST", path, null);
      assertThat(reply.status()).as("POST %s: %s", path, reply).isBetween(400, 499);
      assertThat(world()).as("nothing changed after POST %s", path).isEqualTo(before);
    }
    for (String path : List.of("/api/me/notifications/", "//api/me/notifications", "/api/me/%6Eotifications", "/API/me/notifications",
        "/api/me/notifications;x=y")) {
      Reply reply = teacher.get(path);
      assertThat(reply.status()).as("GET %s: %s", path, reply).isBetween(400, 499);
    }
  }

  @Test
  void aForeignPageCannotMarkNotificationsReadThroughThePersonsBrowser() {
    long id = outbox.findByCaseNumberOrderByIdAsc(report().getBusinessKey()).get(0).getId();
    Map<String, Object> before = world();

    Reply foreignOrigin = Caller.loggedIn(port, "teacher-changan").header("Origin", FOREIGN)
        .send("POST", "/api/me/notifications/" + id + "/read", null);
    assertThat(foreignOrigin.status()).as("%s", foreignOrigin).isEqualTo(403);
    assertThat(foreignOrigin.body()).contains("拒绝跨站请求");
    Reply foreignReferer = Caller.loggedIn(port, "teacher-changan").header("Referer", FOREIGN + "/prize.html")
        .postForm("/notifications/" + id + "/read", Map.of());
    assertThat(foreignReferer.status()).isEqualTo(403);
    Reply foreignBasic = Caller.basic(port, "teacher-changan").header("Origin", FOREIGN)
        .send("POST", "/api/me/notifications/" + id + "/read", null);
    assertThat(foreignBasic.status()).isEqualTo(403);
    Reply noToken = Caller.loggedIn(port, "teacher-changan").withoutCsrfToken().send("POST", "/api/me/notifications/" + id + "/read", null);
    assertThat(noToken.status()).isEqualTo(403);
    Reply pageNoToken = Caller.loggedIn(port, "teacher-changan").withoutCsrfToken().postForm("/notifications/" + id + "/read", Map.of());
    assertThat(pageNoToken.status()).isEqualTo(403);
    assertThat(world()).isEqualTo(before);

    // The same person on Baoxue's own page marks it read.
    Caller own = Caller.loggedIn(port, "teacher-changan").header("Origin", own(port));
    assertThat(own.postForm("/notifications/" + id + "/read", Map.of()).status()).isEqualTo(302);
    assertThat(readers(id)).containsExactly("teacher-changan");
  }

  @Test
  void theBellOnBaoxuesPagesCountsTheUnreadAndTheListShowsThemInBeijingTime() {
    String caseNumber = report().getBusinessKey();
    Caller cadre = Caller.loggedIn(port, "cadre-changan");
    Caller teacher = Caller.loggedIn(port, "teacher-changan");
    long unread = jdbc.queryForObject("""
        select count(*) from notification n where n.recipient in ('teacher-changan', 'school_5306270001')
        and not exists (select 1 from notification_read r where r.notification_id = n.id and r.user_id = 'teacher-changan')""",
        Long.class);

    for (String page : List.of("/", "/cases", "/cases/" + caseNumber, "/notifications")) {
      String html = teacher.get(page).body();
      assertThat(html).as(page).contains("id=\"bell\"", "href=\"/notifications\"", "通知<b class=\"badge\">" + (unread > 99 ? "99+" : unread) + "</b>");
    }
    String list = teacher.get("/notifications").body();
    Notification notification = outbox.findByCaseNumberOrderByIdAsc(caseNumber).get(0);
    assertThat(list).contains("我的通知", "新的待办", "您有新的待办：案件 " + caseNumber, "href=\"/cases/" + caseNumber + "\"", "标为已读",
        notification.getCreatedAt().format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")));
    assertThat(cadre.get("/").body()).doesNotContain("<b class=\"badge\">" + unread + "</b>").contains("id=\"bell\"");
    assertThat(cadre.get("/notifications").body()).doesNotContain(caseNumber);
  }

  private ProcessInstance report() {
    return new ActingUsers(engine, staff).reportAtChangan();
  }

  private JsonNode inbox(Caller caller) throws Exception {
    Reply reply = caller.get("/api/me/notifications");
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonNode inbox = json.readTree(reply.body());
    assertThat(fieldNames(inbox)).containsExactly("unreadCount", "notifications");
    return inbox;
  }

  private static JsonNode itemOf(JsonNode inbox, long id) {
    for (JsonNode item : inbox.get("notifications")) {
      if (item.get("id").asLong() == id) {
        return item;
      }
    }
    throw new AssertionError("notification " + id + " is not in " + inbox);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private List<String> readers(long notificationId) {
    return jdbc.queryForList("select user_id from notification_read where notification_id = ? order by user_id", String.class,
        notificationId);
  }

  /** What no refused request may change: every read mark, every notification. */
  private Map<String, Object> world() {
    return Map.of(
        "reads", jdbc.queryForList("select notification_id, user_id, read_at from notification_read order by notification_id, user_id"),
        "notifications", jdbc.queryForList("select id, recipient, message, sent_at from notification order by id"));
  }

  private static String own(int port) {
    return "http://localhost:" + port;
  }
}
