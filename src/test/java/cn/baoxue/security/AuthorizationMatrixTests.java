package cn.baoxue.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.PersonalDataPolicy;
import cn.baoxue.recheck.QuarterlyRechecks;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.ClosureEvidence;
import cn.baoxue.testing.Caller.Reply;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.Rosters;
import cn.baoxue.testing.TestStudents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.json.JacksonJsonParser;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 权限矩阵: every role of docs/architecture.md, and anonymous, against every door into Baoxue — its pages, its
 * /api, Camunda's /engine-rest and the Camunda webapps' API. Each cell is one dynamic test: either
 * the role is let in and sees only its own jurisdiction, or it is refused (401, 403, or 404 where
 * Baoxue hides whether a case exists) and nothing has changed. The outcome of every cell is
 * written to docs/security-matrix.md, the table that docs/security.md quotes.
 *
 * <p>Three cases stand in the demo county: A at 长安村小学 waiting for its school to verify, A2 of the
 * same school already at 尖山乡's 包保 step, and B at 南台小学 (南台镇) waiting for its school.
 */
@BaoxueWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

  static final Path TABLE = Path.of("docs", "security-matrix.md");

  /** The roles (docs/architecture.md) as demo users, and anonymous. */
  enum Role {
    TEACHER_A("teacher-changan", "长安村小学教师"),
    PRINCIPAL_A("principal-changan", "长安村小学校长"),
    TEACHER_B("teacher-nantai", "南台小学教师"),
    CADRE_A("cadre-changan", "长安村村干部"),
    OFFICIAL_A("official-jianshan", "尖山乡干部"),
    OFFICIAL_B("official-nantai", "南台镇干部"),
    BUREAU("bureau-zhenxiong", "县教育局"),
    WOMENFED("womenfed-zhenxiong", "县妇联"),
    AUDITOR("auditor", "督导审计"),
    NEIGHBOUR_COUNTY("bureau-yiliang", "邻县（彝良县）教育局"),
    PREFECTURE("bureau-zhaotong", "市教育局"),
    PREFECTURE_AUDITOR("auditor-zhaotong", "市督导审计"),
    PROVINCE("bureau-yunnan", "省教育厅"),
    ADMIN("admin", "系统管理员"),
    /** 联控联保: 镇雄县公安局 answers the referrals sent to it, and sees no case of its county. */
    DEPARTMENT("police-zhenxiong", "县公安局（联控联保部门）"),
    ANONYMOUS(null, "匿名");

    final String user;
    final String label;

    Role(String user, String label) {
      this.user = user;
      this.label = label;
    }
  }

  static final Set<Role> LOGGED_IN = EnumSet.complementOf(EnumSet.of(Role.ANONYMOUS));
  /** Whose jurisdiction covers case A (长安村小学, 长安村, 尖山乡, 镇雄县). */
  static final Set<Role> COVER_A = EnumSet.of(Role.TEACHER_A, Role.PRINCIPAL_A, Role.CADRE_A, Role.OFFICIAL_A, Role.BUREAU,
      Role.WOMENFED, Role.AUDITOR, Role.PREFECTURE, Role.PREFECTURE_AUDITOR, Role.PROVINCE, Role.ADMIN);
  /** Whose jurisdiction covers case B (南台小学, 南台村, 南台镇, 镇雄县). */
  static final Set<Role> COVER_B = EnumSet.of(Role.TEACHER_B, Role.OFFICIAL_B, Role.BUREAU, Role.WOMENFED, Role.AUDITOR,
      Role.PREFECTURE, Role.PREFECTURE_AUDITOR, Role.PROVINCE, Role.ADMIN);
  /** Above the county: the prefecture's and the province's bureaus and the prefecture's auditors read its cases. */
  /** Who reads 尖山乡's 四查三比对 run: whose jurisdiction covers its area. */
  static final Set<Role> RUN_READERS = EnumSet.of(Role.OFFICIAL_A, Role.BUREAU, Role.WOMENFED, Role.AUDITOR, Role.PREFECTURE,
      Role.PREFECTURE_AUDITOR, Role.PROVINCE, Role.ADMIN);
  /** Who reads everything in the engine: auditors read, administrators may do all. */
  static final Set<Role> ENGINE_READERS = EnumSet.of(Role.AUDITOR, Role.ADMIN);
  static final Set<Role> SEES_TASK_A = EnumSet.of(Role.TEACHER_A, Role.PRINCIPAL_A, Role.AUDITOR, Role.ADMIN);
  static final Set<Role> WORKS_TASK_A = EnumSet.of(Role.TEACHER_A, Role.PRINCIPAL_A, Role.ADMIN);
  static final Set<Role> SEES_TASK_A2 = EnumSet.of(Role.OFFICIAL_A, Role.AUDITOR, Role.ADMIN);
  static final Set<Role> SEES_TASK_B = EnumSet.of(Role.TEACHER_B, Role.AUDITOR, Role.ADMIN);
  static final Set<Role> ADMIN_ONLY = EnumSet.of(Role.ADMIN);
  static final Set<Role> AUDIT_READERS = EnumSet.of(Role.AUDITOR, Role.PREFECTURE_AUDITOR, Role.ADMIN);
  /** Who reads the county's possible duplicate children (一人一档); the bureau alone merges them. */
  static final Set<Role> COUNTY_DESK = EnumSet.of(Role.BUREAU, Role.NEIGHBOUR_COUNTY, Role.AUDITOR, Role.ADMIN);

  @Autowired TestRestTemplate anonymousTemplate;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired QuarterlyRechecks rechecks;
  @LocalServerPort int port;

  final Map<Role, Caller> scripts = new EnumMap<>(Role.class);
  final Map<Role, Caller> browsers = new EnumMap<>(Role.class);
  final Map<String, Map<Role, String>> table = new LinkedHashMap<>();
  final List<Row> rows = new ArrayList<>();

  Fixture a;
  Fixture a2;
  /** 尖山乡's referral of case A2 to 镇雄县公安局 (联控联保), open. */
  long referralOfA2;
  Fixture b;
  String definitionId;
  String deploymentId;
  String nantaiImportId;
  long jianshanRunId;
  /** 尖山乡's 结对关爱: an orphan of 长安村 paired with 长安村小学's teacher. */
  long carePairing;
  static final String CARE_PERSON = "矩阵结对甲";
  // --- at-risk register (issue 20) ---
  static final String AT_RISK_PUPIL = "矩阵预警甲";
  /** Who reads 长安村小学's pending flag: its principal and the units and auditors above the school; not its teachers yet. */
  static final Set<Role> AT_RISK_READERS = EnumSet.of(Role.PRINCIPAL_A, Role.OFFICIAL_A, Role.BUREAU, Role.AUDITOR, Role.PREFECTURE,
      Role.PREFECTURE_AUDITOR, Role.PROVINCE, Role.ADMIN);
  long atRiskFlag;
  /**
   * Who reads it: its helper, and those whose jurisdiction covers 长安村 (the pairing names no school,
   * so 长安村小学's principal does not), the prefecture and province above it included.
   */
  static final Set<Role> CARE_READERS = EnumSet.of(Role.TEACHER_A, Role.CADRE_A, Role.OFFICIAL_A, Role.BUREAU, Role.WOMENFED,
      Role.AUDITOR, Role.PREFECTURE, Role.PREFECTURE_AUDITOR, Role.PROVINCE, Role.ADMIN);

  /** The 季度复核 rounds of 镇雄县 and 彝良县 for the fourth quarter of 2020. */
  long zhenxiongRecheck;
  long yiliangRecheck;
  /** Who reads a county's 季度复核: whose jurisdiction covers the county (its bureau and 妇联, those above it, auditors). */
  static final Set<Role> RECHECK_READERS_ZHENXIONG = EnumSet.of(Role.BUREAU, Role.WOMENFED, Role.AUDITOR, Role.PREFECTURE,
      Role.PREFECTURE_AUDITOR, Role.PROVINCE, Role.ADMIN);
  static final Set<Role> RECHECK_READERS_YILIANG = EnumSet.of(Role.NEIGHBOUR_COUNTY, Role.AUDITOR, Role.PREFECTURE,
      Role.PREFECTURE_AUDITOR, Role.PROVINCE, Role.ADMIN);
  /** 尖山乡's disabled child of 长安村小学 (残疾儿童安置), waiting for 镇雄县's expert committee. */
  long placementChild;
  static final String PLACEMENT_PERSON = "矩阵安置甲";
  /** A second child of 长安村小学, placed at home (送教上门) with 长安村小学's teacher. */
  long homeDeliveredChild;
  /** Who reads her: whose jurisdiction covers 长安村小学 or 长安村; the committee (no column here) too. */
  static final Set<Role> PLACEMENT_READERS = COVER_A;

  /** One case as the doors name it. */
  record Fixture(String processInstanceId, String caseNumber, String taskId, String idNumber) {

    /** How the engine holds the child's number, for everyone (PersonalDataMaskingTests). */
    String maskedIdNumber() {
      return PersonalDataPolicy.maskIdNumber(idNumber);
    }
  }

  /** One door: a request, and what each role must get from it. */
  record Row(String door, String request, String what, Function<Role, String> cell) {}

  @BeforeAll
  void standUpCasesAndCallers() {
    a = report("teacher-changan", TestStudents.changanGirl());
    a2 = report("teacher-changan", TestStudents.changanGirl());
    EngineRest changan = EngineRest.as(anonymousTemplate, "teacher-changan");
    assertThat(changan.complete(a2.taskId(), Map.of("verifyResult", "CONFIRMED", "verifyNotes", "连续两周未到校，已电话核实"))
        .getStatusCode().value()).isEqualTo(204);
    a2 = new Fixture(a2.processInstanceId(), a2.caseNumber(), taskOf(a2.processInstanceId()), a2.idNumber());
    b = report("teacher-nantai", nantaiBoy());
    definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(a.processInstanceId()).singleResult()
        .getProcessDefinitionId();
    deploymentId = repositoryService.getProcessDefinition(definitionId).getDeploymentId();
    Reply badRoster = Caller.basic(port, "teacher-nantai").upload("/api/imports/roster", "file", "roster.csv",
        "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\n刘小虎,123,男,2015-01-01,5306270002,4,530627104201,刘大山,13800000002,在校,,\n"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(badRoster.status()).as("%s", badRoster).isEqualTo(400);
    nantaiImportId = new JacksonJsonParser().parseMap(badRoster.body()).get("importId").toString();
    // 尖山乡's 四查三比对: one child of 长安村 enrolled in another county (a finding that opens no case).
    Reply jianshanRun = Caller.basic(port, "official-jianshan").postMultipart("/api/reconciliations", registries(OUTSIDE_CHILD));
    assertThat(jianshanRun.status()).as("%s", jianshanRun).isEqualTo(200);
    jianshanRunId = Long.parseLong(new JacksonJsonParser().parseMap(jianshanRun.body()).get("runId").toString());
    Reply pairing = Caller.basic(port, "official-jianshan").postJson("/api/care/pairings", "{\"kind\":\"ORPHAN\",\"idNumber\":\""
        + TestStudents.idNumber(LocalDate.now().minusYears(7).minusDays(11), false) + "\",\"name\":\"" + CARE_PERSON
        + "\",\"helper\":\"teacher-changan\",\"villageCode\":\"" + TestStudents.CHANGAN_VILLAGE + "\"}");
    assertThat(pairing.status()).as("%s", pairing).isEqualTo(201);
    carePairing = Long.parseLong(new JacksonJsonParser().parseMap(pairing.body()).get("id").toString());
    Reply disabled = Caller.basic(port, "official-jianshan").postJson("/api/placement/children", "{\"idNumber\":\""
        + TestStudents.idNumber(LocalDate.now().minusYears(8).minusDays(13), false) + "\",\"name\":\"" + PLACEMENT_PERSON
        + "\",\"category\":\"HEARING\",\"level\":\"LEVEL_1\",\"villageCode\":\"" + TestStudents.CHANGAN_VILLAGE
        + "\",\"schoolCode\":\"" + TestStudents.CHANGAN_SCHOOL + "\"}");
    assertThat(disabled.status()).as("%s", disabled).isEqualTo(201);
    placementChild = Long.parseLong(new JacksonJsonParser().parseMap(disabled.body()).get("id").toString());
    Reply atHome = Caller.basic(port, "official-jianshan").postJson("/api/placement/children", "{\"idNumber\":\""
        + TestStudents.idNumber(LocalDate.now().minusYears(8).minusDays(15), true) + "\",\"name\":\"矩阵送教乙\","
        + "\"category\":\"PHYSICAL\",\"level\":\"LEVEL_1\",\"villageCode\":\"" + TestStudents.CHANGAN_VILLAGE
        + "\",\"schoolCode\":\"" + TestStudents.CHANGAN_SCHOOL + "\"}");
    assertThat(atHome.status()).as("%s", atHome).isEqualTo(201);
    homeDeliveredChild = Long.parseLong(new JacksonJsonParser().parseMap(atHome.body()).get("id").toString());
    Reply placedAtHome = Caller.basic(port, "experts-zhenxiong").postJson("/api/placement/children/" + homeDeliveredChild + "/assessment",
        "{\"placement\":\"HOME_DELIVERED\",\"deliveryTeachers\":[\"teacher-changan\"]}");
    assertThat(placedAtHome.status()).as("%s", placedAtHome).isEqualTo(200);
    Reply referral = Caller.basic(port, "official-jianshan").postJson("/api/cases/" + a2.caseNumber() + "/referrals",
        "{\"type\":\"LOCATE_CHILD\",\"department\":\"PUBLIC_SECURITY\",\"request\":\"请协助查找下落\"}");
    assertThat(referral.status()).as("%s", referral).isEqualTo(201);
    referralOfA2 = Long.parseLong(new JacksonJsonParser().parseMap(referral.body()).get("id").toString());
    rechecks.openAll(LocalDate.of(2021, 1, 4));
    zhenxiongRecheck = jdbc.queryForObject("select id from recheck_round where county_code = '530627' and quarter = '2020Q4'", Long.class);
    yiliangRecheck = jdbc.queryForObject("select id from recheck_round where county_code = '530628' and quarter = '2020Q4'", Long.class);
    atRiskFlag = atRiskFlagOfChangan();
    for (Role role : Role.values()) {
      scripts.put(role, role.user == null ? Caller.anonymous(port) : Caller.basic(port, role.user));
      browsers.put(role, role.user == null ? Caller.anonymous(port) : Caller.loggedIn(port, role.user));
    }
    defineProjectPages();
    defineProjectApi();
    defineUnitReportDoors();
    defineEngineRest();
    defineWebapps();
    defineAllowlist();
  }

  @TestFactory
  Stream<DynamicContainer> everyRoleAgainstEveryDoor() {
    return rows.stream().map(row -> DynamicContainer.dynamicContainer(row.request(),
        Stream.of(Role.values()).map(role -> DynamicTest.dynamicTest(role.label, () -> {
          table.computeIfAbsent(key(row), k -> new EnumMap<>(Role.class)).put(role, "❌");
          String outcome = row.cell().apply(role);
          table.get(key(row)).put(role, outcome);
        }))));
  }

  @AfterAll
  void writeTheTable() throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# 权限矩阵（由 AuthorizationMatrixTests 生成，请勿手改）\n\n");
    md.append("每一格是一次真实请求（角色 × 入口），测试断言了它的结果：\n\n")
        .append("- ✅ 允许；✅ 本辖区 = 允许，但只看到属于自己的记录（本辖区的案件、本组的任务、本人的账号）；")
        .append("✅ 400 校验 / ✅ 400 模型无效 = 通过了权限检查，被输入校验拒绝，什么也没改；\n")
        .append("- ○ 空 = 允许查询，但一条不属于自己的记录也看不到；\n")
        .append("- 🚫 = 拒绝，且数据未被改动：401 未登录，403 无权，404 不在管辖范围内（不暴露案件是否存在），")
        .append("400 业务规则拒绝（如为外校学生上报），🚫 提示无权 = 表单回到案件页并显示中文原因；\n")
        .append("- ↪ 登录 = 页面跳转到登录页；\n")
        .append("- 🔒 ✅ = 允许，为不破坏演示数据只用引擎的授权服务核对、不真正执行。\n\n");
    md.append("测试数据：案件 A（长安村小学，待学校核实）、A2（长安村小学，已核实、待尖山乡包保）、B（南台小学，待学校核实）。")
        .append("命令：`mvn -B test -Dtest=AuthorizationMatrixTests`。\n\n");
    String door = null;
    for (Row row : rows) {
      if (!row.door().equals(door)) {
        door = row.door();
        md.append("\n## ").append(door).append("\n\n| 入口 | 说明 |");
        for (Role role : Role.values()) {
          md.append(' ').append(role.label).append(" |");
        }
        md.append("\n|---|---|").append("---|".repeat(Role.values().length)).append('\n');
      }
      md.append("| `").append(row.request()).append("` | ").append(row.what()).append(" |");
      Map<Role, String> cells = table.getOrDefault(key(row), Map.of());
      for (Role role : Role.values()) {
        md.append(' ').append(cells.getOrDefault(role, "—")).append(" |");
      }
      md.append('\n');
    }
    Files.createDirectories(TABLE.getParent());
    Files.writeString(TABLE, md.toString(), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- Baoxue's pages (login session)

  private void defineProjectPages() {
    String door = "保学页面（登录会话）";
    row(door, "GET /", "首页", role -> page(role, browsers.get(role).get("/"), LOGGED_IN));
    row(door, "GET /cases", "案件列表", role -> pageList(role, browsers.get(role).get("/cases"), a, b));
    row(door, "GET /cases/{A}", "猜测案件编号打开长安的案件", role -> caseRead(role, browsers.get(role).get("/cases/" + a.caseNumber()), a, COVER_A));
    row(door, "GET /cases/{B}", "猜测案件编号打开南台的案件", role -> caseRead(role, browsers.get(role).get("/cases/" + b.caseNumber()), b, COVER_B));
    row(door, "GET /cases/{A}/timeline", "案件办理记录（历史）", role -> caseRead(role, browsers.get(role).get("/cases/" + a.caseNumber() + "/timeline"), a, COVER_A));
    row(door, "GET /ledgers/suspected", "疑似辍学台账", role -> pageList(role, browsers.get(role).get("/ledgers/suspected"), a, b));
    row(door, "GET /audit/cases", "案件检索", role -> pageList(role, browsers.get(role).get("/audit/cases"), a, b));
    row(door, "GET /reports/dashboard", "统计看板（联控联保部门无统计）", role -> role == Role.DEPARTMENT
        ? refused(role, browsers.get(role).get("/reports/dashboard"))
        : page(role, browsers.get(role).get("/reports/dashboard"), LOGGED_IN));
    row(door, "GET /students/changes", "学籍异动花名册", role -> page(role, browsers.get(role).get("/students/changes"), LOGGED_IN));
    row(door, "POST /cases/{A}/contacts", "案件页的帮扶记录表单", this::contactForm);
    row(door, "GET /referrals", "联控联保转介（只列发给本部门的）", role -> role == Role.ANONYMOUS ? toLogin(browsers.get(role).get("/referrals"))
        : list(role, browsers.get(role).get("/referrals"), Map.of("/referrals/" + referralOfA2 + "\"", EnumSet.of(Role.DEPARTMENT))));
    row(door, "GET /referrals/{A2 的转介}", "转介页（部门的受理表单）", role -> {
      Reply reply = browsers.get(role).get("/referrals/" + referralOfA2);
      if (role == Role.ANONYMOUS) {
        return toLogin(reply);
      }
      if (role == Role.DEPARTMENT) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.body()).contains("answer-form", a2.idNumber());
        return "✅ 含受理表单";
      }
      assertThat(reply.body()).doesNotContain("answer-form").doesNotContain(a2.idNumber());
      if (COVER_A.contains(role)) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return "✅ 转介记录";
      }
      return refused(role, reply);
    });
    row(door, "GET /notifications", "我的通知（铃铛）", role -> role == Role.ANONYMOUS ? toLogin(browsers.get(role).get("/notifications"))
        : notificationsRead(browsers.get(role).get("/notifications"), role));
    row(door, "GET /admin/notifications", "通知发送情况（系统管理员）", role -> role == Role.ANONYMOUS
        ? toLogin(browsers.get(role).get("/admin/notifications")) : allowedOrRefused(role, browsers.get(role).get("/admin/notifications"), ADMIN_ONLY));
    row(door, "POST /admin/notifications/{失败的短信}/resend", "重新发送失败的通知", this::resendDelivery);
    row(door, "GET /children/duplicates", "疑似重复的儿童记录（县教育局、督导审计）", role -> role == Role.ANONYMOUS
        ? toLogin(browsers.get(role).get("/children/duplicates"))
        : allowedOrRefused(role, browsers.get(role).get("/children/duplicates"), COUNTY_DESK));
    row(door, "GET /care", "结对关爱（本辖区的和本人结对的）", role -> role == Role.ANONYMOUS ? toLogin(browsers.get(role).get("/care"))
        : list(role, browsers.get(role).get("/care"), Map.of(CARE_PERSON, CARE_READERS)));
    row(door, "GET /care/{尖山乡的结对}", "猜测编号打开尖山乡的结对关爱", role -> careRead(role, browsers.get(role).get("/care/" + carePairing)));
    row(door, "GET /rechecks", "季度复核（只列本辖区各县的）", role -> role == Role.ANONYMOUS ? toLogin(browsers.get(role).get("/rechecks"))
        : list(role, browsers.get(role).get("/rechecks"), Map.of("/rechecks/" + zhenxiongRecheck + "\"", RECHECK_READERS_ZHENXIONG,
            "/rechecks/" + yiliangRecheck + "\"", RECHECK_READERS_YILIANG)));
    row(door, "GET /rechecks/{镇雄县的复核}", "猜测编号打开镇雄县的季度复核",
        role -> recheckRead(role, browsers.get(role).get("/rechecks/" + zhenxiongRecheck)));
    row(door, "GET /placement", "残疾儿童安置（本辖区的和本人送教的）", role -> role == Role.ANONYMOUS ? toLogin(browsers.get(role).get("/placement"))
        : list(role, browsers.get(role).get("/placement"), Map.of(PLACEMENT_PERSON, PLACEMENT_READERS)));
    row(door, "GET /placement/{尖山乡登记的儿童}", "猜测编号打开尖山乡登记的残疾儿童",
        role -> placementRead(role, browsers.get(role).get("/placement/" + placementChild)));
    row(door, "GET /reconciliations", "四查三比对（比对记录只列本辖区的）", role -> {
      Reply reply = browsers.get(role).get("/reconciliations");
      if (role != Role.ANONYMOUS && !RUN_READERS.contains(role)) {
        assertThat(reply.body()).doesNotContain("/reconciliations/" + jianshanRunId + "\"");
      }
      return page(role, reply, LOGGED_IN);
    });
  }

  // ---------------------------------------------------------------- Baoxue's /api (HTTP Basic)

  private void defineProjectApi() {
    String door = "保学 API（HTTP Basic）";
    row(door, "GET /api/cases", "案件列表", role -> list(role, scripts.get(role).get("/api/cases"),
        Map.of(a.caseNumber(), COVER_A, b.caseNumber(), COVER_B)));
    row(door, "GET /api/cases/{A}", "猜测案件编号读取长安的案件", role -> caseRead(role, scripts.get(role).get("/api/cases/" + a.caseNumber()), a, COVER_A));
    row(door, "GET /api/cases/{B}", "猜测案件编号读取南台的案件", role -> caseRead(role, scripts.get(role).get("/api/cases/" + b.caseNumber()), b, COVER_B));
    row(door, "GET /api/audit/cases/{B}/timeline", "南台案件的办理记录", role -> caseRead(role, scripts.get(role).get("/api/audit/cases/" + b.caseNumber() + "/timeline"), b, COVER_B));
    row(door, "GET /api/audit/cases", "案件检索", role -> list(role, scripts.get(role).get("/api/audit/cases"),
        Map.of(a.caseNumber(), COVER_A, b.caseNumber(), COVER_B)));
    row(door, "GET /api/audit/operations?user=…", "某人的全部操作", role -> allowedOrRefused(role, scripts.get(role).get("/api/audit/operations?user=teacher-changan"), AUDIT_READERS));
    row(door, "GET /api/audit/verify", "校验审计链", role -> allowedOrRefused(role, scripts.get(role).get("/api/audit/verify"), AUDIT_READERS));
    row(door, "GET /api/audit/access?user=…", "个人信息查阅记录", role -> allowedOrRefused(role, scripts.get(role).get("/api/audit/access?user=teacher-changan"), AUDIT_READERS));
    row(door, "GET /api/reports/summary?scope=南台镇", "南台镇的统计", role -> allowedOrRefused(role,
        scripts.get(role).get("/api/reports/summary?scope=530627104"), EnumSet.of(Role.OFFICIAL_B, Role.BUREAU, Role.WOMENFED, Role.AUDITOR, Role.PREFECTURE, Role.PREFECTURE_AUDITOR,
            Role.PROVINCE, Role.ADMIN)));
    row(door, "GET /api/imports/{南台的导入}/report", "猜测编号下载他人的导入问题报告", role -> {
      Reply reply = scripts.get(role).get("/api/imports/" + nantaiImportId + "/report");
      if (EnumSet.of(Role.TEACHER_B, Role.ADMIN).contains(role)) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.body()).contains("刘小虎");
        return "✅";
      }
      assertThat(reply.body()).doesNotContain("刘小虎");
      return refused(role, reply);
    });
    row(door, "GET /api/cases/{A}/contacts", "帮扶记录", role -> contactsRead(role));
    row(door, "POST /api/cases/{A}/contacts", "登记帮扶记录", this::contactApi);
    Reply evidenceOfA = Caller.basic(port, "teacher-changan").upload("/api/cases/" + a.caseNumber() + "/evidence?step=case",
        "file", "a.jpg", ClosureEvidence.photo());
    assertThat(evidenceOfA.status()).as("%s", evidenceOfA).isEqualTo(201);
    String evidenceContent = "/api/cases/" + a.caseNumber() + "/evidence/"
        + new JacksonJsonParser().parseMap(evidenceOfA.body()).get("id") + "/content";
    row(door, "GET /api/cases/{A}/evidence", "长安案件的佐证材料", role -> caseRead(role, scripts.get(role).get("/api/cases/" + a.caseNumber() + "/evidence"), a, COVER_A));
    row(door, "GET /api/cases/{B}/evidence", "南台案件的佐证材料", role -> caseRead(role, scripts.get(role).get("/api/cases/" + b.caseNumber() + "/evidence"), b, COVER_B));
    row(door, "GET /api/cases/{A}/evidence/{id}/content", "查看长安案件的一份佐证材料", role -> caseRead(role, scripts.get(role).get(evidenceContent), a, COVER_A));
    row(door, "POST /api/cases/{A}/evidence", "为长安案件上传佐证材料", this::evidenceUpload);
    row(door, "POST /api/imports/roster", "导入长安村小学花名册", this::rosterImport);
    row(door, "POST /api/reconciliations", "四查三比对（本辖区的户籍、学籍文件）", this::reconcile);
    row(door, "GET /api/reconciliations/{尖山乡的比对}", "猜测编号读取尖山乡的比对结果", role -> {
      Reply reply = scripts.get(role).get("/api/reconciliations/" + jianshanRunId);
      // Those who see every case of the county see its runs (the women's federation and the auditor with numbers masked).
      if (RUN_READERS.contains(role)) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.body()).contains(OUTSIDE_CHILD_NAME);
        return "✅";
      }
      assertThat(reply.body()).doesNotContain(OUTSIDE_CHILD_NAME);
      return refused(role, reply);
    });
    row(door, "POST /api/students/{id}/changes", "长安学生转学到南台小学", this::transfer);
    row(door, "POST /api/students/transfers", "申请把长安学生转入南台小学", this::askTransfer);
    row(door, "POST /api/students/transfers/{id}/consent", "同意南台小学转入长安学生的申请", this::consentTransfer);
    row(door, "GET /api/children/duplicates", "本县疑似重复的儿童记录", role -> allowedOrRefused(role,
        scripts.get(role).get("/api/children/duplicates"), COUNTY_DESK));
    row(door, "POST /api/children/merges", "合并同一儿童的两条记录", this::mergeChildren);
    row(door, "POST /api/cases/{摸排无身份证号}/id-number", "为尖山乡摸排的无身份证号儿童登记身份证号", this::recordIdNumber);
    row(door, "GET /api/me/notifications", "我的通知（只有本人和本单位的）", role -> role == Role.ANONYMOUS
        ? refused(role, scripts.get(role).get("/api/me/notifications")) : notificationsRead(scripts.get(role).get("/api/me/notifications"), role));
    row(door, "POST /api/me/notifications/{A 的通知}/read", "把长安村小学的通知标为已读", this::markNotificationRead);
    row(door, "GET /api/care/pairings", "结对关爱列表", role -> list(role, scripts.get(role).get("/api/care/pairings"),
        Map.of(CARE_PERSON, CARE_READERS)));
    row(door, "GET /api/care/pairings/{尖山乡的结对}", "猜测编号读取尖山乡的结对关爱",
        role -> careRead(role, scripts.get(role).get("/api/care/pairings/" + carePairing)));
    row(door, "POST /api/care/pairings", "建立结对关爱（带未声明字段）", this::createPairingWithUndeclaredField);
    row(door, "POST /api/care/pairings/{尖山乡的结对}/contacts", "登记关爱记录（带未声明字段）", this::careContactWithUndeclaredField);
    row(door, "GET /api/rechecks", "季度复核列表（只列本辖区各县的）", role -> list(role, scripts.get(role).get("/api/rechecks"),
        Map.of("\"id\":" + zhenxiongRecheck + ",", RECHECK_READERS_ZHENXIONG, "\"id\":" + yiliangRecheck + ",", RECHECK_READERS_YILIANG)));
    row(door, "GET /api/rechecks/{镇雄县的复核}", "猜测编号读取镇雄县的季度复核",
        role -> recheckRead(role, scripts.get(role).get("/api/rechecks/" + zhenxiongRecheck)));
    row(door, "GET /api/at-risk/flags", "辍学风险台账（待确认的只给校长和上级）", role -> list(role, scripts.get(role).get("/api/at-risk/flags"),
        Map.of(AT_RISK_PUPIL, AT_RISK_READERS)));
    row(door, "GET /api/at-risk/flags/{长安村小学待确认的预警}", "猜测编号读取长安村小学待确认的风险预警", this::atRiskRead);
    row(door, "POST /api/at-risk/flags/{长安村小学的预警}/confirm", "确认风险预警（带未声明字段）", role -> atRiskDecide(role, "confirm"));
    row(door, "POST /api/at-risk/flags/{长安村小学的预警}/dismiss", "排除风险预警（带未声明字段）", role -> atRiskDecide(role, "dismiss"));
    row(door, "POST /api/at-risk/observations", "登记教师观察（带未声明字段）", this::atRiskObserveWithUndeclaredField);
    row(door, "GET /api/placement/children", "残疾儿童安置列表", role -> list(role, scripts.get(role).get("/api/placement/children"),
        Map.of(PLACEMENT_PERSON, PLACEMENT_READERS)));
    row(door, "GET /api/placement/children/{尖山乡登记的儿童}", "猜测编号读取尖山乡登记的残疾儿童",
        role -> placementRead(role, scripts.get(role).get("/api/placement/children/" + placementChild)));
    row(door, "POST /api/placement/children", "登记残疾儿童（带未声明字段）", this::registerDisabledChildWithUndeclaredField);
    row(door, "POST /api/placement/children/{尖山乡登记的儿童}/assessment", "评估安置（只有县残疾人教育专家委员会）", this::assessPlacement);
    row(door, "GET /api/placement/children/{送教上门的儿童}/visits", "送教记录", role -> allowedOrRefused(role,
        scripts.get(role).get("/api/placement/children/" + homeDeliveredChild + "/visits"), PLACEMENT_READERS));
    row(door, "POST /api/placement/children/{送教上门的儿童}/visits", "登记送教（带未声明字段；只有她的送教教师）", this::visitWithUndeclaredField);
    row(door, "GET /api/staff/{长安村小学教师}/handover?successor={校长}", "预览长安村小学教师的工作交接", this::previewHandover);
    row(door, "POST /api/staff/{长安村小学教师}/handover", "工作交接（带未声明字段）", this::handOverWithUndeclaredField);
    row(door, "POST /api/cases/{A}/referrals", "为长安的案件发出联控联保转介（带未声明字段）", this::sendReferralWithUndeclaredField);
    row(door, "GET /api/cases/{A2}/referrals", "长安案件 A2 的联控联保转介及部门答复", role -> caseRead(role,
        scripts.get(role).get("/api/cases/" + a2.caseNumber() + "/referrals"), a2, COVER_A));
    row(door, "GET /api/referrals", "本部门收到的转介（只有发给本部门的）", role -> list(role, scripts.get(role).get("/api/referrals"),
        Map.of("\"id\":" + referralOfA2 + ",", EnumSet.of(Role.DEPARTMENT))));
    row(door, "GET /api/referrals/{A2 的转介}", "猜测编号读取转介（部门见儿童信息，案件辖区见记录）", this::readReferral);
    row(door, "POST /api/referrals/{A2 的转介}/answer", "答复转介（带未声明字段）", this::answerReferralWithUndeclaredField);
    row(door, "POST /api/cases/{A}/transfer", "把长安的案件移交彝良县（带未声明字段）", role -> countyBureauOnly(role, "/transfer",
        "{\"toCounty\":\"530628\",\"reason\":\"迁居\",\"toTownship\":\"530628100\"}", "跨县移交不接受字段“toTownship”"));
    row(door, "POST /api/cases/{A}/assistance-letter", "为长安的案件签发协查函（带未声明字段）", role -> countyBureauOnly(role,
        "/assistance-letter", "{\"toAuthority\":\"某市教育局\",\"toPlace\":\"某市\",\"reason\":\"协查\",\"studentIdNumber\":\"x\"}",
        "协查函不接受字段“studentIdNumber”"));
    row(door, "GET /api/cases/{A}/transfers", "长安的案件的跨县移交与协查函", role -> allowedOrRefused(role,
        scripts.get(role).get("/api/cases/" + a.caseNumber() + "/transfers"), COVER_A));
  }

  /** Past the permission check only for the case's township and county bureau; then the undeclared field is refused. */
  private String sendReferralWithUndeclaredField(Role role) {
    long before = jdbc.queryForObject("select count(*) from referral", Long.class);
    Reply reply = scripts.get(role).send("POST", "/api/cases/" + a.caseNumber() + "/referrals",
        "{\"type\":\"LOCATE_CHILD\",\"department\":\"PUBLIC_SECURITY\",\"request\":\"请协助\",\"departmentGroup\":\"dept_53062801\"}");
    assertThat(jdbc.queryForObject("select count(*) from referral", Long.class)).as("nothing sent by %s", reply).isEqualTo(before);
    if (EnumSet.of(Role.OFFICIAL_A, Role.BUREAU).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains("联控联保转介不接受字段“departmentGroup”");
      return "✅ 400 校验";
    }
    assertThat(reply.body()).as("%s", reply).doesNotContain("不接受字段");
    return refused(role, reply);
  }

  /** The department reads the child's facts while its referral is open; the case's jurisdiction reads the record; no one else anything. */
  private String readReferral(Role role) {
    Reply reply = scripts.get(role).get("/api/referrals/" + referralOfA2);
    if (role == Role.DEPARTMENT) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.body()).contains(a2.idNumber(), "\"idNumberInFull\":true");
      return "✅ 含儿童信息";
    }
    if (COVER_A.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.body()).contains("\"child\":null").doesNotContain(a2.idNumber());
      return "✅ 转介记录";
    }
    assertThat(reply.body()).doesNotContain(a2.idNumber()).doesNotContain("请协助查找下落");
    return refused(role, reply);
  }

  /** Past the permission check only for the department; then the undeclared field is refused and the referral stays unanswered. */
  private String answerReferralWithUndeclaredField(Role role) {
    Reply reply = scripts.get(role).send("POST", "/api/referrals/" + referralOfA2 + "/answer",
        "{\"decision\":\"ACCEPT\",\"status\":\"CLOSED\"}");
    assertThat(jdbc.queryForObject("select status from referral where id = ?", String.class, referralOfA2))
        .as("nothing changed after %s", reply).isEqualTo("SENT");
    if (role == Role.DEPARTMENT) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains("转介答复不接受字段“status”");
      return "✅ 400 校验";
    }
    assertThat(reply.body()).as("%s", reply).doesNotContain("不接受字段");
    return refused(role, reply);
  }

  /**
   * 跨县移交 and 协查函: past the permission check only for the bureau of the case's county (not its
   * townships, schools, auditors, administrators); then the undeclared field is refused. Nothing is recorded.
   */
  private String countyBureauOnly(Role role, String door, String body, String refusal) {
    Reply reply = scripts.get(role).send("POST", "/api/cases/" + a.caseNumber() + door, body);
    assertThat(jdbc.queryForObject("select count(*) from county_transfer t join dropout_case c on c.id = t.case_id"
        + " where c.case_number = ?", Long.class, a.caseNumber())).as("nothing recorded after %s", reply).isZero();
    if (role == Role.BUREAU) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains(refusal);
      return "✅ 400 校验";
    }
    assertThat(reply.body()).as("%s", reply).doesNotContain("不接受字段");
    return refused(role, reply);
  }

  // ---------------------------------------------------------------- 四个一 report doors (reporting)

  @Autowired cn.baoxue.reporting.UnitReports unitReports;
  /** 长安村小学's September 2025 report, submitted by its principal; its October one, still open. */
  long changanReport;
  String changanOpenTask;

  @BeforeAll
  void standUpUnitReports() {
    unitReports.open(cn.baoxue.reporting.ReportLevel.SCHOOL, java.time.YearMonth.of(2025, 9));
    unitReports.open(cn.baoxue.reporting.ReportLevel.TOWNSHIP, java.time.YearMonth.of(2025, 9));
    unitReports.open(cn.baoxue.reporting.ReportLevel.SCHOOL, java.time.YearMonth.of(2025, 10));
    var september = unitReports.find(TestStudents.CHANGAN_SCHOOL, "2025-09").orElseThrow();
    if (!september.isSubmitted()) {
      String task = taskService.createTaskQuery().processInstanceId(september.processInstanceId()).singleResult().getId();
      identityService.setAuthentication("principal-changan", List.of("school_" + TestStudents.CHANGAN_SCHOOL, "principals"));
      try {
        taskService.complete(task, Map.of("reportRemarks", "本月无新增辍学"));
      } finally {
        identityService.clearAuthentication();
      }
    }
    changanReport = september.id();
    changanOpenTask = taskService.createTaskQuery().processInstanceId(
        unitReports.find(TestStudents.CHANGAN_SCHOOL, "2025-10").orElseThrow().processInstanceId()).singleResult().getId();
  }

  private void defineUnitReportDoors() {
    String door = "保学 API（HTTP Basic）";
    row(door, "GET /api/unit-reports?unit={长安村小学}", "长安村小学的报表（四个一）", role -> allowedOrRefused(role,
        scripts.get(role).get("/api/unit-reports?unit=" + TestStudents.CHANGAN_SCHOOL), COVER_A));
    row(door, "GET /api/unit-reports/{长安的月报}", "猜测编号读取长安村小学的月报", role -> allowedOrRefused(role,
        scripts.get(role).get("/api/unit-reports/" + changanReport), COVER_A));
    row(door, "GET /api/unit-reports/{长安的月报}/official.pdf", "下载长安村小学月报的正式报表（下载留痕）", this::downloadUnitReport);
    row(door, "GET /api/unit-reports/{长安的月报}/consistency", "长安村小学月报的人账相符核对", role -> allowedOrRefused(role,
        scripts.get(role).get("/api/unit-reports/" + changanReport + "/consistency"), COVER_A));
    row(door, "GET /api/unit-reports?unit={长安村小学}&status=…", "报表列表（带未声明参数）", role -> {
      Reply reply = scripts.get(role).get("/api/unit-reports?unit=" + TestStudents.CHANGAN_SCHOOL + "&status=SUBMITTED");
      if (role == Role.ANONYMOUS) {
        return refused(role, reply);
      }
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains("不接受参数“status”");
      return "✅ 400 校验";
    });
    row(door, "POST /engine-rest/task/{长安的月报任务}/complete", "报送长安村小学的月报（带未声明变量 reportGroup）", this::completeReportWithUndeclaredVariable);
  }

  private String downloadUnitReport(Role role) {
    long before = jdbc.queryForObject("select count(*) from audit_trail where entry_kind = 'UNIT_REPORT_DOWNLOAD'", Long.class);
    Reply reply = scripts.get(role).get("/api/unit-reports/" + changanReport + "/official.pdf");
    long after = jdbc.queryForObject("select count(*) from audit_trail where entry_kind = 'UNIT_REPORT_DOWNLOAD'", Long.class);
    if (COVER_A.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.header("Content-Type")).startsWith("application/pdf");
      assertThat(after).isEqualTo(before + 1);
      return "✅ 留痕";
    }
    assertThat(after).as("no download recorded after %s", reply).isEqualTo(before);
    return refused(role, reply);
  }

  /** The report task's form is its contract: an undeclared variable is refused before anything is recorded. */
  private String completeReportWithUndeclaredVariable(Role role) {
    Reply reply = scripts.get(role).postJson("/engine-rest/task/" + changanOpenTask + "/complete",
        "{\"variables\":{\"zeroReport\":{\"value\":true},\"reportGroup\":{\"value\":\"school_5306270002\"}}}");
    assertThat(taskService.createTaskQuery().taskId(changanOpenTask).count()).as("task still open after %s", reply).isEqualTo(1);
    assertThat(unitReports.find(TestStudents.CHANGAN_SCHOOL, "2025-10").orElseThrow().isSubmitted()).isFalse();
    if (reply.status() == 400) {
      assertThat(role).isIn(Role.TEACHER_A, Role.PRINCIPAL_A, Role.ADMIN);
      assertThat(reply.body()).contains("不接受字段“reportGroup”");
      return "✅ 400 校验";
    }
    return refused(role, reply);
  }

  // ---------------------------------------------------------------- Camunda's /engine-rest (HTTP Basic)

  private void defineEngineRest() {
    String door = "Camunda REST API /engine-rest（HTTP Basic）";
    String instances = a.processInstanceId() + "," + a2.processInstanceId() + "," + b.processInstanceId();
    row(door, "GET /engine-rest/task?processInstanceIdIn=A,A2,B", "查询三个案件的任务", role -> list(role,
        scripts.get(role).get("/engine-rest/task?processInstanceIdIn=" + instances),
        Map.of(a.taskId(), SEES_TASK_A, a2.taskId(), SEES_TASK_A2, b.taskId(), SEES_TASK_B)));
    row(door, "GET /engine-rest/task?candidateGroup=school_{A}", "按长安村小学的候选组搜索任务", role -> list(role,
        scripts.get(role).get("/engine-rest/task?candidateGroup=school_" + TestStudents.CHANGAN_SCHOOL),
        Map.of(a.taskId(), SEES_TASK_A, b.taskId(), Set.of())));
    row(door, "GET /engine-rest/task?candidateGroup=school_{B}", "按南台小学的候选组搜索任务", role -> list(role,
        scripts.get(role).get("/engine-rest/task?candidateGroup=school_" + TestStudents.NANTAI_SCHOOL),
        Map.of(b.taskId(), SEES_TASK_B, a.taskId(), Set.of())));
    row(door, "GET /engine-rest/task/{A}", "猜测任务编号读取任务", role -> allowedOrRefused(role, scripts.get(role).get("/engine-rest/task/" + a.taskId()), SEES_TASK_A));
    row(door, "GET /engine-rest/task/{A}/variables", "读取任务可见的变量", role -> allowedOrRefused(role, scripts.get(role).get("/engine-rest/task/" + a.taskId() + "/variables"), ADMIN_ONLY));
    row(door, "GET /engine-rest/task/{A}/form-variables", "读取表单变量", role -> allowedOrRefused(role, scripts.get(role).get("/engine-rest/task/" + a.taskId() + "/form-variables"), SEES_TASK_A));
    row(door, "POST /engine-rest/task/{A}/claim", "认领任务", role -> claim(role, scripts.get(role), "/engine-rest"));
    row(door, "POST /engine-rest/task/{A}/claim（替他校教师）", "把任务认领给南台小学教师", this::claimForOutsider);
    row(door, "POST /engine-rest/task/{A}/complete", "办理任务（核实结论无效）", this::completeWithBadInput);
    row(door, "POST /engine-rest/task/{A}/complete（caseId=B）", "办理本校任务时把案件编号换成南台的案件", this::completeOnAnotherCase);
    row(door, "PUT /engine-rest/task/{A}/variables/schoolGroup", "改写流程的路由变量", this::rerouteThroughTaskVariable);
    row(door, "POST /engine-rest/task/{A}/identity-links", "把南台小学加为候选组", this::addCandidateGroup);
    row(door, "POST /engine-rest/task/{A}/assignee", "指派给南台小学教师", this::setAssignee);
    row(door, "GET /engine-rest/process-instance?processInstanceIds=A,A2,B", "查询流程实例", role -> listOnTheList(role, ADMIN_ONLY,
        scripts.get(role).get("/engine-rest/process-instance?processInstanceIds=" + instances.replace(",", "%2C")),
        Map.of(a.processInstanceId(), ENGINE_READERS, b.processInstanceId(), ENGINE_READERS)));
    row(door, "GET /engine-rest/process-instance/{B}", "猜测实例编号读取流程实例", role -> allowedOrRefused(role, scripts.get(role).get("/engine-rest/process-instance/" + b.processInstanceId()), ENGINE_READERS));
    row(door, "GET /engine-rest/process-instance/{B}/variables", "猜测实例编号读取流程变量", role -> allowedOrRefused(role, scripts.get(role).get("/engine-rest/process-instance/" + b.processInstanceId() + "/variables"), ENGINE_READERS));
    row(door, "GET /engine-rest/variable-instance?processInstanceIdIn=B", "变量查询", role -> listOnTheList(role, ADMIN_ONLY,
        scripts.get(role).get("/engine-rest/variable-instance?processInstanceIdIn=" + b.processInstanceId()),
        Map.of(b.maskedIdNumber(), ENGINE_READERS)));
    row(door, "GET /engine-rest/execution?processInstanceId=B", "执行查询", role -> listOnTheList(role, ADMIN_ONLY,
        scripts.get(role).get("/engine-rest/execution?processInstanceId=" + b.processInstanceId()),
        Map.of(b.processInstanceId(), ENGINE_READERS)));
    row(door, "PUT /engine-rest/process-instance/{A}/variables/…", "改写流程变量", this::setProcessVariable);
    row(door, "DELETE /engine-rest/process-instance/{A}", "删除案件流程", this::deleteInstance);
    row(door, "POST /engine-rest/process-definition/key/dropout-case/start", "上报长安村小学学生", this::startCase);
    row(door, "POST …/dropout-case/start（startInstructions）", "跳过上报，从流程中途启动", this::startHalfway);
    row(door, "GET /engine-rest/history/process-instance?processInstanceIds=A,B", "历史流程实例", role -> listOnTheList(role, ENGINE_READERS,
        scripts.get(role).get("/engine-rest/history/process-instance?processInstanceIds=" + a.processInstanceId() + "%2C" + b.processInstanceId()),
        Map.of(a.processInstanceId(), ENGINE_READERS, b.processInstanceId(), ENGINE_READERS)));
    row(door, "GET /engine-rest/history/process-instance/{B}", "猜测实例编号读取历史", role -> allowedOrRefused(role, scripts.get(role).get("/engine-rest/history/process-instance/" + b.processInstanceId()), ENGINE_READERS));
    row(door, "GET /engine-rest/history/variable-instance?processInstanceId=B", "历史变量", role -> listOnTheList(role, ADMIN_ONLY,
        scripts.get(role).get("/engine-rest/history/variable-instance?processInstanceId=" + b.processInstanceId()),
        Map.of(b.maskedIdNumber(), ENGINE_READERS)));
    row(door, "GET /engine-rest/history/detail?processInstanceId=B", "变量修改历史", role -> listOnTheList(role, ADMIN_ONLY,
        scripts.get(role).get("/engine-rest/history/detail?processInstanceId=" + b.processInstanceId()),
        Map.of(b.maskedIdNumber(), ENGINE_READERS)));
    row(door, "GET /engine-rest/history/task?processInstanceId=B", "历史任务", role -> listOnTheList(role, ENGINE_READERS,
        scripts.get(role).get("/engine-rest/history/task?processInstanceId=" + b.processInstanceId()),
        Map.of(b.taskId(), ENGINE_READERS)));
    row(door, "GET /engine-rest/history/activity-instance?processInstanceId=B", "历史活动", role -> listOnTheList(role, ENGINE_READERS,
        scripts.get(role).get("/engine-rest/history/activity-instance?processInstanceId=" + b.processInstanceId()),
        Map.of(b.processInstanceId(), ENGINE_READERS)));
    row(door, "GET /engine-rest/history/identity-link-log?processInstanceId=B", "候选组变更历史", role -> listOnTheList(role, ADMIN_ONLY,
        scripts.get(role).get("/engine-rest/history/identity-link-log?processInstanceId=" + b.processInstanceId()),
        Map.of(b.taskId(), ENGINE_READERS)));
    row(door, "GET /engine-rest/history/user-operation?processInstanceId=B", "操作日志", role -> list(role,
        scripts.get(role).get("/engine-rest/history/user-operation?processInstanceId=" + b.processInstanceId()),
        Map.of(b.processInstanceId(), ENGINE_READERS)));
    row(door, "GET /engine-rest/deployment", "部署列表", role -> listOnTheList(role, ENGINE_READERS, scripts.get(role).get("/engine-rest/deployment"),
        Map.of(deploymentId, ENGINE_READERS)));
    row(door, "POST /engine-rest/deployment/create", "上传流程模型", this::deploy);
    row(door, "GET /engine-rest/user", "用户列表", role -> listOnTheList(role, ENGINE_READERS, scripts.get(role).get("/engine-rest/user"),
        Map.of("\"teacher-changan\"", EnumSet.of(Role.TEACHER_A, Role.ADMIN), "\"admin\"", ADMIN_ONLY)));
    row(door, "GET /engine-rest/group?member=teacher-changan", "他人的用户组", role -> listOnTheList(role, ADMIN_ONLY,
        scripts.get(role).get("/engine-rest/group?member=teacher-changan"),
        Map.of("school_" + TestStudents.CHANGAN_SCHOOL, EnumSet.of(Role.TEACHER_A, Role.PRINCIPAL_A, Role.ADMIN))));
    row(door, "POST /engine-rest/user/create", "新建用户", this::createUser);
    row(door, "PUT /engine-rest/user/teacher-changan/credentials", "改他人密码", this::changePassword);
    row(door, "PUT /engine-rest/group/school_{A}/members/{自己}", "把自己加入长安村小学组", this::joinGroup);
    row(door, "GET /engine-rest/authorization", "授权列表", role -> listOnTheList(role, ADMIN_ONLY, scripts.get(role).get("/engine-rest/authorization?resourceType=" + Resources.PROCESS_DEFINITION.resourceType()),
        Map.of("\"auditors\"", ADMIN_ONLY)));
    row(door, "POST /engine-rest/authorization/create", "给自己授权读取全部流程实例", this::grantSelf);
    row(door, "POST /engine-rest/filter/create", "新建任务过滤器", this::createFilter);
  }

  // ---------------------------------------------------------------- Camunda webapps' API (session + XSRF)

  private void defineWebapps() {
    String door = "Camunda 网页应用 API /camunda/api（登录会话 + XSRF）";
    row(door, "GET /camunda/api/admin/auth/user/default", "当前用户与可用应用", this::webappUser);
    row(door, "GET /camunda/api/engine/…/task?processInstanceIdIn=A,A2,B", "任务列表（Tasklist）", role -> list(role,
        browsers.get(role).get("/camunda/api/engine/engine/default/task?processInstanceIdIn=" + a.processInstanceId() + ","
            + a2.processInstanceId() + "," + b.processInstanceId()),
        Map.of(a.taskId(), SEES_TASK_A, a2.taskId(), SEES_TASK_A2, b.taskId(), SEES_TASK_B)));
    row(door, "GET /camunda/api/engine/…/process-instance/{B}/variables", "猜测实例编号读取流程变量", role -> allowedOrRefused(role,
        browsers.get(role).get("/camunda/api/engine/engine/default/process-instance/" + b.processInstanceId() + "/variables"), ENGINE_READERS));
    row(door, "GET /camunda/api/engine/…/history/variable-instance?processInstanceId=B", "历史变量", role -> listOnTheList(role, ADMIN_ONLY,
        browsers.get(role).get("/camunda/api/engine/engine/default/history/variable-instance?processInstanceId=" + b.processInstanceId()),
        Map.of(b.maskedIdNumber(), ENGINE_READERS)));
    row(door, "POST /camunda/api/engine/…/task/{A}/claim", "认领任务", role -> claim(role, browsers.get(role), "/camunda/api/engine/engine/default"));
    row(door, "GET /camunda/api/cockpit/plugin/base/default/process-instance", "Cockpit 流程实例列表", role -> listOnTheList(role, ENGINE_READERS,
        browsers.get(role).get("/camunda/api/cockpit/plugin/base/default/process-instance?processDefinitionId=" + definitionId),
        Map.of(a.processInstanceId(), ENGINE_READERS, b.processInstanceId(), ENGINE_READERS)));
    row(door, "POST /camunda/api/admin/setup/default/user/create", "首个管理员初始化接口", this::setupAdmin);
  }

  // ---------------------------------------------------------------- the engine REST allowlist

  /** What an attack must leave as it was: the cases' processes, tasks, comments, jobs, case A. */
  static final String PROBE = "allowlist-probe";

  /**
   * 引擎接口白名单: operations no Tasklist, Cockpit or documented client needs, and odd spellings of
   * operations they do need. Every role outside camunda-admin is refused with the allowlist's 403
   * and nothing changes; administrators pass to the engine (sent at a made-up id, so that the
   * demo cases stay as they are).
   */
  private void defineAllowlist() {
    String door = "引擎接口白名单（/engine-rest 与网页应用的引擎 API，EngineOperations）";
    offTheList(door, "POST", "/engine-rest/task/{A}/bpmnError", "{\"errorCode\":\"x\"}", "抛出 BPMN 错误，悄悄结束案件流程");
    offTheList(door, "POST", "/engine-rest/task/{A}/bpmnEscalation", "{\"escalationCode\":\"x\"}", "抛出 BPMN 升级");
    offTheList(door, "POST", "/engine-rest/task/{A}/attachment/create", "{}", "给任务加附件");
    offTheList(door, "POST", "/engine-rest/task/create", "{\"id\":\"{A}-copy\",\"name\":\"伪造任务\"}", "新建任务");
    offTheList(door, "POST", "/engine-rest/task/{A}/delegate", "{\"userId\":\"teacher-nantai\"}", "委托给他校教师");
    offTheList(door, "POST", "/engine-rest/task/{A}/resolve", "{}", "解决委托任务");
    offTheList(door, "PUT", "/engine-rest/task/{A}", "{\"name\":\"改名\",\"priority\":99}", "改任务属性");
    offTheList(door, "PUT", "/engine-rest/task/{A}/localVariables/verifyResult", "{\"value\":\"NOT_DROPOUT\"}", "写任务局部变量");
    offTheList(door, "POST", "/engine-rest/task/{A}/variables", "{\"modifications\":{\"schoolGroup\":{\"value\":\"school_5306270002\"}}}", "批量写任务变量");
    offTheList(door, "POST", "/engine-rest/process-instance/{PI}/variables", "{\"modifications\":{\"studentName\":{\"value\":\"改过的名字\"}}}", "批量写流程变量");
    offTheList(door, "PUT", "/engine-rest/execution/{PI}/localVariables/studentName", "{\"value\":\"改过的名字\"}", "写执行的变量");
    offTheList(door, "POST", "/engine-rest/execution/{PI}/localVariables", "{\"modifications\":{\"studentName\":{\"value\":\"改过的名字\"}}}", "批量写执行的变量");
    offTheList(door, "POST", "/engine-rest/process-instance/{PI}/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"approveClosure\"}],\"skipCustomListeners\":true}", "流程实例跳到销号");
    offTheList(door, "PUT", "/engine-rest/process-instance/{PI}/suspended", "{\"suspended\":true}", "挂起案件流程");
    offTheList(door, "POST", "/engine-rest/message", "{\"messageName\":\"x\",\"processInstanceId\":\"{PI}\"}", "关联消息");
    offTheList(door, "POST", "/engine-rest/signal", "{\"name\":\"" + PROBE + "\"}", "广播信号");
    offTheList(door, "POST", "/engine-rest/job/{JOB}/execute", null, "立即执行案件 A 的逾期计时器");
    offTheList(door, "PUT", "/engine-rest/job/{JOB}/duedate", "{\"duedate\":\"2030-01-01T00:00:00.000+0800\"}", "推迟逾期计时器");
    offTheList(door, "GET", "/engine-rest/job?processInstanceId={PI}", null, "作业列表");
    offTheList(door, "POST", "/engine-rest/external-task/fetchAndLock",
        "{\"workerId\":\"" + PROBE + "\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"" + PROBE + "\",\"lockDuration\":1000}]}", "领取外部任务");
    offTheList(door, "DELETE", "/engine-rest/deployment/{DEPLOYMENT}", null, "删除部署");
    offTheList(door, "GET", "/engine-rest/history/detail?processInstanceId={PI}", null, "变量修改历史（含原值）");
    offTheList(door, "GET", "/engine-rest/history/variable-instance?processInstanceId={PI}", null, "历史变量");
    offTheList(door, "GET", "/engine-rest/variable-instance?processInstanceIdIn={PI}", null, "变量查询（GET；Cockpit 只用 POST）");
    offTheList(door, "GET", "/engine-rest/engine/default/task/{A}", null, "命名引擎的路径（/engine/default/…）");
    offTheList(door, "POST", "/camunda/api/engine/engine/default/task/{A}/bpmnError", "{\"errorCode\":\"x\"}", "网页应用 API：抛出 BPMN 错误");
    offTheList(door, "POST", "/camunda/api/engine/engine/default/task/{A}/attachment/create", "{}", "网页应用 API：加附件");
    offTheList(door, "POST", "/camunda/api/admin/auth/user/default/login/tasklist", null, "网页应用自带的登录（统一登录之外）");
    offTheList(door, "POST", "/engine-rest/task/{A}/comment/create", "{\"message\":\"矩阵测试\"}", "添加评论（督导审计只读；办案记录在保学自己的帮扶记录里）");
    row(door, "POST /camunda/api/cockpit/plugin/base/default/process-instance", "Cockpit 插件 API：只给有 Cockpit 使用权者", role -> {
      Reply reply = browsers.get(role).postJson("/camunda/api/cockpit/plugin/base/default/process-instance", "{\"processDefinitionId\":\"" + definitionId + "\"}");
      if (ENGINE_READERS.contains(role)) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return "✅";
      }
      return refusedByAllowlist(role, reply);
    });

    String start = "/engine-rest/process-definition/key/dropout-case/start";
    String halfway = "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"approveClosure\"}],"
        + "\"skipCustomListeners\":true,\"variables\":{\"caseId\":{\"value\":" + "{CASE_B}" + ",\"type\":\"Long\"}}}";
    oddSpelling(door, "POST", start + "/", halfway, "末尾斜杠 + startInstructions + skipCustomListeners：从中途启动他镇案件");
    oddSpelling(door, "POST", start.replace("/start", "//start"), halfway, "双斜杠");
    oddSpelling(door, "POST", start.replace("/start", "%2Fstart"), halfway, "编码的斜杠 %2F");
    oddSpelling(door, "POST", start.replace("/start", "/%73tart"), halfway, "编码的字母 %73");
    oddSpelling(door, "POST", start + ";jsessionid=x", halfway, "分号参数 ;jsessionid=x");
    oddSpelling(door, "POST", start.replace("dropout-case", "dropout-case;x=y"), halfway, "中间段的分号参数 ;x=y");
    oddSpelling(door, "POST", start.replace("/start", "/START"), halfway, "大写 /START");
    oddSpelling(door, "POST", start.replace("/start", "/x/../start"), halfway, "“..”段");
    oddSpelling(door, "POST", "/engine-rest/process-definition/key/dropout-case/tenant-id/x/start", halfway, "带租户的启动");
    oddSpelling(door, "POST", "/camunda/api/engine/engine/default/process-definition/key/dropout-case/start/", halfway, "网页应用 API：末尾斜杠启动");
    oddSpelling(door, "POST", "/engine-rest/task/{A}/claim/", "{\"userId\":\"{USER}\"}", "认领：末尾斜杠");
    oddSpelling(door, "POST", "/engine-rest//task/{A}/claim", "{\"userId\":\"{USER}\"}", "认领：双斜杠");
    oddSpelling(door, "POST", "/engine-rest/Task/{A}/claim", "{\"userId\":\"{USER}\"}", "认领：大小写不同");
    oddSpelling(door, "POST", "/engine-rest/task/{A}/%63laim", "{\"userId\":\"{USER}\"}", "认领：编码的字母");
    oddSpelling(door, "POST", "/engine-rest/task/{A}/claim;jsessionid=x", "{\"userId\":\"{USER}\"}", "认领：分号参数");
  }

  /** An operation that is on nobody's list: every role but the administrators refused, nothing changed. */
  private void offTheList(String door, String method, String path, String body, String what) {
    row(door, method + " " + path.replaceFirst("\\?.*", ""), what, role -> {
      if (role == Role.ADMIN) {
        Reply reply = scripts.get(role).send(method, fill(path, true, role), body == null ? null : fill(body, true, role));
        if (path.matches(".*/auth/user/[^/]+/login/.*")) {
          // Passwords are checked at Baoxue's one login only (and throttled there): for administrators too.
          assertThat(reply.status()).as("%s", reply).isEqualTo(403);
          return "🚫 403 密码只在统一登录页核对";
        }
        assertThat(reply.body()).as("%s", reply).doesNotContain("无权调用该接口").doesNotContain("写法不规范");
        return "✅ 放行";
      }
      Map<String, Object> before = world();
      Caller caller = path.startsWith("/camunda/") ? browsers.get(role) : scripts.get(role);
      Reply reply = caller.send(method, fill(path, false, role), body == null ? null : fill(body, false, role));
      assertThat(world()).as("nothing changed after %s", reply).isEqualTo(before);
      return refusedByAllowlist(role, reply);
    });
  }

  /** An odd spelling of an operation: refused for every role but the administrators, nothing changed. */
  private void oddSpelling(String door, String method, String path, String body, String what) {
    row(door, method + " " + path, what, role -> {
      if (role == Role.ADMIN) {
        return "— 不受白名单约束";
      }
      Map<String, Object> before = world();
      Caller caller = path.startsWith("/camunda/") ? browsers.get(role) : scripts.get(role);
      Reply reply = caller.send(method, fill(path, false, role), fill(body, false, role));
      assertThat(world()).as("nothing changed after %s", reply).isEqualTo(before);
      return refusedByAllowlist(role, reply);
    });
  }

  private String fill(String template, boolean probe, Role role) {
    return template.replace("{A}", probe ? PROBE : a.taskId())
        .replace("{PI}", probe ? PROBE : a.processInstanceId())
        .replace("{JOB}", probe ? PROBE : jobOfA())
        .replace("{DEPLOYMENT}", probe ? PROBE : deploymentId)
        .replace("{CASE_B}", String.valueOf(jdbc.queryForObject("select id from dropout_case where case_number = ?", Long.class, b.caseNumber())))
        .replace("{USER}", role.user == null ? "teacher-changan" : role.user);
  }

  private String jobOfA() {
    return managementService.createJobQuery().processInstanceId(a.processInstanceId()).list().get(0).getId();
  }

  /** Refused by the allowlist: its 403 with the engine's refusal shape, in Chinese (anonymous: 401). */
  private String refusedByAllowlist(Role role, Reply reply) {
    if (role == Role.ANONYMOUS) {
      return refused(role, reply);
    }
    assertThat(reply.status()).as("%s", reply).isEqualTo(403);
    assertThat(reply.body()).as("%s", reply).contains("\"type\":\"AuthorizationException\"")
        .containsAnyOf("无权调用该接口", "请求路径的写法不规范");
    return "🚫 403";
  }

  /** What no refused request may change. */
  private Map<String, Object> world() {
    Map<String, Object> world = new LinkedHashMap<>();
    world.put("process instances", runtimeService.createProcessInstanceQuery().count());
    world.put("suspended", runtimeService.createProcessInstanceQuery().suspended().count());
    world.put("tasks", taskService.createTaskQuery().list().stream().map(t -> t.getId() + "|" + t.getName() + "|" + t.getAssignee()
        + "|" + t.getPriority() + "|" + t.getDelegationState()).sorted().toList());
    world.put("comments", count("ACT_HI_COMMENT"));
    world.put("attachments", count("ACT_HI_ATTACHMENT"));
    world.put("jobs", managementService.createJobQuery().list().stream().map(j -> j.getId() + "|" + j.getDuedate()).sorted().toList());
    world.put("external tasks", count("ACT_RU_EXT_TASK"));
    world.put("deployments", repositoryService.createDeploymentQuery().count());
    world.put("variables of A", runtimeService.getVariables(a.processInstanceId()));
    world.put("task variables of A", taskService.getVariablesLocal(a.taskId()));
    world.put("case A", jdbc.queryForMap("select * from dropout_case where case_number = ?", a.caseNumber()));
    world.put("case B", jdbc.queryForMap("select * from dropout_case where case_number = ?", b.caseNumber()));
    world.put("cases", count("dropout_case"));
    return world;
  }

  // ---------------------------------------------------------------- cells

  /** A page everyone logged in may open. */
  private String page(Role role, Reply reply, Set<Role> allowed) {
    if (role == Role.ANONYMOUS) {
      return toLogin(reply);
    }
    assertThat(allowed).contains(role);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return "✅";
  }

  /** A page listing cases: each case shows iff the role's jurisdiction covers it. */
  private String pageList(Role role, Reply reply, Fixture inA, Fixture inB) {
    if (role == Role.ANONYMOUS) {
      return toLogin(reply);
    }
    return list(role, reply, Map.of(inA.caseNumber(), COVER_A, inB.caseNumber(), COVER_B));
  }

  /** A list: each marker is in the answer iff the role is among those who may see it. */
  private String list(Role role, Reply reply, Map<String, Set<Role>> markers) {
    if (role == Role.ANONYMOUS) {
      return refused(role, reply);
    }
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    int seen = 0;
    int visibleToSomeone = 0;
    for (Map.Entry<String, Set<Role>> marker : markers.entrySet()) {
      boolean visible = marker.getValue().contains(role);
      assertThat(reply.body().contains(marker.getKey())).as("%s in %s", marker.getKey(), reply).isEqualTo(visible);
      seen += visible ? 1 : 0;
      visibleToSomeone += marker.getValue().isEmpty() ? 0 : 1;
    }
    return seen == 0 ? "○ 空" : seen == visibleToSomeone ? "✅" : "✅ 本辖区";
  }

  /**
   * A list that only some roles may ask for at all (EngineOperations): they get the list, each
   * marker iff they may see it; everyone else the allowlist's 403, without any marker.
   */
  private String listOnTheList(Role role, Set<Role> mayAsk, Reply reply, Map<String, Set<Role>> markers) {
    if (role == Role.ANONYMOUS || mayAsk.contains(role)) {
      return list(role, reply, markers);
    }
    markers.keySet().forEach(marker -> assertThat(reply.body()).doesNotContain(marker));
    return refusedByAllowlist(role, reply);
  }

  /** One case by its number: the role's jurisdiction covers it, or 404 as if it did not exist. */
  private String caseRead(Role role, Reply reply, Fixture fixture, Set<Role> covering) {
    if (role == Role.ANONYMOUS) {
      return reply.status() == 302 ? toLogin(reply) : refused(role, reply);
    }
    if (covering.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      return "✅";
    }
    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    assertThat(reply.body()).doesNotContain(fixture.idNumber());
    return "🚫 404";
  }

  private String allowedOrRefused(Role role, Reply reply, Set<Role> allowed) {
    if (allowed.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      return "✅";
    }
    return refused(role, reply);
  }

  /** Refused: 401 for anonymous, 403 or 404 for the others, and never the data itself. */
  private String refused(Role role, Reply reply) {
    if (role == Role.ANONYMOUS) {
      // Writes without a session are stopped by the CSRF check before authentication: 403.
      assertThat(reply.status()).as("%s", reply).isIn(401, 403);
    } else {
      assertThat(reply.status()).as("%s", reply).isIn(403, 404);
    }
    assertThat(reply.body()).doesNotContain(a.idNumber()).doesNotContain(b.idNumber());
    return "🚫 " + reply.status();
  }

  private String toLogin(Reply reply) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(302);
    assertThat(reply.header("Location")).endsWith("/login");
    return "↪ 登录";
  }

  private String refusedUnchanged(Role role, Reply reply, long before, long after) {
    assertThat(after).as("nothing changed after %s", reply).isEqualTo(before);
    if (reply.status() == 400) {
      assertThat(reply.body()).containsPattern("[\\u4e00-\\u9fa5]");
      return "🚫 400";
    }
    return refused(role, reply);
  }

  // ---- Baoxue

  /** The notification of case A's report, to 长安村小学. */
  private long notificationOfA() {
    return jdbc.queryForObject("select min(id) from notification where case_number = ?", Long.class, a.caseNumber());
  }

  /** Everyone logged in reads her own notifications: 长安村小学's reach its staff only. */
  private String notificationsRead(Reply reply, Role role) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    if (EnumSet.of(Role.TEACHER_A, Role.PRINCIPAL_A).contains(role)) {
      assertThat(reply.body()).contains(a.caseNumber());
      return "✅ 本人";
    }
    assertThat(reply.body()).doesNotContain(a.caseNumber());
    return "✅ 本人（无 A 的通知）";
  }

  // --- at-risk register (issue 20) ---

  /** A pending flag of 长安村小学: a pupil with two special groups (40 points, the line), assessed by its principal. */
  private long atRiskFlagOfChangan() {
    String idNumber = TestStudents.idNumber(LocalDate.now().minusYears(10).minusDays(13), false);
    java.sql.Timestamp now = java.sql.Timestamp.valueOf(java.time.LocalDateTime.now());
    jdbc.update("insert into student (id_number, name, gender, birth_date, school_code, grade, village_code, special_groups, created_at,"
        + " updated_at) values (?, ?, 'F', ?, ?, 4, ?, 'ORPHAN,DE_FACTO_UNSUPPORTED', ?, ?)", idNumber, AT_RISK_PUPIL,
        LocalDate.now().minusYears(10).minusDays(13), TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE, now, now);
    Reply assessed = Caller.basic(port, "principal-changan").postJson("/api/at-risk/assessments",
        "{\"schoolCode\":\"" + TestStudents.CHANGAN_SCHOOL + "\"}");
    assertThat(assessed.status()).as("%s", assessed).isEqualTo(200);
    return jdbc.queryForObject("select f.id from risk_flag f join student s on s.id = f.student_id where s.id_number = ?", Long.class,
        idNumber);
  }

  private String atRiskRead(Role role) {
    Reply reply = scripts.get(role).get("/api/at-risk/flags/" + atRiskFlag);
    if (role == Role.ANONYMOUS) {
      return refused(role, reply);
    }
    if (AT_RISK_READERS.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.body()).contains(AT_RISK_PUPIL);
      return "✅";
    }
    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    assertThat(reply.body()).doesNotContain(AT_RISK_PUPIL);
    return "🚫 404";
  }

  /** Past the permission check for 长安村小学's principal only; then the undeclared field is refused and the flag stays pending. */
  private String atRiskDecide(Role role, String decision) {
    Reply reply = scripts.get(role).send("POST", "/api/at-risk/flags/" + atRiskFlag + "/" + decision,
        "{\"reason\":\"矩阵\",\"status\":\"CONFIRMED\"}");
    assertThat(jdbc.queryForObject("select status from risk_flag where id = ?", String.class, atRiskFlag)).isEqualTo("PENDING");
    if (role == Role.PRINCIPAL_A) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains("不接受字段“status”");
      return "✅ 400 校验";
    }
    assertThat(reply.body()).as("%s", reply).doesNotContain("不接受字段");
    if (role != Role.ANONYMOUS && !AT_RISK_READERS.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    }
    return refused(role, reply);
  }

  /** Every logged-in caller who may write reaches the field check (the pupil's school is checked after it); nothing is written. */
  private String atRiskObserveWithUndeclaredField(Role role) {
    long before = jdbc.queryForObject("select count(*) from risk_observation", Long.class);
    Reply reply = scripts.get(role).send("POST", "/api/at-risk/observations",
        "{\"idNumber\":\"530627201503181082\",\"observation\":\"WEARY\",\"observedBy\":\"principal-changan\"}");
    assertThat(jdbc.queryForObject("select count(*) from risk_observation", Long.class)).as("nothing written after %s", reply)
        .isEqualTo(before);
    if (role == Role.ANONYMOUS || role == Role.AUDITOR || role == Role.PREFECTURE_AUDITOR) {
      return refused(role, reply);
    }
    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
    assertThat(reply.body()).contains("不接受字段“observedBy”");
    return "✅ 400 校验";
  }

  /** 尖山乡's pairing: read by its helper and those whose jurisdiction covers 长安村; 404 for the others. */
  private String careRead(Role role, Reply reply) {
    if (role == Role.ANONYMOUS) {
      return reply.status() == 302 ? toLogin(reply) : refused(role, reply);
    }
    if (CARE_READERS.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.body()).contains(CARE_PERSON);
      return "✅";
    }
    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    assertThat(reply.body()).doesNotContain(CARE_PERSON);
    return "🚫 404";
  }

  /** A county's 季度复核 by its number: its readers get it, everyone else a 404 that names nothing. */
  private String recheckRead(Role role, Reply reply) {
    if (role == Role.ANONYMOUS) {
      return reply.status() == 302 ? toLogin(reply) : refused(role, reply);
    }
    if (RECHECK_READERS_ZHENXIONG.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.body()).contains("2020年第4季度").contains("镇雄县");
      return "✅";
    }
    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    assertThat(reply.body()).doesNotContain("2020年第4季度");
    return "🚫 404";
  }

  /** 尖山乡's disabled child: read by those whose jurisdiction covers her school or village; 404 for the others. */
  private String placementRead(Role role, Reply reply) {
    if (role == Role.ANONYMOUS) {
      return reply.status() == 302 ? toLogin(reply) : refused(role, reply);
    }
    if (PLACEMENT_READERS.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.body()).contains(PLACEMENT_PERSON);
      return "✅";
    }
    assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    assertThat(reply.body()).doesNotContain(PLACEMENT_PERSON);
    return "🚫 404";
  }

  /** Past the permission check for the townships and the county bureau only; then the undeclared field is refused. */
  private String registerDisabledChildWithUndeclaredField(Role role) {
    long before = jdbc.queryForObject("select count(*) from disabled_child", Long.class);
    Reply reply = scripts.get(role).send("POST", "/api/placement/children", "{\"idNumber\":\""
        + TestStudents.idNumber(LocalDate.now().minusYears(8).minusDays(14), true) + "\",\"name\":\"矩阵安置乙\",\"category\":\"VISUAL\","
        + "\"level\":\"LEVEL_3\",\"villageCode\":\"" + TestStudents.CHANGAN_VILLAGE + "\",\"placement\":\"SPECIAL_SCHOOL\"}");
    long after = jdbc.queryForObject("select count(*) from disabled_child", Long.class);
    assertThat(after).as("nothing written after %s", reply).isEqualTo(before);
    if (EnumSet.of(Role.OFFICIAL_A, Role.OFFICIAL_B, Role.BUREAU, Role.NEIGHBOUR_COUNTY).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains("残疾儿童登记不接受字段“placement”");
      return "✅ 400 校验";
    }
    assertThat(reply.body()).as("%s", reply).doesNotContain("不接受字段");
    return refused(role, reply);
  }

  /** Past the permission check for her 送教 teacher only; then the undeclared field is refused; nothing written. */
  private String visitWithUndeclaredField(Role role) {
    long before = jdbc.queryForObject("select count(*) from home_delivery_visit", Long.class);
    Reply reply = scripts.get(role).send("POST", "/api/placement/children/" + homeDeliveredChild + "/visits",
        "{\"date\":\"" + LocalDate.now() + "\",\"hours\":2,\"content\":\"识字\",\"recordedBy\":\"official-jianshan\"}");
    assertThat(jdbc.queryForObject("select count(*) from home_delivery_visit", Long.class)).as("nothing written after %s", reply)
        .isEqualTo(before);
    if (role == Role.TEACHER_A) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains("送教记录不接受字段“recordedBy”");
      return "✅ 400 校验";
    }
    assertThat(reply.body()).as("%s", reply).doesNotContain("不接受字段");
    if (role != Role.ANONYMOUS) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(PLACEMENT_READERS.contains(role) ? 403 : 404);
    }
    return refused(role, reply);
  }

  /** Only 镇雄县's expert committee assesses: every column here is refused (403 for her readers, 404 for the rest), nothing placed. */
  private String assessPlacement(Role role) {
    Reply reply = scripts.get(role).send("POST", "/api/placement/children/" + placementChild + "/assessment",
        "{\"placement\":\"SPECIAL_SCHOOL\"}");
    assertThat(jdbc.queryForObject("select count(*) from disabled_child where id = ? and placement is null", Long.class, placementChild))
        .as("nothing placed after %s", reply).isEqualTo(1);
    if (role != Role.ANONYMOUS && role != Role.ADMIN) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(PLACEMENT_READERS.contains(role) ? 403 : 404);
    }
    return refused(role, reply);
  }

  /** Past the permission check for the townships and the county bureau only; then the undeclared field is refused. */
  private String createPairingWithUndeclaredField(Role role) {
    long before = jdbc.queryForObject("select count(*) from care_pairing", Long.class);
    Reply reply = scripts.get(role).send("POST", "/api/care/pairings", "{\"kind\":\"ORPHAN\",\"idNumber\":\""
        + TestStudents.idNumber(LocalDate.now().minusYears(7).minusDays(12), true) + "\",\"name\":\"矩阵结对乙\",\"helper\":\"teacher-changan\","
        + "\"villageCode\":\"" + TestStudents.CHANGAN_VILLAGE + "\",\"countyCode\":\"530628\"}");
    long after = jdbc.queryForObject("select count(*) from care_pairing", Long.class);
    assertThat(after).as("nothing written after %s", reply).isEqualTo(before);
    // Any township or county bureau may create pairings (its own area is checked after the fields).
    if (EnumSet.of(Role.OFFICIAL_A, Role.OFFICIAL_B, Role.BUREAU, Role.NEIGHBOUR_COUNTY).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains("结对关爱不接受字段“countyCode”");
      return "✅ 400 校验";
    }
    assertThat(reply.body()).as("%s", reply).doesNotContain("不接受字段");
    return refused(role, reply);
  }

  /** Past the permission check for the paired helper and the creating township only; then the undeclared field is refused. */
  private String careContactWithUndeclaredField(Role role) {
    long before = jdbc.queryForObject("select count(*) from care_contact", Long.class);
    Reply reply = scripts.get(role).send("POST", "/api/care/pairings/" + carePairing + "/contacts",
        "{\"type\":\"PHONE\",\"date\":\"" + LocalDate.now() + "\",\"recordedBy\":\"official-jianshan\"}");
    long after = jdbc.queryForObject("select count(*) from care_contact", Long.class);
    assertThat(after).as("nothing written after %s", reply).isEqualTo(before);
    if (EnumSet.of(Role.TEACHER_A, Role.OFFICIAL_A).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains("关爱记录不接受字段“recordedBy”");
      return "✅ 400 校验";
    }
    assertThat(reply.body()).as("%s", reply).doesNotContain("不接受字段");
    if (role != Role.ANONYMOUS && !CARE_READERS.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    }
    return refused(role, reply);
  }

  /** Only her township and the administrator see what a person holds. */
  private String previewHandover(Role role) {
    Reply reply = scripts.get(role).get("/api/staff/teacher-changan/handover?successor=principal-changan");
    if (EnumSet.of(Role.OFFICIAL_A, Role.ADMIN).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(reply.body()).contains("李明华（长安村小学）", "王建国（长安村小学）");
      return "✅";
    }
    assertThat(reply.body()).as("%s", reply).doesNotContain("tasks");
    return refused(role, reply);
  }

  /** Past the permission check only for her township and the administrator; then the undeclared field is refused. */
  private String handOverWithUndeclaredField(Role role) {
    Reply reply = scripts.get(role).send("POST", "/api/staff/teacher-changan/handover",
        "{\"successor\":\"principal-changan\",\"tasks\":\"all\"}");
    if (EnumSet.of(Role.OFFICIAL_A, Role.ADMIN).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains("工作交接不接受字段“tasks”");
      return "✅ 400 校验";
    }
    assertThat(reply.body()).as("%s", reply).doesNotContain("不接受字段");
    return refused(role, reply);
  }

  private String markNotificationRead(Role role) {
    long id = notificationOfA();
    List<String> before = jdbc.queryForList("select user_id from notification_read where notification_id = ? order by user_id", String.class, id);
    Reply reply = scripts.get(role).send("POST", "/api/me/notifications/" + id + "/read", null);
    List<String> after = jdbc.queryForList("select user_id from notification_read where notification_id = ? order by user_id", String.class, id);
    if (EnumSet.of(Role.TEACHER_A, Role.PRINCIPAL_A).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(after).contains(role.user);
      return "✅ 本人";
    }
    assertThat(after).as("nothing changed after %s", reply).isEqualTo(before);
    return refused(role, reply);
  }

  private String resendDelivery(Role role) {
    long notification = notificationOfA();
    if (jdbc.queryForObject("select count(*) from notification_delivery where notification_id = ? and channel = 'sms'", Long.class,
        notification) == 0) {
      jdbc.update("insert into notification_delivery (notification_id, channel, status, attempts, last_error) values (?, 'sms', 'DEAD', 5,"
          + " '短信平台无法连接')", notification);
    }
    String status = "select status || ':' || attempts from notification_delivery where notification_id = " + notification + " and channel = 'sms'";
    long delivery = jdbc.queryForObject("select id from notification_delivery where notification_id = ? and channel = 'sms'", Long.class,
        notification);
    if (role == Role.ADMIN) {
      jdbc.update("update notification_delivery set status = 'DEAD', attempts = 5 where id = ?", delivery);
    }
    String before = jdbc.queryForObject(status, String.class);
    Reply reply = browsers.get(role).postForm("/admin/notifications/" + delivery + "/resend", Map.of());
    String after = jdbc.queryForObject(status, String.class);
    if (role == Role.ADMIN) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(302);
      assertThat(after).isEqualTo("PENDING:0");
      return "✅";
    }
    assertThat(after).as("nothing changed after %s", reply).isEqualTo(before);
    if (role == Role.ANONYMOUS) {
      return reply.status() == 302 ? toLogin(reply) : refused(role, reply);
    }
    return refused(role, reply);
  }

  private String contactForm(Role role) {
    long before = contacts(a);
    Reply reply = browsers.get(role).postForm("/cases/" + a.caseNumber() + "/contacts",
        Map.of("type", "PHONE", "date", LocalDate.now().toString(), "notes", "矩阵测试：" + role.label));
    long after = contacts(a);
    if (role == Role.OFFICIAL_A || role == Role.ADMIN) {
      assertThat(reply.status()).isEqualTo(302);
      assertThat(after).isEqualTo(before + 1);
      return "✅";
    }
    assertThat(after).isEqualTo(before);
    if (reply.status() == 302 && role != Role.ANONYMOUS) {
      // The form comes back to the case page with the refusal in Chinese.
      Reply back = browsers.get(role).get(reply.header("Location").replaceFirst("https?://[^/]+", "").replaceFirst("#.*", ""));
      if (back.status() == 404) {
        return "🚫 404";
      }
      assertThat(back.body()).contains("只有本案的包保责任人");
      return "🚫 提示无权";
    }
    assertThat(reply.status()).as("%s", reply).isEqualTo(403);
    return "🚫 403";
  }

  private String contactsRead(Role role) {
    Reply reply = scripts.get(role).get("/api/cases/" + a.caseNumber() + "/contacts");
    if (role == Role.OFFICIAL_A || role == Role.ADMIN) {
      assertThat(reply.status()).isEqualTo(200);
      return "✅";
    }
    if (role != Role.ANONYMOUS && !COVER_A.contains(role)) {
      assertThat(reply.status()).isEqualTo(404);
    }
    return refused(role, reply);
  }

  private String contactApi(Role role) {
    long before = contacts(a);
    Reply reply = scripts.get(role).postJson("/api/cases/" + a.caseNumber() + "/contacts",
        "{\"type\":\"PHONE\",\"date\":\"" + LocalDate.now() + "\",\"notes\":\"矩阵测试\"}");
    long after = contacts(a);
    if (role == Role.OFFICIAL_A || role == Role.ADMIN) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(201);
      assertThat(after).isEqualTo(before + 1);
      return "✅";
    }
    return refusedUnchanged(role, reply, before, after);
  }

  /** Who works case A adds evidence to it: its school, village, township, county, 妇联, an administrator. */
  private String evidenceUpload(Role role) {
    long before = evidenceOf(a);
    Reply reply = scripts.get(role).upload("/api/cases/" + a.caseNumber() + "/evidence?step=case", "file", "a.jpg",
        ClosureEvidence.photo());
    long after = evidenceOf(a);
    if (EnumSet.of(Role.TEACHER_A, Role.PRINCIPAL_A, Role.CADRE_A, Role.OFFICIAL_A, Role.BUREAU, Role.WOMENFED, Role.ADMIN)
        .contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(201);
      assertThat(after).isEqualTo(before + 1);
      return "✅";
    }
    if (role == Role.TEACHER_B || role == Role.OFFICIAL_B) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(404);
    }
    return refusedUnchanged(role, reply, before, after);
  }

  private long evidenceOf(Fixture fixture) {
    return jdbc.queryForObject("select count(*) from evidence_item e join dropout_case c on e.case_id = c.id where c.case_number = ?",
        Long.class, fixture.caseNumber());
  }

  private String rosterImport(Role role) {
    LocalDate birthDate = LocalDate.now().minusYears(10);
    String csv = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\n"
        + "赵小兵," + TestStudents.idNumber(birthDate, true) + ",男," + birthDate + "," + TestStudents.CHANGAN_SCHOOL + ",4,"
        + TestStudents.CHANGAN_VILLAGE + ",赵大山,13800000001,在校,,\n";
    long before = count("student");
    Reply reply = scripts.get(role).upload("/api/imports/roster", "file", "roster.csv", csv.getBytes(StandardCharsets.UTF_8));
    long after = count("student");
    if (EnumSet.of(Role.TEACHER_A, Role.PRINCIPAL_A, Role.BUREAU, Role.ADMIN).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(after).isEqualTo(before + 1);
      return "✅";
    }
    return refusedUnchanged(role, reply, before, after);
  }

  static final String OUTSIDE_CHILD_NAME = "钱外县";
  static final String OUTSIDE_CHILD = outsideChild();

  private static String outsideChild() {
    LocalDate birth = LocalDate.now().minusYears(11).minusDays(40);
    return OUTSIDE_CHILD_NAME + "," + TestStudents.idNumber(birth, true) + ",男," + birth;
  }

  /** A 户籍 and a 学籍 file of one child of 长安村, 在读 at a school of another county. */
  private static List<Caller.Part> registries(String child) {
    String[] fields = child.split(",");
    return List.of(
        new Caller.Part("household", "户籍.csv", "text/csv", ("姓名,身份证号,性别,出生日期,户籍村代码,监护人,联系电话\n" + child + ","
            + TestStudents.CHANGAN_VILLAGE + ",钱大山,13800000001\n").getBytes(StandardCharsets.UTF_8)),
        new Caller.Part("enrolment", "学籍.csv", "text/csv", ("姓名,身份证号,学籍号,学校代码,年级,学籍状态,状态说明\n" + fields[0] + ","
            + fields[1] + ",,4400000001,5,在读,\n").getBytes(StandardCharsets.UTF_8)));
  }

  /** Allowed for the county bureau and the townships, each for its own area; a run with no child out of school opens no case. */
  private String reconcile(Role role) {
    long before = count("reconciliation_run");
    long cases = count("dropout_case");
    Reply reply = scripts.get(role).postMultipart("/api/reconciliations", registries(outsideChild()));
    long after = count("reconciliation_run");
    assertThat(count("dropout_case")).isEqualTo(cases);
    if (EnumSet.of(Role.OFFICIAL_A, Role.OFFICIAL_B, Role.BUREAU, Role.NEIGHBOUR_COUNTY).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(after).isEqualTo(before + 1);
      return EnumSet.of(Role.OFFICIAL_B, Role.NEIGHBOUR_COUNTY).contains(role) ? "✅ 本辖区（长安村的儿童不在其中）" : "✅";
    }
    return refusedUnchanged(role, reply, before, after);
  }

  private String transfer(Role role) {
    String idNumber = Rosters.registerPupil(anonymousTemplate, "admin", TestStudents.CHANGAN_SCHOOL,
        TestStudents.CHANGAN_VILLAGE);
    long before = count("enrolment_change");
    Reply reply = scripts.get(role).postJson("/api/students/" + idNumber + "/changes",
        "{\"type\":\"TRANSFER_OUT\",\"date\":\"" + LocalDate.now() + "\",\"toSchoolCode\":\"" + TestStudents.NANTAI_SCHOOL
            + "\",\"reason\":\"随父母迁居\"}");
    long after = count("enrolment_change");
    if (EnumSet.of(Role.TEACHER_A, Role.PRINCIPAL_A, Role.ADMIN).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(after).isEqualTo(before + 1);
      return "✅";
    }
    return refusedUnchanged(role, reply, before, after);
  }

  /** Only the receiving school asks; the answer is the same whoever holds the pupil. */
  private String askTransfer(Role role) {
    String idNumber = Rosters.registerPupil(anonymousTemplate, "admin", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long before = count("transfer_request");
    Reply reply = scripts.get(role).postJson("/api/students/transfers", "{\"idNumber\":\"" + idNumber
        + "\",\"toSchoolCode\":\"" + TestStudents.NANTAI_SCHOOL + "\",\"date\":\"" + LocalDate.now() + "\"}");
    long after = count("transfer_request");
    assertThat(reply.body()).doesNotContain(idNumber).doesNotContain("长安");
    if (role == Role.TEACHER_B) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(202);
      assertThat(after).isEqualTo(before + 1);
      return "✅";
    }
    return refusedUnchanged(role, reply, before, after);
  }

  /** The sending school, its township or its county consents; the asking school and everyone else is refused. */
  private String consentTransfer(Role role) {
    String idNumber = Rosters.registerPupil(anonymousTemplate, "admin", TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    Reply asked = Caller.basic(port, "teacher-nantai").postJson("/api/students/transfers", "{\"idNumber\":\"" + idNumber
        + "\",\"toSchoolCode\":\"" + TestStudents.NANTAI_SCHOOL + "\",\"date\":\"" + LocalDate.now() + "\"}");
    assertThat(asked.status()).as("%s", asked).isEqualTo(202);
    Object request = new JacksonJsonParser().parseMap(asked.body()).get("id");
    long before = count("enrolment_change");
    Reply reply = scripts.get(role).postJson("/api/students/transfers/" + request + "/consent", "{}");
    long after = count("enrolment_change");
    String school = jdbc.queryForObject("select school_code from student where id_number = ?", String.class, idNumber);
    if (EnumSet.of(Role.TEACHER_A, Role.PRINCIPAL_A, Role.OFFICIAL_A, Role.BUREAU).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(school).isEqualTo(TestStudents.NANTAI_SCHOOL);
      return "✅";
    }
    assertThat(school).isEqualTo(TestStudents.CHANGAN_SCHOOL);
    return refusedUnchanged(role, reply, before, after);
  }

  // ---- engine

  private String claim(Role role, Caller caller, String base) {
    Reply reply = caller.postJson(base + "/task/" + a.taskId() + "/claim", "{\"userId\":\"" + role.user + "\"}");
    String assignee = taskService.createTaskQuery().taskId(a.taskId()).singleResult().getAssignee();
    if (WORKS_TASK_A.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(204);
      assertThat(assignee).isEqualTo(role.user);
      taskService.setAssignee(a.taskId(), null);
      return "✅";
    }
    assertThat(assignee).isNull();
    return refused(role, reply);
  }

  private String claimForOutsider(Role role) {
    Reply reply = scripts.get(role).postJson("/engine-rest/task/" + a.taskId() + "/claim", "{\"userId\":\"teacher-nantai\"}");
    String assignee = taskService.createTaskQuery().taskId(a.taskId()).singleResult().getAssignee();
    unassignFromOutsider();
    if (role == Role.ADMIN) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(204);
      return "✅";
    }
    assertThat(assignee).isNull();
    return refused(role, reply);
  }

  /**
   * Takes task A back from 南台, with the grants the engine gave its teacher as assignee or its
   * group as candidate: the engine keeps those grants when the assignee or candidate goes.
   */
  private void unassignFromOutsider() {
    taskService.setAssignee(a.taskId(), null);
    Stream.concat(
            authorizationService.createAuthorizationQuery().userIdIn("teacher-nantai").resourceType(Resources.TASK)
                .resourceId(a.taskId()).list().stream(),
            authorizationService.createAuthorizationQuery().groupIdIn("school_" + TestStudents.NANTAI_SCHOOL)
                .resourceType(Resources.TASK).resourceId(a.taskId()).list().stream())
        .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
  }

  private String completeWithBadInput(Role role) {
    Reply reply = scripts.get(role).postJson("/engine-rest/task/" + a.taskId() + "/complete",
        "{\"variables\":{\"verifyResult\":{\"value\":\"MAYBE\"}}}");
    assertThat(taskService.createTaskQuery().taskId(a.taskId()).count()).isEqualTo(1);
    if (WORKS_TASK_A.contains(role)) {
      // Past the engine's authorization check, refused by the verify step's own input check.
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains("核实");
      return "✅ 400 校验";
    }
    return refused(role, reply);
  }

  /** Completing one's own task with another school's caseId must not record anything on that case. */
  private String completeOnAnotherCase(Role role) {
    Long caseB = jdbc.queryForObject("select id from dropout_case where case_number = ?", Long.class, b.caseNumber());
    Reply reply = scripts.get(role).postJson("/engine-rest/task/" + a.taskId() + "/complete",
        "{\"variables\":{\"caseId\":{\"value\":" + caseB + ",\"type\":\"Long\"},\"verifyResult\":{\"value\":\"NOT_DROPOUT\"},"
            + "\"notDropoutReason\":{\"value\":\"FALSE_REPORT\"}}}");
    assertThat(taskService.createTaskQuery().taskId(a.taskId()).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select status from dropout_case where id = ?", String.class, caseB)).isEqualTo("REPORTED");
    assertThat(runtimeService.getVariable(a.processInstanceId(), "caseId")).isNotEqualTo(caseB);
    if (WORKS_TASK_A.contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      // Refused by the task's contract (no caseId on its form), or else by the routing guard: either names it.
      assertThat(reply.body()).contains("caseId");
      return "🚫 400";
    }
    return refused(role, reply);
  }

  private String rerouteThroughTaskVariable(Role role) {
    Reply reply = scripts.get(role).putJson("/engine-rest/task/" + a.taskId() + "/variables/schoolGroup",
        "{\"value\":\"school_" + TestStudents.NANTAI_SCHOOL + "\",\"type\":\"String\"}");
    Object schoolGroup = runtimeService.getVariable(a.processInstanceId(), "schoolGroup");
    if (role == Role.ADMIN) {
      runtimeService.setVariable(a.processInstanceId(), "schoolGroup", "school_" + TestStudents.CHANGAN_SCHOOL);
      assertThat(reply.status()).as("%s", reply).isEqualTo(204);
      return "✅";
    }
    assertThat(schoolGroup).isEqualTo("school_" + TestStudents.CHANGAN_SCHOOL);
    return refused(role, reply);
  }

  private String addCandidateGroup(Role role) {
    String link = "{\"groupId\":\"school_" + TestStudents.NANTAI_SCHOOL + "\",\"type\":\"candidate\"}";
    Reply reply = scripts.get(role).postJson("/engine-rest/task/" + a.taskId() + "/identity-links", link);
    boolean added = taskService.getIdentityLinksForTask(a.taskId()).stream()
        .anyMatch(l -> ("school_" + TestStudents.NANTAI_SCHOOL).equals(l.getGroupId()));
    if (added) {
      taskService.deleteCandidateGroup(a.taskId(), "school_" + TestStudents.NANTAI_SCHOOL);
      unassignFromOutsider();
    }
    if (role == Role.ADMIN) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(204);
      return "✅";
    }
    assertThat(added).isFalse();
    return refused(role, reply);
  }

  private String setAssignee(Role role) {
    Reply reply = scripts.get(role).postJson("/engine-rest/task/" + a.taskId() + "/assignee", "{\"userId\":\"teacher-nantai\"}");
    String assignee = taskService.createTaskQuery().taskId(a.taskId()).singleResult().getAssignee();
    unassignFromOutsider();
    if (role == Role.ADMIN) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(204);
      return "✅";
    }
    assertThat(assignee).isNull();
    return refused(role, reply);
  }

  private String setProcessVariable(Role role) {
    Reply reply = scripts.get(role).putJson("/engine-rest/process-instance/" + a.processInstanceId() + "/variables/studentName",
        "{\"value\":\"改过的名字\",\"type\":\"String\"}");
    Object name = runtimeService.getVariable(a.processInstanceId(), "studentName");
    if (role == Role.ADMIN) {
      runtimeService.setVariable(a.processInstanceId(), "studentName", "王小梅");
      assertThat(reply.status()).as("%s", reply).isEqualTo(204);
      return "✅";
    }
    assertThat(name).isEqualTo("王小梅");
    return refused(role, reply);
  }

  private String deleteInstance(Role role) {
    if (role == Role.ADMIN) {
      return authorized(role, Permissions.DELETE, Resources.PROCESS_INSTANCE, a.processInstanceId());
    }
    Reply reply = scripts.get(role).delete("/engine-rest/process-instance/" + a.processInstanceId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(a.processInstanceId()).count()).isEqualTo(1);
    return refused(role, reply);
  }

  private String startCase(Role role) {
    Map<String, Object> girl = TestStudents.changanGirl();
    StringBuilder variables = new StringBuilder();
    girl.forEach((name, value) -> variables.append(variables.isEmpty() ? "" : ",").append('"').append(name)
        .append("\":{\"value\":").append(value instanceof Number ? value : "\"" + value + "\"").append('}'));
    long before = count("dropout_case");
    Reply reply = scripts.get(role).postJson("/engine-rest/process-definition/key/dropout-case/start",
        "{\"variables\":{" + variables + "}}");
    long after = count("dropout_case");
    if (EnumSet.of(Role.TEACHER_A, Role.PRINCIPAL_A, Role.CADRE_A, Role.OFFICIAL_A, Role.BUREAU, Role.ADMIN).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(after).isEqualTo(before + 1);
      return "✅";
    }
    return refusedUnchanged(role, reply, before, after);
  }

  /** Starting before a later step skips the intake: only an administrator repairing by hand may. */
  private String startHalfway(Role role) {
    long before = runtimeService.createProcessInstanceQuery().count();
    Reply reply = scripts.get(role).postJson("/engine-rest/process-definition/key/dropout-case/start",
        "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"verify\"}],"
            + "\"variables\":{\"schoolGroup\":{\"value\":\"school_" + TestStudents.CHANGAN_SCHOOL + "\"}}}");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    if (role == Role.ADMIN) {
      // Let through to the engine, where the process's own start listener still checks the report.
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      assertThat(reply.body()).contains("学生姓名不能为空");
      return "✅ 400 校验";
    }
    if (role != Role.ANONYMOUS) {
      assertThat(reply.body()).containsAnyOf("案件只能从上报开始办理", "无权调用该接口");
    }
    return refused(role, reply);
  }

  private String deploy(Role role) {
    long before = repositoryService.createDeploymentQuery().count();
    Reply reply = scripts.get(role).upload("/engine-rest/deployment/create", "data", "matrix.bpmn",
        "<definitions/>".getBytes(StandardCharsets.UTF_8));
    long after = repositoryService.createDeploymentQuery().count();
    assertThat(after).isEqualTo(before);
    if (role == Role.ADMIN) {
      // Past the authorization check; the junk model itself is refused and nothing is deployed.
      assertThat(reply.status()).as("%s", reply).isEqualTo(400);
      return "✅ 400 模型无效";
    }
    return refused(role, reply);
  }

  private String createUser(Role role) {
    String id = "matrix-" + role.name().toLowerCase().replace('_', '-');
    Reply reply = scripts.get(role).postJson("/engine-rest/user/create",
        "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"测\",\"lastName\":\"试\"},\"credentials\":{\"password\":\"matrix-Passw0rd!\"}}");
    boolean created = identityService.createUserQuery().userId(id).count() > 0;
    if (created) {
      identityService.deleteUser(id);
    }
    if (role == Role.ADMIN) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(204);
      return "✅";
    }
    assertThat(created).isFalse();
    return refused(role, reply);
  }

  private String changePassword(Role role) {
    if (role == Role.TEACHER_A || role == Role.ADMIN) {
      return authorized(role, Permissions.UPDATE, Resources.USER, "teacher-changan");
    }
    Reply reply = scripts.get(role).putJson("/engine-rest/user/teacher-changan/credentials",
        "{\"password\":\"stolen-Passw0rd!\",\"authenticatedUserPassword\":\"demo\"}");
    assertThat(identityService.checkPassword("teacher-changan", "demo")).isTrue();
    return refused(role, reply);
  }

  private String joinGroup(Role role) {
    String user = role.user == null ? "teacher-nantai" : role.user;
    String group = "school_" + TestStudents.CHANGAN_SCHOOL;
    boolean memberBefore = identityService.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
    if (role == Role.ADMIN) {
      return authorized(role, Permissions.CREATE, Resources.GROUP_MEMBERSHIP, group);
    }
    Reply reply = scripts.get(role).putJson("/engine-rest/group/" + group + "/members/" + user, "{}");
    boolean memberAfter = identityService.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
    assertThat(memberAfter).isEqualTo(memberBefore);
    return refused(role, reply);
  }

  private String grantSelf(Role role) {
    long before = authorizationService.createAuthorizationQuery().count();
    Reply reply = scripts.get(role).postJson("/engine-rest/authorization/create",
        "{\"type\":1,\"permissions\":[\"READ\"],\"userId\":\"" + (role.user == null ? "teacher-nantai" : role.user)
            + "\",\"resourceType\":8,\"resourceId\":\"*\"}");
    long after = authorizationService.createAuthorizationQuery().count();
    if (role == Role.ADMIN) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      authorizationService.deleteAuthorization((String) new JacksonJsonParser()
          .parseMap(reply.body()).get("id"));
      return "✅";
    }
    assertThat(after).isEqualTo(before);
    return refused(role, reply);
  }

  private String createFilter(Role role) {
    long before = count("ACT_RU_FILTER");
    Reply reply = scripts.get(role).postJson("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"矩阵测试\",\"query\":{\"candidateGroup\":\"school_" + TestStudents.NANTAI_SCHOOL + "\"}}");
    long after = count("ACT_RU_FILTER");
    if (role == Role.ADMIN) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      jdbc.update("delete from ACT_RU_FILTER where NAME_ = '矩阵测试'");
      return "✅";
    }
    assertThat(after).isEqualTo(before);
    return refused(role, reply);
  }

  /** Allowed, checked with the engine's own authorization service rather than done to the demo data. */
  private String authorized(Role role, Permission permission, Resource resource, String resourceId) {
    List<String> groups = identityService.createGroupQuery().groupMember(role.user).list().stream().map(g -> g.getId()).toList();
    assertThat(authorizationService.isUserAuthorized(role.user, groups, permission, resource, resourceId)).isTrue();
    return "🔒 ✅";
  }

  // ---- webapps

  private String webappUser(Role role) {
    Reply reply = browsers.get(role).get("/camunda/api/admin/auth/user/default");
    if (role == Role.ANONYMOUS) {
      return refused(role, reply);
    }
    assertThat(reply.status()).isEqualTo(200);
    if (role == Role.DEPARTMENT) {
      // A department answers its referrals on Baoxue's pages: no Camunda webapp at all.
      assertThat(reply.body()).contains("\"userId\":\"" + role.user + "\"").doesNotContain("tasklist", "cockpit", "\"admin\"");
      return "✅ 无应用";
    }
    assertThat(reply.body()).contains("\"userId\":\"" + role.user + "\"");
    // A unit's auditors read in Baoxue's pages, which keep to their jurisdiction; Tasklist would offer them nothing.
    assertThat(reply.body().contains("\"tasklist\"")).isEqualTo(role != Role.PREFECTURE_AUDITOR);
    assertThat(reply.body().contains("\"admin\"")).isEqualTo(role == Role.ADMIN);
    assertThat(reply.body().contains("\"cockpit\"")).isEqualTo(ENGINE_READERS.contains(role));
    return role == Role.ADMIN ? "✅ 全部应用" : role == Role.AUDITOR ? "✅ Tasklist+Cockpit"
        : role == Role.PREFECTURE_AUDITOR ? "✅ 无应用（只用保学页面）" : "✅ 仅 Tasklist";
  }

  private String setupAdmin(Role role) {
    Reply reply = browsers.get(role).postJson("/camunda/api/admin/setup/default/user/create",
        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"入\",\"lastName\":\"侵\"},\"credentials\":{\"password\":\"intruder-Passw0rd!\"}}");
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    return refused(role, reply);
  }

  // ---------------------------------------------------------------- fixtures

  private void row(String door, String request, String what, Function<Role, String> cell) {
    rows.add(new Row(door, request, what, cell));
  }

  private static String key(Row row) {
    return row.door() + " " + row.request();
  }

  private Fixture report(String user, Map<String, Object> student) {
    var started = EngineRest.as(anonymousTemplate, user).startCase(student);
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    String processInstanceId = (String) started.getBody().get("id");
    return new Fixture(processInstanceId, (String) started.getBody().get("businessKey"), taskOf(processInstanceId),
        (String) student.get("studentIdNumber"));
  }

  private String taskOf(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
  }

  private static Map<String, Object> nantaiBoy() {
    Map<String, Object> boy = TestStudents.changanGirl();
    LocalDate birthDate = LocalDate.now().minusYears(11).minusDays(3);
    boy.put("studentName", "刘小虎");
    boy.put("studentIdNumber", TestStudents.idNumber(birthDate, true));
    boy.put("gender", "M");
    boy.put("birthDate", birthDate.toString());
    boy.put("schoolCode", TestStudents.NANTAI_SCHOOL);
    boy.put("villageCode", TestStudents.NANTAI_VILLAGE);
    return boy;
  }

  private long contacts(Fixture fixture) {
    return jdbc.queryForObject("select count(*) from contact_log l join dropout_case c on l.case_id = c.id where c.case_number = ?",
        Long.class, fixture.caseNumber());
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  // ---- 一人一档 and children without papers

  private static final java.util.concurrent.atomic.AtomicInteger TWINS = new java.util.concurrent.atomic.AtomicInteger();

  /** Two records of one child, at 长安村小学 and 南台小学: only the county bureau merges them. */
  private String mergeChildren(Role role) {
    int n = TWINS.incrementAndGet();
    String name = "矩" + "甲乙丙丁戊己庚辛壬癸子丑".charAt(n % 12) + "童";
    LocalDate birthDate = LocalDate.now().minusYears(9).minusDays(n * 3L);
    long first = registered(name, birthDate, TestStudents.CHANGAN_SCHOOL, TestStudents.CHANGAN_VILLAGE);
    long second = registered(name, birthDate, TestStudents.NANTAI_SCHOOL, TestStudents.NANTAI_VILLAGE);
    long before = count("child_merge");
    Reply reply = scripts.get(role).postJson("/api/children/merges", "{\"keptChildId\":" + first + ",\"mergedChildId\":" + second + "}");
    long after = count("child_merge");
    Long mergedInto = jdbc.queryForObject("select merged_into_id from student where id = ?", Long.class, second);
    if (role == Role.BUREAU) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(201);
      assertThat(after).isEqualTo(before + 1);
      assertThat(mergedInto).isEqualTo(first);
      return "✅";
    }
    assertThat(mergedInto).isNull();
    return refusedUnchanged(role, reply, before, after);
  }

  private long registered(String name, LocalDate birthDate, String school, String village) {
    String idNumber = TestStudents.idNumber(birthDate, true);
    String csv = "姓名,身份证号,性别,出生日期,学校代码,年级,村代码,监护人,联系电话,在校状态,辍学原因,特殊群体\n"
        + name + "," + idNumber + ",男," + birthDate + "," + school + ",3," + village + ",矩大山,13800000055,在校,,\n";
    Reply imported = Caller.basic(port, "admin").upload("/api/imports/roster", "file", "roster.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).as("%s", imported).isEqualTo(200);
    return jdbc.queryForObject("select id from student where id_number = ?", Long.class, idNumber);
  }

  /** 尖山乡 finds a girl without papers (no school): her township and county record her number, no one else. */
  private String recordIdNumber(Role role) {
    LocalDate birthDate = LocalDate.now().minusYears(10).minusMonths(TWINS.incrementAndGet() % 12);
    Map<String, Object> girl = TestStudents.changanGirl();
    girl.remove("studentIdNumber");
    girl.remove("schoolCode");
    girl.remove("grade");
    girl.put("studentName", "矩摸排");
    girl.put("birthDate", birthDate.toString().substring(0, 7));
    girl.put("source", "SURVEY");
    Fixture found = report("official-jianshan", girl);
    String real = TestStudents.idNumber(birthDate.withDayOfMonth(7), false);
    String before = jdbc.queryForObject("select s.id_number from student s join dropout_case c on c.student_id = s.id where c.case_number = ?",
        String.class, found.caseNumber());
    Reply reply = scripts.get(role).postJson("/api/cases/" + found.caseNumber() + "/id-number", "{\"idNumber\":\"" + real + "\"}");
    String after = jdbc.queryForObject("select s.id_number from student s join dropout_case c on c.student_id = s.id where c.case_number = ?",
        String.class, found.caseNumber());
    if (EnumSet.of(Role.OFFICIAL_A, Role.BUREAU).contains(role)) {
      assertThat(reply.status()).as("%s", reply).isEqualTo(200);
      assertThat(after).isEqualTo(real);
      return "✅";
    }
    assertThat(after).isEqualTo(before);
    assertThat(reply.body()).doesNotContain(real);
    return refusedUnchanged(role, reply, 0, 0);
  }
}
