package cn.baoxue.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.Rosters;
import cn.baoxue.testing.TestStudents;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transfers move a pupil between schools' registered counts, or off the county's roll, and are listed per term. A
 * transfer in is a request (转学申请) that moves her only when the sending school, or its township, consents; the
 * asking school learns nothing of a pupil it does not hold.
 */
@BaoxueWebTest
class EnrolmentChangesTests {

  private static final String AUTUMN_2026 = "2026年秋季学期";
  /** A school day of a fixed term, so the roll asked for is the same whenever this runs. */
  private static final String SCHOOL_DAY = "2026-11-20";
  private static final String OTHER_COUNTY_SCHOOL = "5306290001";

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void aTransferMovesThePupilBetweenSchoolsAndOutOfTheCounty() throws Exception {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long changanBefore = registered("teacher-changan", "5306270001");
    long nantaiBefore = registered("teacher-nantai", "5306270002");
    // A school day of a fixed term, so the roll asked for below is the same whenever this runs.
    String schoolDay = "2026-11-20";

    var out = EngineRest.as(anonymous, "teacher-changan").post("/api/students/" + pupil + "/changes",
        Map.of("type", "TRANSFER_OUT", "date", schoolDay, "toSchoolCode", "5306270002", "reason", "随父母搬到南台镇"));
    assertThat(out.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(registered("teacher-changan", "5306270001")).isEqualTo(changanBefore - 1);
    assertThat(registered("teacher-nantai", "5306270002")).isEqualTo(nantaiBefore + 1);

    var refused = EngineRest.as(anonymous, "teacher-changan").post("/api/students/" + pupil + "/changes",
        Map.of("type", "TRANSFER_OUT", "date", schoolDay, "otherSchool", "昆明市某小学"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // 长安 no longer holds him: it gets the answer a number nobody holds gets, not where he went.
    assertThat((String) refused.getBody().get("message")).isEqualTo(nobodyHere(pupil));

    var leaves = EngineRest.as(anonymous, "teacher-nantai").post("/api/students/" + pupil + "/changes",
        Map.of("type", "TRANSFER_OUT", "date", schoolDay, "otherSchool", "昆明市某小学", "reason", "随迁"));
    assertThat(leaves.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(registered("teacher-nantai", "5306270002")).isEqualTo(nantaiBefore);

    assertThat(changedSchools("bureau-zhenxiong", pupil)).containsExactly("长安村小学→南台小学", "南台小学→昆明市某小学");
  }

  @Test
  void onlyThePupilsSchoolRecordsHerTransferAndTheRefusalSaysSoOnlyToThoseOverHer() throws Exception {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    Map<String, Object> toNantai = Map.of("type", "TRANSFER_OUT", "date", "2026-11-20", "toSchoolCode", "5306270002",
        "reason", "随父母搬到南台镇");

    for (String over : List.of("official-jianshan", "bureau-zhenxiong")) {
      var refused = EngineRest.as(anonymous, over).post("/api/students/" + pupil + "/changes", toNantai);
      assertThat(refused.getStatusCode()).as(over).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) refused.getBody().get("message")).as(over).isEqualTo("只有长安村小学可以办理转出");
    }
    // Another school is not told that he exists, nor where he studies.
    var refused = EngineRest.as(anonymous, "teacher-nantai").post("/api/students/" + pupil + "/changes", toNantai);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).isEqualTo(nobodyHere(pupil));
    assertThat(changedSchools("bureau-zhenxiong", pupil)).isEmpty();

    var done = EngineRest.as(anonymous, "principal-changan").post("/api/students/" + pupil + "/changes", toNantai);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(changedSchools("bureau-zhenxiong", pupil)).containsExactly("长安村小学→南台小学");
  }

  @Test
  void aTransferInTheSummerHolidayIsListedWithTheAutumnTermItPreparesFor() throws Exception {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);

    var out = EngineRest.as(anonymous, "teacher-changan").post("/api/students/" + pupil + "/changes",
        Map.of("type", "TRANSFER_OUT", "date", "2026-08-20", "toSchoolCode", "5306270002", "reason", "暑假随父母搬到南台镇"));
    assertThat(out.getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(changedSchools("bureau-zhenxiong", pupil)).containsExactly("长安村小学→南台小学");
    String page = anonymous.withBasicAuth("bureau-zhenxiong", "demo")
        .getForEntity("/students/changes?term={term}", String.class, AUTUMN_2026).getBody();
    assertThat(page).contains("2026-08-20").contains("2026年秋季学期：2026-07-04 至 2027-01-22（含 2026-09-01 开学前的假期）");
    String spring = anonymous.withBasicAuth("bureau-zhenxiong", "demo")
        .getForEntity("/students/changes?term={term}", String.class, "2026年春季学期").getBody();
    assertThat(spring).contains("2026年春季学期：2026-01-17 至 2026-07-03").doesNotContain("2026-08-20");
  }

  @Test
  void anUnknownTypeOrFutureDateIsRefused() {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);

    var response = EngineRest.as(anonymous, "teacher-changan").post("/api/students/" + pupil + "/changes",
        Map.of("type", "GRADUATED", "date", LocalDate.now().plusDays(3).toString(), "toSchoolCode", "5306270002"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<String>) response.getBody().get("problems"))
        .containsExactly("未知的异动类型：GRADUATED", "异动日期不能晚于今天");
  }

