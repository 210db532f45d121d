package cn.baoxue.referral;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.org.DemoData;
import cn.baoxue.org.OrgUnitImport;
import cn.baoxue.org.OrgUnitImport.UnitRow;
import cn.baoxue.org.OrgUnitRepository;
import cn.baoxue.org.StaffAccounts;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.kernel.identity.StaffRole;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.ClosureEvidence;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 联控联保 through Baoxue's API, as 尖山乡, 镇雄县公安局 and the case's helpers use it, and as
 * everyone else tries it: another county, a department of another county, the department on the
 * case ledger, undeclared fields and variables, odd spellings of the doors, a cross-site post. Each
 * refusal is checked to have changed nothing.
 */
@BaoxueWebTest
class ReferralApiTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired StaffDirectory staff;
  @Autowired StaffAccounts accounts;
  @Autowired OrgUnitImport orgUnitImport;
  @Autowired OrgUnitRepository units;
  @Autowired JdbcTemplate jdbc;

  ActingUsers users;
  String caseNumber;

  @BeforeEach
  void aCaseOfChanganAndADepartmentInEachCounty() {
    users = new ActingUsers(engine, staff);
    caseNumber = users.reportAtChangan().getBusinessKey();
    // 彝良县's police and 镇雄县's civil affairs, with one officer each.
    assertThat(orgUnitImport.importRows(List.of(new UnitRow(2, "部门", "53062801", "彝良县公安局", "530628"))).accepted()).isTrue();
    if (!accounts.exists("police-yiliang")) {
      accounts.enrol("police-yiliang", "何明", StaffRole.DEPARTMENT_OFFICER, units.findById("53062801").orElseThrow(),
          DemoData.DEFAULT_PASSWORD);
    }
    if (!accounts.exists("civil-zhenxiong")) {
      accounts.enrol("civil-zhenxiong", "黄晓梅", StaffRole.DEPARTMENT_OFFICER, units.findById("53062702").orElseThrow(),
          DemoData.DEFAULT_PASSWORD);
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theTownshipSendsThePoliceAnswerAndTheHelpersReadTheAnswer() throws Exception {
    Reply sent = Caller.basic(port, "official-jianshan").postJson("/api/cases/" + caseNumber + "/referrals",
        "{\"type\":\"LOCATE_CHILD\",\"department\":\"PUBLIC_SECURITY\",\"request\":\"孩子外出后联系不上，请协助查找下落\"}");
    assertThat(sent.status()).as("%s", sent).isEqualTo(201);
    JsonNode referral = JSON.readTree(sent.body());
    long id = referral.get("id").asLong();
    assertThat(referral.get("departmentName").asText()).isEqualTo("镇雄县公安局");
    assertThat(referral.get("statusLabel").asText()).isEqualTo("待受理");
    assertThat(referral.get("sentBy").asText()).startsWith("赵文斌");

    Caller police = Caller.basic(port, "police-zhenxiong");
    JsonNode mine = JSON.readTree(police.get("/api/referrals").body());
    assertThat(mine).anySatisfy(r -> assertThat(r.get("id").asLong()).isEqualTo(id));
    // The list names the referrals; the child's facts are on the referral itself, while it is open.
    assertThat(mine.findValues("child")).allSatisfy(child -> assertThat(child.isNull()).isTrue());
    JsonNode one = JSON.readTree(police.get("/api/referrals/" + id).body());
    assertThat(one.at("/child/name").asText()).isNotBlank();
    assertThat(one.at("/child/idNumberInFull").asBoolean()).isTrue();
    assertThat(one.at("/child/home").asText()).isEqualTo("尖山乡长安村");

    Reply accepted = police.postJson("/api/referrals/" + id + "/answer", "{\"decision\":\"ACCEPT\"}");
    assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
    Reply photo = police.upload("/api/referrals/" + id + "/evidence", "file", "找到孩子.jpg", ClosureEvidence.photo());
    assertThat(photo.status()).as("%s", photo).isEqualTo(201);
    Reply closed = police.postJson("/api/referrals/" + id + "/close", "{\"actionTaken\":\"已查明孩子在昆明市务工，已通知家长接回\"}");
    assertThat(closed.status()).as("%s", closed).isEqualTo(200);
    assertThat(JSON.readTree(closed.body()).get("status").asText()).isEqualTo("CLOSED");

    // Its record stays with the department, without the child's facts.
    assertThat(JSON.readTree(police.get("/api/referrals/" + id).body()).get("child").isNull()).isTrue();
    // The case's helpers see the answer, in the case's referrals and its timeline.
    Reply ofCase = Caller.basic(port, "teacher-changan").get("/api/cases/" + caseNumber + "/referrals");
    assertThat(ofCase.status()).isEqualTo(200);
    assertThat(ofCase.body()).contains("已查明孩子在昆明市务工").doesNotContain("\"idNumber\"");
    Reply timeline = Caller.basic(port, "teacher-changan").get("/api/audit/cases/" + caseNumber + "/timeline");
    assertThat(timeline.body()).contains("向镇雄县公安局发出转介：查找下落", "镇雄县公安局受理转介（查找下落）",
        "镇雄县公安局办结转介（查找下落）：已查明孩子在昆明市务工", "联控联保转介（部门办理）");
    assertThat(Caller.basic(port, "teacher-changan").get("/api/cases/" + caseNumber + "/evidence").body()).contains("找到孩子.jpg");
  }

  @Test
  void theTownshipSendsFromTheCasePageAndTheOfficerAnswersOnHerPhonePage() throws Exception {
    Caller township = Caller.loggedIn(port, "official-jianshan");
    Reply casePage = township.get("/cases/" + caseNumber);
    assertThat(casePage.body()).contains("id=\"send-referral\"", "查找下落", "公安");
    Reply sent = township.postForm("/cases/" + caseNumber + "/referrals",
        Map.of("type", "DISABILITY_ASSESSMENT", "department", "PUBLIC_SECURITY", "request", "孩子疑似听力残疾，请协助评估", "workingDays", ""));
    assertThat(sent.status()).as("%s", sent).isEqualTo(302);
    long id = jdbc.queryForObject("select max(r.id) from referral r join dropout_case c on c.id = r.case_id where c.case_number = ?",
        Long.class, caseNumber);
    // The teacher sees the referral on the case page, and no form to send one.
    Reply teacherPage = Caller.loggedIn(port, "teacher-changan").get("/cases/" + caseNumber);
    assertThat(teacherPage.body()).contains("残疾评估", "镇雄县公安局").doesNotContain("id=\"send-referral\"");

    Caller officer = Caller.loggedIn(port, "police-zhenxiong");
    Reply home = officer.get("/");
    assertThat(home.body()).contains("联控联保转介").doesNotContain("我的待办", "三本台账");
    // Her notification of the new referral leads to her referrals, not to a case page she may not open.
    assertThat(officer.get("/notifications").body()).contains("href=\"/referrals\"", "查看转介");
    Reply list = officer.get("/referrals");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("残疾评估", "赵文斌（尖山乡）").doesNotContain("official-jianshan", "dept_");
    Reply page = officer.get("/referrals/" + id);
    assertThat(page.body()).contains("id=\"answer-form\"", "孩子疑似听力残疾，请协助评估", "尖山乡长安村");
    // A refusal on the form comes back in Chinese and changes nothing.
    Reply noReason = officer.postForm("/referrals/" + id + "/answer", Map.of("decision", "REJECT"));
    assertThat(noReason.status()).isEqualTo(302);
    assertThat(officer.get("/referrals/" + id).body()).contains("拒收理由不能为空");
    assertThat(jdbc.queryForObject("select status from referral where id = ?", String.class, id)).isEqualTo("SENT");
    Reply smuggled = officer.postForm("/referrals/" + id + "/answer", Map.of("decision", "ACCEPT", "answeredBy", "someone"));
    assertThat(smuggled.status()).isEqualTo(302);
    assertThat(officer.get("/referrals/" + id).body()).contains("转介答复不接受字段“answeredBy”");
    assertThat(jdbc.queryForObject("select status from referral where id = ?", String.class, id)).isEqualTo("SENT");

    assertThat(officer.postForm("/referrals/" + id + "/answer", Map.of("decision", "ACCEPT")).status()).isEqualTo(302);
    assertThat(officer.get("/referrals/" + id).body()).contains("id=\"close-form\"", "id=\"evidence-form\"");
    assertThat(officer.postForm("/referrals/" + id + "/close", Map.of("actionTaken", "已安排县医院评估，评定为听力二级残疾")).status())
        .isEqualTo(302);
    assertThat(jdbc.queryForObject("select status from referral where id = ?", String.class, id)).isEqualTo("CLOSED");
    assertThat(officer.get("/referrals").body()).contains("已办结");
    // The officer never opens the case page.
    assertThat(officer.get("/cases/" + caseNumber).status()).isIn(403, 404);
  }

  @Test
  void everyoneElseIsRefusedAndNothingChanges() throws Exception {
    String sendPath = "/api/cases/" + caseNumber + "/referrals";
    String body = "{\"type\":\"LOCATE_CHILD\",\"department\":\"PUBLIC_SECURITY\",\"request\":\"请协助查找下落\"}";

    // Another county's bureau, another township, the department itself: the case is not theirs (404).
    for (String outsider : List.of("bureau-yiliang", "official-nantai", "police-zhenxiong", "police-yiliang")) {
      Reply refused = Caller.basic(port, outsider).postJson(sendPath, body);
      assertThat(refused.status()).as(outsider + ": " + refused).isEqualTo(404);
    }
    // The school covers the case but does not send referrals; the auditor changes nothing.
    assertThat(Caller.basic(port, "teacher-changan").postJson(sendPath, body).status()).isEqualTo(403);
    assertThat(Caller.basic(port, "auditor").postJson(sendPath, body).status()).isEqualTo(403);
    // Undeclared fields, an unknown department, another county's department by its code.
    Caller township = Caller.basic(port, "official-jianshan");
    Reply undeclared = township.postJson(sendPath,
        "{\"type\":\"LOCATE_CHILD\",\"department\":\"PUBLIC_SECURITY\",\"request\":\"请协助\",\"departmentGroup\":\"dept_53062801\"}");
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.body()).contains("联控联保转介不接受字段“departmentGroup”");
    Reply otherCounty = township.postJson(sendPath, "{\"type\":\"LOCATE_CHILD\",\"department\":\"53062801\",\"request\":\"请协助\"}");
    assertThat(otherCounty.status()).isEqualTo(400);
    assertThat(otherCounty.body()).contains("department", "未知的接收部门");
    Reply notText = township.postJson(sendPath, "{\"type\":[\"LOCATE_CHILD\"],\"department\":\"公安\",\"request\":\"请协助\",\"workingDays\":0}");
    assertThat(notText.status()).isEqualTo(400);
    assertThat(notText.body()).contains("workingDays", "办理期限须为1至60个工作日");
    for (String odd : List.of(sendPath + "/", "/api/cases/" + caseNumber + "/%72eferrals", "/api/cases/" + caseNumber + "/Referrals",
        sendPath + ";x=1", "/api/cases//" + caseNumber + "/referrals")) {
      Reply refused = township.postJson(odd, body);
      assertThat(refused.status()).as(odd + ": " + refused).isIn(400, 404, 405);
    }
    Reply tooLong = township.postJson(sendPath, "{\"type\":\"LOCATE_CHILD\",\"department\":\"公安\",\"request\":\"" + "长".repeat(1001) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("request", "转介请求不能超过1000个字");
    assertThat(referralsOfCase()).as("nothing sent").isZero();

    // One referral to 镇雄县公安局.
    Reply sent = township.postJson(sendPath, body);
    assertThat(sent.status()).as("%s", sent).isEqualTo(201);
    long id = JSON.readTree(sent.body()).get("id").asLong();
    String answer = "/api/referrals/" + id + "/answer";
    String accept = "{\"decision\":\"ACCEPT\"}";

    // A department of another county, another department of the same county, the case's own
    // township: none of them answers for 镇雄县公安局, nor reads its referral.
    for (String outsider : List.of("police-yiliang", "civil-zhenxiong", "official-jianshan", "bureau-zhenxiong")) {
      Reply refused = Caller.basic(port, outsider).postJson(answer, accept);
      assertThat(refused.status()).as(outsider + ": " + refused).isEqualTo(404);
    }
    for (String outsider : List.of("police-yiliang", "civil-zhenxiong")) {
      Reply read = Caller.basic(port, outsider).get("/api/referrals/" + id);
      assertThat(read.status()).as(outsider).isEqualTo(404);
      assertThat(Caller.basic(port, outsider).get("/api/referrals").body()).doesNotContain(caseNumber);
    }
    // The case's township reads the referral as the case's record, without the department's view of the child.
    JsonNode asTownship = JSON.readTree(township.get("/api/referrals/" + id).body());
    assertThat(asTownship.get("child").isNull()).isTrue();

    // The department never sees the case or the county's ledgers.
    Caller police = Caller.basic(port, "police-zhenxiong");
    assertThat(police.get("/api/cases/" + caseNumber).status()).isEqualTo(404);
    assertThat(police.get("/api/cases").body()).doesNotContain(caseNumber);
    assertThat(police.get("/api/cases/" + caseNumber + "/referrals").status()).isEqualTo(404);
    assertThat(police.get("/api/audit/cases/" + caseNumber + "/timeline").status()).isIn(403, 404);
    assertThat(police.get("/api/reports/summary?scope=530627").status()).isEqualTo(403);

    // Undeclared fields in the answer; closing before accepting.
    Reply smuggled = police.postJson(answer, "{\"decision\":\"ACCEPT\",\"status\":\"CLOSED\"}");
    assertThat(smuggled.status()).isEqualTo(400);
    assertThat(smuggled.body()).contains("转介答复不接受字段“status”");
    Reply tooEarly = police.postJson("/api/referrals/" + id + "/close", "{\"actionTaken\":\"已办\"}");
    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(police.upload("/api/referrals/" + id + "/evidence", "file", "a.jpg", ClosureEvidence.photo()).status()).isEqualTo(409);
    assertThat(Caller.basic(port, "police-yiliang").upload("/api/referrals/" + id + "/evidence", "file", "a.jpg",
        ClosureEvidence.photo()).status()).isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from evidence_item where step = ?", Long.class, "referral-" + id)).isZero();
    // Odd spellings of the door.
    for (String odd : List.of(answer + "/", "/api//referrals/" + id + "/answer", "/api/REFERRALS/" + id + "/answer",
        "/api/referrals/" + id + "/answer;jsessionid=x", "/api/referrals%2F" + id + "/answer", "/api/referrals/" + id + "/%61nswer",
        "/api/referrals/0" + id + "x/answer")) {
      Reply refused = police.postJson(odd, accept);
      assertThat(refused.status()).as(odd + ": " + refused).isIn(400, 404, 405);
    }
    // A cross-site post with the officer's session: a foreign origin, no CSRF token.
    Caller session = Caller.loggedIn(port, "police-zhenxiong");
    Reply crossSite = session.withoutCsrfToken().header("Origin", "https://evil.example").postJson(answer, accept);
    assertThat(crossSite.status()).isEqualTo(403);
    Reply crossSiteForm = session.withoutCsrfToken().postForm("/referrals/" + id + "/answer", Map.of("decision", "ACCEPT"));
    assertThat(crossSiteForm.status()).isEqualTo(403);
    for (String odd : List.of("/referrals/" + id + "/%61nswer", "/referrals/" + id + "/answer/", "/referrals/" + id + "/answer;x=1")) {
      Reply refused = session.postForm(odd, Map.of("decision", "ACCEPT"));
      assertThat(refused.status()).as(odd + ": " + refused).isIn(400, 403, 404, 405);
    }
    // The engine's API: the department calls no task operation; variables the task does not declare are refused.
    String taskId = jdbc.queryForObject("select t.id_ from act_ru_task t join referral r on r.process_instance_id = t.proc_inst_id_"
        + " where r.id = ?", String.class, id);
    Reply engineComplete = police.postJson("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"referralAccepted\":{\"value\":true}}}");
    assertThat(engineComplete.status()).as("%s", engineComplete).isEqualTo(403);
    Reply adminComplete = Caller.basic(port, "admin").postJson("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"referralAccepted\":{\"value\":true}}}");
    assertThat(adminComplete.status()).as("%s", adminComplete).isEqualTo(400);
    Reply adminBare = Caller.basic(port, "admin").postJson("/engine-rest/task/" + taskId + "/complete", "{}");
    assertThat(adminBare.status()).as("%s", adminBare).isEqualTo(400);

    assertThat(jdbc.queryForObject("select status from referral where id = ?", String.class, id)).as("nothing changed").isEqualTo("SENT");
    assertThat(jdbc.queryForObject("select count(*) from act_ru_task where id_ = ?", Long.class, taskId)).isOne();
    assertThat(jdbc.queryForObject("select count(*) from referral_step where referral_id = ?", Long.class, id)).isOne();

    // The police answer on the referral page: once.
    assertThat(police.postJson(answer, accept).status()).isEqualTo(200);
    assertThat(police.postJson(answer, accept).status()).isEqualTo(409);
  }

  @Test
  void theSummaryCountsReferralsByDepartmentAndOutcomeWithTheWorkingDaysToAnswer() throws Exception {
    // Monday 1 June 2026: three referrals from three new cases of 长安.
    ClockUtil.setCurrentTime(at(2026, 6, 1, 10));
    String[] cases = {users.reportAtChangan().getBusinessKey(), users.reportAtChangan().getBusinessKey(),
        users.reportAtChangan().getBusinessKey()};
    Caller township = Caller.basic(port, "official-jianshan");
    long locate = send(township, cases[0], "LOCATE_CHILD", "PUBLIC_SECURITY", 10);
    send(township, cases[1], "STOP_CHILD_LABOUR", "PUBLIC_SECURITY", 1);
    long relief = send(township, cases[2], "LIVING_ASSISTANCE", "CIVIL_AFFAIRS", 10);
    // Wednesday: the police accept one, civil affairs reject theirs; Friday: the police close theirs.
    ClockUtil.setCurrentTime(at(2026, 6, 3, 15));
    assertThat(Caller.basic(port, "police-zhenxiong").postJson("/api/referrals/" + locate + "/answer", "{\"decision\":\"ACCEPT\"}")
        .status()).isEqualTo(200);
    assertThat(Caller.basic(port, "civil-zhenxiong").postJson("/api/referrals/" + relief + "/answer",
        "{\"decision\":\"REJECT\",\"reason\":\"该户已享受低保，无需临时救助\"}").status()).isEqualTo(200);
    ClockUtil.setCurrentTime(at(2026, 6, 5, 11));
    assertThat(Caller.basic(port, "police-zhenxiong").postJson("/api/referrals/" + locate + "/close",
        "{\"actionTaken\":\"已找到孩子\"}").status()).isEqualTo(200);

    Reply summary = Caller.basic(port, "bureau-zhenxiong").get("/api/reports/summary?scope=530627&from=2026-06-01&to=2026-06-01");
    assertThat(summary.status()).as("%s", summary).isEqualTo(200);
    JsonNode referrals = JSON.readTree(summary.body()).get("referrals");
    assertThat(referrals.get("sent").asLong()).isEqualTo(3);
    assertThat(JSON.convertValue(referrals.get("outcome"), Map.class))
        .isEqualTo(Map.of("SENT", 1, "ACCEPTED", 0, "REJECTED", 1, "CLOSED", 1));
    assertThat(JSON.convertValue(referrals.at("/byDepartment/PUBLIC_SECURITY"), Map.class))
        .isEqualTo(Map.of("SENT", 1, "ACCEPTED", 0, "REJECTED", 0, "CLOSED", 1));
    assertThat(JSON.convertValue(referrals.at("/byDepartment/CIVIL_AFFAIRS"), Map.class))
        .isEqualTo(Map.of("SENT", 0, "ACCEPTED", 0, "REJECTED", 1, "CLOSED", 0));
    assertThat(JSON.convertValue(referrals.at("/byDepartment/YOUTH_LEAGUE"), Map.class))
        .isEqualTo(Map.of("SENT", 0, "ACCEPTED", 0, "REJECTED", 0, "CLOSED", 0));
    assertThat(referrals.get("answered").asLong()).isEqualTo(2);
    assertThat(referrals.get("averageWorkingDaysToAnswer").decimalValue()).isEqualByComparingTo("2.0");
    assertThat(referrals.get("maxWorkingDaysToAnswer").asLong()).isEqualTo(2);
    // The one to stop child labour was due on Tuesday and is still unanswered.
    assertThat(referrals.get("overdue").asLong()).isEqualTo(1);
  }

  private long send(Caller sender, String caseNumber, String type, String department, int workingDays) throws Exception {
    Reply sent = sender.postJson("/api/cases/" + caseNumber + "/referrals", "{\"type\":\"" + type + "\",\"department\":\""
        + department + "\",\"request\":\"请协助\",\"workingDays\":" + workingDays + "}");
    assertThat(sent.status()).as("%s", sent).isEqualTo(201);
    return JSON.readTree(sent.body()).get("id").asLong();
  }

  private long referralsOfCase() {
    return jdbc.queryForObject("select count(*) from referral r join dropout_case c on c.id = r.case_id where c.case_number = ?",
        Long.class, caseNumber);
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CHINA).toInstant());
  }
}