  // ---------------------------------------------------------------- 转学申请: transfers in need the sending side's consent

  @Test
  void aTransferInWaitsForTheSendingSchoolAndMovesThePupilWhenItConsents() throws Exception {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);

    var asked = ask("teacher-nantai", pupil);
    assertThat(asked.getStatusCode()).as("%s", asked.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(asked.getBody()).containsEntry("status", "PENDING");
    long request = id(asked);
    assertThat(schoolOf(pupil)).as("nothing moves on the asking alone").isEqualTo(TestStudents.CHANGAN_SCHOOL);
    assertThat(changedSchools("bureau-zhenxiong", pupil)).isEmpty();
    assertThat(requested("teacher-nantai", request)).containsEntry("status", "PENDING")
        .containsEntry("studentName", null).containsEntry("fromSchool", null);
    assertThat(awaiting("principal-changan", request)).containsEntry("studentName", "李小军")
        .containsEntry("toSchool", "南台小学").containsEntry("mayDecide", true);

    var consented = EngineRest.as(anonymous, "principal-changan").post("/api/students/transfers/" + request + "/consent", null);

    assertThat(consented.getStatusCode()).as("%s", consented.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(consented.getBody()).containsEntry("status", "GRANTED");
    assertThat(schoolOf(pupil)).isEqualTo(TestStudents.NANTAI_SCHOOL);
    assertThat(changedSchools("bureau-zhenxiong", pupil)).containsExactly("长安村小学→南台小学");
    assertThat(requested("teacher-nantai", request)).containsEntry("status", "GRANTED")
        .containsEntry("studentName", "李小军").containsEntry("fromSchool", "长安村小学");
    assertThat(decision(request)).isEqualTo("GRANTED principal-changan SCHOOL");
    assertThat(audited(request)).containsExactly("TRANSFER_REQUEST teacher-nantai", "TRANSFER_CONSENT principal-changan");

    var again = EngineRest.as(anonymous, "teacher-changan").post("/api/students/transfers/" + request + "/consent", null);
    assertThat(again.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.CONFLICT);
    assertThat(changedSchools("bureau-zhenxiong", pupil)).containsExactly("长安村小学→南台小学");
  }

  @Test
  void theTownshipOverTheSendingSchoolMayDecideInItsPlace() throws Exception {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long request = id(ask("teacher-nantai", pupil));

    var decided = EngineRest.as(anonymous, "official-jianshan").post("/api/students/transfers/" + request + "/consent", null);

    assertThat(decided.getStatusCode()).as("%s", decided.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(schoolOf(pupil)).isEqualTo(TestStudents.NANTAI_SCHOOL);
    assertThat(decision(request)).isEqualTo("GRANTED official-jianshan TOWNSHIP");
  }

  @Test
  void aRefusalNeedsAReasonAndLeavesThePupilWhereSheIs() throws Exception {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long request = id(ask("teacher-nantai", pupil));
    EngineRest changan = EngineRest.as(anonymous, "teacher-changan");

    var withoutReason = changan.post("/api/students/transfers/" + request + "/refuse", Map.of("reason", " "));
    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(withoutReason.getBody())).containsEntry("reason", "拒绝理由不能为空");
    assertThat(decision(request)).isEqualTo("PENDING null null");

    var refused = changan.post("/api/students/transfers/" + request + "/refuse", Map.of("reason", "该生父母未提出转学"));

    assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(refused.getBody()).containsEntry("status", "REFUSED");
    assertThat(schoolOf(pupil)).isEqualTo(TestStudents.CHANGAN_SCHOOL);
    assertThat(changedSchools("bureau-zhenxiong", pupil)).isEmpty();
    assertThat(requested("teacher-nantai", request)).containsEntry("status", "REFUSED")
        .containsEntry("refusalReason", "该生父母未提出转学").containsEntry("studentName", null).containsEntry("fromSchool", null);
    assertThat(audited(request)).containsExactly("TRANSFER_REQUEST teacher-nantai", "TRANSFER_REFUSAL teacher-changan");

    var consentAfterwards = changan.post("/api/students/transfers/" + request + "/consent", null);
    assertThat(consentAfterwards.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(schoolOf(pupil)).isEqualTo(TestStudents.CHANGAN_SCHOOL);
  }

  @Test
  void nobodyButTheSendingSideDecidesNeitherAThirdSchoolNorTheAskingSchool() throws Exception {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long request = id(ask("teacher-nantai", pupil));
    // 尖山中学 (same township as 长安, a third school), the asking school itself, the asking school's
    // township, the sending school's village, the administrator who reads everything.
    for (String outsider : List.of("teacher-jianshan", "teacher-nantai", "official-nantai", "cadre-changan", "admin")) {
      EngineRest caller = EngineRest.as(anonymous, outsider);
      for (String path : List.of("/consent", "/consent/", ";a=b/consent", "/consent;a=b", "/refuse")) {
        var refused = caller.post("/api/students/transfers/" + request + path, Map.of("reason", "不同意"));
        assertThat(refused.getStatusCode().is2xxSuccessful()).as("%s %s %s", outsider, path, refused.getBody()).isFalse();
        assertThat(String.valueOf(refused.getBody())).doesNotContain(pupil);
      }
      assertThat(caller.post("/api/students/transfers/" + request + "/consent", null).getStatusCode())
          .as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(caller.get("/api/students/transfers").getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    var doubleSlash = EngineRest.as(anonymous, "teacher-jianshan").post("/api/students/transfers//" + request + "/consent", null);
    assertThat(doubleSlash.getStatusCode().is2xxSuccessful()).isFalse();

    assertThat(decision(request)).isEqualTo("PENDING null null");
    assertThat(schoolOf(pupil)).isEqualTo(TestStudents.CHANGAN_SCHOOL);
    assertThat(audited(request)).containsExactly("TRANSFER_REQUEST teacher-nantai");
    assertThat(listed("teacher-jianshan")).doesNotContain(request);
  }

  @Test
  void aSchoolAskingForAPupilItDoesNotHoldGetsOneAnswerWhoeverHoldsTheNumber() {
    String ofAnotherSchool = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL,
        TestStudents.CHANGAN_VILLAGE);
    String ofNobody = TestStudents.idNumber(LocalDate.of(2015, 3, 5), true);
    String ofAnotherCounty = pupilOfAnotherCounty();
    List<String> numbers = List.of(ofAnotherSchool, ofNobody, ofAnotherCounty);

    List<String> answers = new ArrayList<>();
    for (String number : numbers) {
      var asked = ask("teacher-nantai", number);
      answers.add(asked.getStatusCode() + " " + new TreeMap<>(withoutId(asked.getBody())));
      // The old door, 转入 on /changes, by 尖山中学: the same request, the same answer.
      var askedOnChanges = EngineRest.as(anonymous, "teacher-jianshan").post("/api/students/" + number + "/changes",
          Map.of("type", "TRANSFER_IN", "date", SCHOOL_DAY, "toSchoolCode", "5306270003"));
      answers.add(askedOnChanges.getStatusCode() + " " + new TreeMap<>(withoutId(askedOnChanges.getBody())));
      var listed = requested("teacher-nantai", id(asked));
      answers.add(new TreeMap<>(withoutId(listed)).toString().replace(IdNumber.mask(number), "*"));
      var out = EngineRest.as(anonymous, "teacher-nantai").post("/api/students/" + number + "/changes",
          Map.of("type", "TRANSFER_OUT", "date", SCHOOL_DAY, "otherSchool", "昆明市某小学"));
      answers.add(out.getStatusCode() + " " + String.valueOf(out.getBody()).replace(IdNumber.mask(number), "*"));
      for (Object body : List.of(asked.getBody(), askedOnChanges.getBody(), listed, out.getBody())) {
        assertThat(String.valueOf(body)).doesNotContain(number).doesNotContain("李小军").doesNotContain("长安")
            .doesNotContain("扎西");
      }
    }

    assertThat(answers.subList(0, 4)).containsExactlyElementsOf(answers.subList(4, 8));
    assertThat(answers.subList(0, 4)).containsExactlyElementsOf(answers.subList(8, 12));
    assertThat(answers.get(0)).startsWith("202");
    assertThat(schoolOf(ofAnotherSchool)).isEqualTo(TestStudents.CHANGAN_SCHOOL);
    assertThat(schoolOf(ofAnotherCounty)).isEqualTo(OTHER_COUNTY_SCHOOL);
  }

  @Test
  void aSecondRequestForTheSameNumberWaitsForTheFirstWhoeverHoldsIt() {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    String ofNobody = TestStudents.idNumber(LocalDate.of(2015, 4, 6), true);
    for (String number : List.of(pupil, ofNobody)) {
      long first = id(ask("teacher-nantai", number));
      long before = count("transfer_request");

      var second = ask("teacher-nantai", number);

      assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat((String) second.getBody().get("message")).isEqualTo("本校已申请转入身份证号为 " + IdNumber.mask(number) + " 的学生，申请尚待处理");
      assertThat(count("transfer_request")).isEqualTo(before);
      // Withdrawn, it may be asked again.
      var withdrawn = EngineRest.as(anonymous, "teacher-nantai").post("/api/students/transfers/" + first + "/withdraw", null);
      assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(ask("teacher-nantai", number).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }
    assertThat(schoolOf(pupil)).isEqualTo(TestStudents.CHANGAN_SCHOOL);
  }

  @Test
  void anAuditorReadsTransferRequestsButNeitherAsksNorDecides() {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long request = id(ask("teacher-nantai", pupil));
    EngineRest auditor = EngineRest.as(anonymous, "auditor");
    long before = count("transfer_request");

    assertThat(ask("auditor", pupil).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditor.post("/api/students/transfers/" + request + "/consent", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditor.post("/api/students/transfers/" + request + "/refuse", Map.of("reason", "审计")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(count("transfer_request")).isEqualTo(before);
    assertThat(decision(request)).isEqualTo("PENDING null null");
    assertThat(schoolOf(pupil)).isEqualTo(TestStudents.CHANGAN_SCHOOL);
    assertThat(awaiting("auditor", request)).containsEntry("mayDecide", false).containsEntry("studentName", "李小军");
  }

  @Test
  void aRequestIsCheckedFieldByFieldBeforeAnythingIsStoredAndOnlyTheReceivingSchoolAsks() {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long before = count("transfer_request");

    var bad = EngineRest.as(anonymous, "teacher-nantai").post("/api/students/transfers", Map.of("idNumber", "530627201503051234",
        "toSchoolCode", "5306279999", "date", LocalDate.now().plusDays(3).toString(), "reason", "x".repeat(501)));

    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(bad.getBody())).containsOnlyKeys("idNumber", "toSchoolCode", "date", "reason")
        .containsEntry("toSchoolCode", "转入学校代码不存在：5306279999").containsEntry("date", "转入日期不能晚于今天")
        .containsEntry("reason", "转学原因不能超过500个字");
    var forAnotherSchool = EngineRest.as(anonymous, "teacher-changan").post("/api/students/transfers",
        Map.of("idNumber", pupil, "toSchoolCode", TestStudents.NANTAI_SCHOOL, "date", SCHOOL_DAY));
    assertThat(forAnotherSchool.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    var ownPupil = EngineRest.as(anonymous, "teacher-changan").post("/api/students/transfers",
        Map.of("idNumber", pupil, "toSchoolCode", TestStudents.CHANGAN_SCHOOL, "date", SCHOOL_DAY));
    assertThat(ownPupil.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(ownPupil.getBody())).containsOnlyKeys("idNumber");
    assertThat(count("transfer_request")).isEqualTo(before);
  }

  @Test
  void theEnrolmentPageShowsWaitingRequestsWithButtonsToThoseWhoDecide() {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long request = id(ask("teacher-nantai", pupil));
    Caller principal = Caller.loggedIn(port, "principal-changan");

    String sending = principal.get("/students/changes").body();
    assertThat(sending).contains("/students/transfers/" + request + "/consent").contains("同意转出").contains("李小军");
    String asking = Caller.loggedIn(port, "teacher-nantai").get("/students/changes").body();
    assertThat(asking).contains("待转出学校同意").contains(IdNumber.mask(pupil))
        .doesNotContain("/students/transfers/" + request + "/consent");
    String third = Caller.loggedIn(port, "teacher-jianshan").get("/students/changes").body();
    assertThat(third).doesNotContain(IdNumber.mask(pupil));

    var withoutToken = Caller.basic(port, "principal-changan").postForm("/students/transfers/" + request + "/consent", Map.of());
    assertThat(schoolOf(pupil)).as("%s", withoutToken).isEqualTo(TestStudents.CHANGAN_SCHOOL);

    var consented = principal.postForm("/students/transfers/" + request + "/consent", Map.of());
    assertThat(consented.status()).isEqualTo(302);
    assertThat(schoolOf(pupil)).isEqualTo(TestStudents.NANTAI_SCHOOL);
  }

  @Test
  void aSchoolCannotTakeAnotherSchoolsPupilByListingHerOnItsRoster() {
    String pupil = Rosters.registerPupil(anonymous, "teacher-changan", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    String row = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\n"
        + "王冒名," + pupil + ",男,%s,%s,5,%s,王某,13800000099,在校,,\n";
    String birthDate = IdNumber.parse(pupil).birthDate().orElseThrow().toString();

    var taken = EngineRest.as(anonymous, "teacher-nantai").upload("/api/imports/roster", "roster.csv",
        row.formatted(birthDate, TestStudents.NANTAI_SCHOOL, TestStudents.NANTAI_VILLAGE));

    assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(taken.getBody())).contains("已在其他学校在册").doesNotContain("长安").doesNotContain("李小军");
    assertThat(schoolOf(pupil)).isEqualTo(TestStudents.CHANGAN_SCHOOL);
    assertThat(jdbc.sql("select name from student where id_number = ?").param(pupil).query(String.class).single())
        .isEqualTo("李小军");
    // Her own school still updates her from its roster.
    var own = EngineRest.as(anonymous, "teacher-changan").upload("/api/imports/roster", "roster.csv",
        row.formatted(birthDate, TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE).replace("王冒名", "李小军"));
    assertThat(own.getStatusCode()).as("%s", own.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).containsEntry("updated", 1);
  }

  @Test
  void anOpenDropoutCaseStaysWithTheSchoolThatReportedItWhenThePupilMoves() {
    Map<String, Object> girl = TestStudents.changanGirl();
    EngineRest changan = EngineRest.as(anonymous, "teacher-changan");
    String processInstance = (String) changan.startCase(girl).getBody().get("id");
    String pupil = (String) girl.get("studentIdNumber");
    long request = id(ask("teacher-nantai", pupil));

    assertThat(changan.post("/api/students/transfers/" + request + "/consent", null).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(schoolOf(pupil)).isEqualTo(TestStudents.NANTAI_SCHOOL);
    assertThat(jdbc.sql("select school_code from dropout_case where process_instance_id = ?").param(processInstance)
        .query(String.class).single()).isEqualTo(TestStudents.CHANGAN_SCHOOL);
    assertThat(changan.tasks(processInstance)).extracting(task -> task.get("taskDefinitionKey")).containsExactly("verify");
    assertThat(EngineRest.as(anonymous, "teacher-nantai").tasks(processInstance)).isEmpty();
  }

  private ResponseEntity<Map<String, Object>> ask(String user, String idNumber) {
    return EngineRest.as(anonymous, user).post("/api/students/transfers", Map.of("idNumber", idNumber,
        "toSchoolCode", TestStudents.NANTAI_SCHOOL, "date", SCHOOL_DAY, "reason", "随父母搬到南台镇"));
  }

  private static long id(ResponseEntity<Map<String, Object>> asked) {
    assertThat(asked.getStatusCode()).as("%s", asked.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    return ((Number) asked.getBody().get("id")).longValue();
  }

  private static Map<String, Object> withoutId(Map<String, Object> body) {
    Map<String, Object> rest = new HashMap<>(body);
    rest.remove("id");
    rest.remove("requestedAt");
    return rest;
  }

  /** The request as the asking side lists it. */
  private Map<String, Object> requested(String user, long request) {
    return side(user, "requested", request);
  }

  /** The request as the sending side lists it. */
  private Map<String, Object> awaiting(String user, long request) {
    return side(user, "awaiting", request);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> side(String user, String side, long request) {
    var lists = EngineRest.as(anonymous, user).get("/api/students/transfers");
    assertThat(lists.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) lists.getBody().get(side)).stream()
        .filter(row -> ((Number) row.get("id")).longValue() == request).findFirst()
        .orElseThrow(() -> new AssertionError(user + " does not list request " + request + " in " + side));
  }

  /** The ids of every request the user's lists show. */
  @SuppressWarnings("unchecked")
  private List<Long> listed(String user) {
    Map<String, Object> lists = EngineRest.as(anonymous, user).get("/api/students/transfers").getBody();
    return Stream.of("requested", "awaiting").flatMap(side -> ((List<Map<String, Object>>) lists.get(side)).stream())
        .map(row -> ((Number) row.get("id")).longValue()).toList();
  }

  private String schoolOf(String idNumber) {
    return jdbc.sql("select school_code from student where id_number = ?").param(idNumber).query(String.class).single();
  }

  private String decision(long request) {
    return jdbc.sql("select status, decided_by, decided_as from transfer_request where id = ?").param(request)
        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).single();
  }

  private List<String> audited(long request) {
    return jdbc.sql("select entry_kind, actor from audit_trail where entry_kind like 'TRANSFER%' and ref_id = ? order by id")
        .param(request).query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /**
   * A pupil of 扎西小学 in 威信县, a county beside the demo county, registered by the administrator
   * as that county's files would. Imported again, the units are updated, not duplicated.
   */
  private String pupilOfAnotherCounty() {
    var org = EngineRest.as(anonymous, "admin").upload("/api/admin/org", "威信县组织机构.csv",
        "类型,代码,名称,上级代码\n县,530629,威信县,\n乡镇,530629101,扎西镇,530629\n村,530629101201,扎西村,530629101\n"
            + "学校," + OTHER_COUNTY_SCHOOL + ",扎西小学,530629101201\n");
    assertThat(org.getStatusCode()).as("%s", org.getBody()).isEqualTo(HttpStatus.OK);
    return Rosters.registerPupil(anonymous, "admin", OTHER_COUNTY_SCHOOL, "530629101201");
  }

  /** The answer to a unit asking about a pupil it does not hold, whoever holds the number. */
  private static String nobodyHere(String idNumber) {
    return "您管辖范围内没有身份证号为 " + IdNumber.mask(idNumber) + " 的在册学生";
  }

  /** The pupil's rows in the autumn term's 异动花名册 as exported: from school → to school. */
  private List<String> changedSchools(String user, String pupil) throws Exception {
    byte[] xlsx = anonymous.withBasicAuth(user, "demo")
        .getForEntity("/students/changes.xlsx?term={term}", byte[].class, AUTUMN_2026).getBody();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(1)).isEqualTo("异动类型");
      return rows.stream()
          .filter(row -> row.getCellText(3).equals(pupil.substring(0, 6) + "********" + pupil.substring(14)))
          .map(row -> row.getCellText(6) + "→" + row.getCellText(7))
          .toList();
    }
  }

  private long registered(String user, String school) {
    Map<String, Object> summary = EngineRest.as(anonymous, user).get("/api/reports/summary?scope=" + school).getBody();
    return ((Number) new HashMap<>(summary).get("students")).longValue();
  }

  /** The refusal's problems by field key (ProblemDetail property {@code errors}), joined per field. */
  @SuppressWarnings("unchecked")
  static Map<String, String> fields(Map<String, Object> body) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (Map<String, Object> error : (List<Map<String, Object>>) body.get("errors")) {
      fields.merge(String.valueOf(error.get("field")), String.valueOf(error.get("message")), (a, b) -> a + "；" + b);
    }
    return fields;
  }
}
