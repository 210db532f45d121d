package cn.baoxue.org;

import cn.baoxue.kernel.identity.OrgUnitType;
import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import cn.baoxue.web.Spreadsheet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/admin/org} and {@code POST /api/admin/staff}: a county without demo data goes
 * live from two files; a file with any bad row is refused whole and writes nothing; importing a
 * file again updates, never duplicates, and never resets a password.
 */
@BaoxueWebTest
class OrgImportTests {

  static final List<String> ORG_HEADER = List.of("类型", "代码", "名称", "上级代码");
  static final List<String> STAFF_HEADER = List.of("用户名", "姓名", "单位代码", "角色", "初始密码");
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identityService;
  @Autowired OrgUnitRepository units;
  @Autowired JdbcClient jdbc;

  @Test
  void aCountyGoesLiveFromItsFilesAndItsNewTeacherWorksItsSchoolsCases() throws IOException {
    // 盐津县, as its bureau would type it in Excel: children before their parents is fine.
    ByteArrayOutputStream org = new ByteArrayOutputStream();
    try (Spreadsheet sheet = Spreadsheet.to(org)) {
      sheet.sheet("组织机构", ORG_HEADER);
      sheet.row("学校", 5306230001L, "角奎小学", 530623101201L);
      sheet.row("县", 530623, "盐津县", null);
      sheet.row("乡镇", 530623101, "角奎镇", 530623);
      sheet.row("村", 530623101201L, "发达村", 530623101);
    }

    var orgImported = upload("admin", "/api/admin/org", "盐津县组织机构.xlsx", org.toByteArray());

    assertThat(orgImported.getStatusCode()).as("%s", orgImported.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(orgImported.getBody()).containsEntry("created", 4).containsEntry("updated", 0);
    assertThat(units.findById("5306230001")).get().satisfies(school -> {
      assertThat(school.getName()).isEqualTo("角奎小学");
      assertThat(school.getType()).isEqualTo(OrgUnitType.SCHOOL);
      assertThat(school.getParentCode()).isEqualTo("530623101201");
    });
    assertThat(identityService.createGroupQuery().groupIdIn("school_5306230001", "village_530623101201",
        "township_530623101", "county_530623", "womenfed_530623").count()).isEqualTo(5);

    var staffImported = upload("admin", "/api/admin/staff", "盐津县人员.csv", csv(STAFF_HEADER,
        List.of("yl-teacher-jiaokui", "欧阳晓雪", "5306230001", "教师", "Jiaokui#2026"),
        List.of("yl-principal-jiaokui", "马国良", "5306230001", "校长", "Xiaozhang@2026"),
        List.of("yl-cadre-fada", "陆发达", "530623101201", "村干部", "Cunwei!2026x"),
        List.of("yl-official-jiaokui", "安文", "530623101", "乡镇干部", "Xiangzhen#2026"),
        List.of("yl-bureau", "龙正", "530623", "教育局", "Jiaoyuju#2026"),
        List.of("yl-womenfed", "禄秀", "530623", "妇联", "Fulian#20261"),
        List.of("yl-auditor", "普平", "530623", "审计", "Shenji#20261")));

    assertThat(staffImported.getStatusCode()).as("%s", staffImported.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(staffImported.getBody()).containsEntry("created", 7).containsEntry("updated", 0);
    User teacher = identityService.createUserQuery().userId("yl-teacher-jiaokui").singleResult();
    assertThat(teacher.getLastName() + "|" + teacher.getFirstName()).isEqualTo("欧阳|晓雪");
    assertThat(groupsOf("yl-teacher-jiaokui")).containsExactly("school_5306230001");
    assertThat(groupsOf("yl-principal-jiaokui")).containsExactlyInAnyOrder("school_5306230001", "principals");
    assertThat(groupsOf("yl-cadre-fada")).containsExactly("village_530623101201");
    assertThat(groupsOf("yl-official-jiaokui")).containsExactly("township_530623101");
    assertThat(groupsOf("yl-bureau")).containsExactly("county_530623");
    assertThat(groupsOf("yl-womenfed")).containsExactly("womenfed_530623");
    assertThat(groupsOf("yl-auditor")).containsExactly("auditors");

    // The new teacher logs in with her initial password and reports a child of her school...
    TestRestTemplate newTeacher = anonymous.withBasicAuth("yl-teacher-jiaokui", "Jiaokui#2026");
    Map<String, Object> child = TestStudents.changanGirl();
    child.put("schoolCode", "5306230001");
    child.put("villageCode", "530623101201");
    ResponseEntity<Map<String, Object>> started = newTeacher.exchange(
        "/engine-rest/process-definition/key/dropout-case/start", HttpMethod.POST,
        json(Map.of("variables", typed(child))), JSON);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
    String processInstanceId = (String) started.getBody().get("id");
    assertThat((String) started.getBody().get("businessKey")).startsWith("530623-");

    // ...and finds its verify task among her school's tasks; another county's teacher does not.
    ResponseEntity<List<Map<String, Object>>> tasks = newTeacher.exchange(
        "/engine-rest/task?candidateGroup=school_5306230001", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {});
    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasks.getBody())
        .filteredOn(task -> processInstanceId.equals(task.get("processInstanceId")))
        .extracting(task -> task.get("taskDefinitionKey"))
        .containsExactly("verify");
    assertThat(EngineRest.as(anonymous, "teacher-changan").tasks(processInstanceId)).isEmpty();
  }

  @Test
  void aFileWithBadRowsIsRefusedWholeWithEveryBadRowAndWritesNothing() {
    Footprint before = footprint();

    var org = upload("admin", "/api/admin/org", "坏组织.csv", csv(ORG_HEADER,
        List.of("县", "530629", "威信县", ""),
        List.of("乡镇", "53062910", "短代码镇", "530629"),
        List.of("村", "530629101201", "无上级村", "530629999"),
        List.of("学校", "5306290001", "挂错学校", "530629"),
        List.of("学校", "5306290002", "", "530629101201"),
        List.of("区", "530630", "某区", ""),
        List.of("县", "530629", "威信县重复", ""),
        List.of("县", "530631", "有上级的县", "530000"),
        List.of("乡镇", "530629101", "扎西镇", "530629")));

    assertThat(org.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(org.getBody()).containsEntry("accepted", false).containsEntry("badRowCount", 7);
    assertThat((String) org.getBody().get("message")).contains("7行不符合要求", "整份文件未导入");
    List<Map<String, Object>> orgBad = badRows(org);
    assertThat(orgBad).extracting(row -> row.get("line")).containsExactly(3, 4, 5, 6, 7, 8, 9);
    assertThat(problemsOf(orgBad, 3)).contains("乡镇代码须为9位数字：53062910");
    assertThat(problemsOf(orgBad, 4)).contains("上级代码530629999不存在");
    assertThat(problemsOf(orgBad, 5)).contains("学校的上级须为村，530629是县");
    assertThat(problemsOf(orgBad, 6)).contains("名称不能为空");
    assertThat(problemsOf(orgBad, 7)).contains("未知的类型：区");
    assertThat(problemsOf(orgBad, 8)).contains("代码与第2行重复");
    assertThat(problemsOf(orgBad, 9)).contains("县的上级须为市，530000是省");
    assertThat(footprint()).isEqualTo(before);

    var staff = upload("admin", "/api/admin/staff", "坏人员.csv", csv(STAFF_HEADER,
        List.of("good-teacher-1", "好老师", TestStudents.CHANGAN_SCHOOL, "教师", "Haolaoshi#2026"),
        List.of("张老师", "张老师", TestStudents.CHANGAN_SCHOOL, "教师", "Zhanglaoshi#2026"),
        List.of("nobody-school", "无校", "5306279999", "教师", "Wuxiao#20261"),
        List.of("wrong-unit", "错位", TestStudents.CHANGAN_VILLAGE, "校长", "Cuowei#20261"),
        List.of("odd-role", "怪角色", "530627", "局长", "Guai#2026abc"),
        List.of("GOOD-teacher-1", "重名", TestStudents.CHANGAN_SCHOOL, "教师", "Chongming#2026"),
        List.of("no-password", "无密码", TestStudents.CHANGAN_SCHOOL, "教师", ""),
        List.of("weak-password", "弱密码", TestStudents.CHANGAN_SCHOOL, "教师", "abc")));

    assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(staff.getBody()).containsEntry("accepted", false).containsEntry("badRowCount", 7);
    List<Map<String, Object>> staffBad = badRows(staff);
    assertThat(staffBad).extracting(row -> row.get("line")).containsExactly(3, 4, 5, 6, 7, 8, 9);
    assertThat(problemsOf(staffBad, 3)).contains("用户名只能由英文字母、数字、下划线和连字符组成");
    assertThat(problemsOf(staffBad, 4)).contains("单位代码5306279999不存在");
    assertThat(problemsOf(staffBad, 5)).contains("角色“校长”须属于学校，长安村（530627205201）是村");
    assertThat(problemsOf(staffBad, 6)).contains("未知的角色：局长");
    assertThat(problemsOf(staffBad, 7)).contains("用户名与第2行重复");
    assertThat(problemsOf(staffBad, 8)).contains("新账号的初始密码不能为空");
    assertThat(problemsOf(staffBad, 9)).contains("初始密码不符合密码策略", "至少10个字符", "至少含1个大写字母");
    assertThat(footprint()).isEqualTo(before);
    assertThat(identityService.createUserQuery().userId("good-teacher-1").count()).isZero();
  }

  @Test
  void aWeakInitialPasswordIsRefusedNamingTheRuleItBreaks() {
    Footprint before = footprint();

    var response = upload("admin", "/api/admin/staff", "密码.csv", csv(STAFF_HEADER,
        List.of("pw-short", "短密", TestStudents.CHANGAN_SCHOOL, "教师", "Ab1!xyz"),
        List.of("pw-lower", "小写", TestStudents.CHANGAN_SCHOOL, "教师", "abcdefgh1!"),
        List.of("pw-digit", "数字", TestStudents.CHANGAN_SCHOOL, "教师", "Abcdefghi!"),
        List.of("pw-special", "特殊", TestStudents.CHANGAN_SCHOOL, "教师", "Abcdefghi1"),
        List.of("pw-own-name", "自名", TestStudents.CHANGAN_SCHOOL, "教师", "Pw-own-name#1")));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<Map<String, Object>> bad = badRows(response);
    assertThat(bad).hasSize(5);
    assertThat(problemsOf(bad, 2)).contains("至少10个字符").doesNotContain("大写");
    assertThat(problemsOf(bad, 3)).contains("至少含1个大写字母");
    assertThat(problemsOf(bad, 4)).contains("至少含1个数字");
    assertThat(problemsOf(bad, 5)).contains("至少含1个特殊字符");
    assertThat(problemsOf(bad, 6)).contains("不能包含用户名或姓名");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void importingUpdatedFilesAgainUpdatesWithoutDuplicatesAndKeepsPasswords() {
    List<String> county = List.of("县", "530630", "盐津县", "");
    List<String> townA = List.of("乡镇", "530630101", "盐井镇", "530630");
    List<String> townB = List.of("乡镇", "530630102", "普洱镇", "530630");
    List<String> village = List.of("村", "530630101201", "黄草坪村", "530630101");
    List<String> school = List.of("学校", "5306300001", "盐井小学", "530630101201");
    assertThat(upload("admin", "/api/admin/org", "盐津.csv", csv(ORG_HEADER, county, townA, townB, village, school))
        .getBody()).containsEntry("created", 5);
    var first = upload("admin", "/api/admin/staff", "盐津人员.csv", csv(STAFF_HEADER,
        List.of("yj-teacher", "王芳", "5306300001", "教师", "Yanjin#2026a"),
        List.of("yj-cadre", "李强", "530630101201", "村干部", "Yanjin#2026b")));
    assertThat(first.getBody()).containsEntry("created", 2);
    // The administrator also made yj-teacher a member of a group of her own in Camunda Admin.
    identityService.createMembership("yj-teacher", "principals");
    Footprint afterFirst = footprint();

    // The school renamed, the village moved to the other township; the same rows again otherwise.
    var org = upload("admin", "/api/admin/org", "盐津.csv", csv(ORG_HEADER, county, townA, townB,
        List.of("村", "530630101201", "黄草坪村", "530630102"), List.of("学校", "5306300001", "盐井镇中心小学", "530630101201")));
    assertThat(org.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(org.getBody()).containsEntry("created", 0).containsEntry("updated", 5);
    assertThat(units.findById("5306300001").orElseThrow().getName()).isEqualTo("盐井镇中心小学");
    assertThat(units.findById("530630101201").orElseThrow().getParentCode()).isEqualTo("530630102");
    assertThat(identityService.createGroupQuery().groupId("school_5306300001").singleResult().getName())
        .isEqualTo("盐井镇中心小学");

    // The teacher is now a principal with a new surname; the cadre went to the township; new passwords ignored.
    var staff = upload("admin", "/api/admin/staff", "盐津人员.csv", csv(STAFF_HEADER,
        List.of("yj-teacher", "张芳", "5306300001", "校长", "Other#Password1"),
        List.of("yj-cadre", "李强", "530630102", "乡镇干部", "")));
    assertThat(staff.getStatusCode()).as("%s", staff.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(staff.getBody()).containsEntry("created", 0).containsEntry("updated", 2);
    assertThat(groupsOf("yj-teacher")).containsExactlyInAnyOrder("school_5306300001", "principals");
    assertThat(groupsOf("yj-cadre")).containsExactly("township_530630102");
    User teacher = identityService.createUserQuery().userId("yj-teacher").singleResult();
    assertThat(teacher.getLastName() + teacher.getFirstName()).isEqualTo("张芳");
    assertThat(identityService.checkPassword("yj-teacher", "Yanjin#2026a")).isTrue();
    assertThat(identityService.checkPassword("yj-teacher", "Other#Password1")).isFalse();
    assertThat(identityService.checkPassword("yj-cadre", "Yanjin#2026b")).isTrue();
    Footprint afterAgain = footprint();
    assertThat(afterAgain.orgUnits()).isEqualTo(afterFirst.orgUnits());
    assertThat(afterAgain.users()).isEqualTo(afterFirst.users());
    assertThat(afterAgain.groups()).isEqualTo(afterFirst.groups());
    assertThat(afterAgain.authorizations()).isEqualTo(afterFirst.authorizations());

    // A teacher again: the principal's group goes, even the one given by hand in Admin.
    upload("admin", "/api/admin/staff", "盐津人员.csv", csv(STAFF_HEADER,
        List.of("yj-teacher", "张芳", "5306300001", "教师", "")));
    assertThat(groupsOf("yj-teacher")).containsExactly("school_5306300001");
  }

  @Test
  void onlyAdministratorsMayImportOrSeeTheImportPages() {
    Footprint before = footprint();
    byte[] org = csv(ORG_HEADER, List.of("县", "530632", "绥江县", ""));
    for (String user : List.of("teacher-changan", "bureau-zhenxiong", "auditor")) {
      assertThat(upload(user, "/api/admin/org", "org.csv", org).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(upload(user, "/api/admin/staff", "staff.csv",
          csv(STAFF_HEADER, List.of("sneaky", "某某", "530627", "教育局", "Sneaky#20261"))).getStatusCode())
          .as(user).isEqualTo(HttpStatus.FORBIDDEN);
      ResponseEntity<String> orgPage = page(user, "/admin/org");
      assertThat(orgPage.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(orgPage.getBody()).as(user).contains("您没有权限访问此页面");
      assertThat(page(user, "/admin/staff").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(page(user, "/").getBody()).as(user).doesNotContain("/admin/org");
    }
    var refused = upload("teacher-changan", "/api/admin/org", "org.csv", org);
    assertThat((String) refused.getBody().get("message")).isEqualTo("只有系统管理员可以导入组织机构和工作人员账号");
    assertThat(footprint()).isEqualTo(before);

    assertThat(page("admin", "/admin/org").getBody()).contains("组织机构导入", "上级代码");
    assertThat(page("admin", "/admin/staff").getBody()).contains("工作人员账号导入", "不会重置密码");
    assertThat(page("admin", "/").getBody()).contains("/admin/org", "/admin/staff");
  }

  @Test
  void aFileThatIsNotAnOrgFileIsRefusedWithItsMissingColumns() {
    var letter = upload("admin", "/api/admin/org", "信.csv", "尊敬的领导：\n您好！".getBytes(StandardCharsets.UTF_8));
    assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) letter.getBody().get("message")).contains("不是组织机构表头", "缺少列：类型、代码、名称、上级代码");
    var headerOnly = upload("admin", "/api/admin/staff", "空.csv", csv(STAFF_HEADER));
    assertThat((String) headerOnly.getBody().get("message")).isEqualTo("文件只有表头，没有人员数据");
  }

  // --- helpers ---

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  @SafeVarargs
  private static byte[] csv(List<String> header, List<String>... rows) {
    StringBuilder text = new StringBuilder(String.join(",", header)).append("\r\n");
    for (List<String> row : rows) {
      text.append(String.join(",", row)).append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aCountysDepartmentsAndTheirOfficersComeFromTheSameFilesAndSeeNoCase() {
    // 威信县's police and civil affairs (baoxue.departments 01, 02); a number no department has; another county's code.
    var refused = upload("admin", "/api/admin/org", "威信部门坏.csv", csv(ORG_HEADER,
        List.of("部门", "53062999", "威信县某局", "530629"),
        List.of("部门", "53062801", "威信县公安局", "530629"),
        List.of("部门", "5306290", "威信县民政局", "530629")));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badRows(refused)).extracting(row -> row.get("problems").toString())
        .anySatisfy(problem -> assertThat(problem).contains("部门代码的末两位须为已配置的部门编号"))
        .anySatisfy(problem -> assertThat(problem).contains("部门代码须以所属县的代码开头"))
        .anySatisfy(problem -> assertThat(problem).contains("部门代码须为8位数字"));
    assertThat(units.findById("53062999")).isEmpty();

    var imported = upload("admin", "/api/admin/org", "威信部门.csv", csv(ORG_HEADER,
        List.of("部门", "53062901", "威信县公安局", "530629"),
        List.of("部门", "53062902", "威信县民政局", "530629")));
    assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(units.findById("53062901")).get().satisfies(unit -> {
      assertThat(unit.getType()).isEqualTo(OrgUnitType.DEPARTMENT);
      assertThat(unit.getParentCode()).isEqualTo("530629");
    });
    assertThat(identityService.createGroupQuery().groupId("dept_53062901").singleResult().getName()).isEqualTo("威信县公安局");

    var staff = upload("admin", "/api/admin/staff", "威信部门人员.csv", csv(STAFF_HEADER,
        List.of("wx-police", "杨光明", "53062901", "部门工作人员", "Gongan#20261")));
    assertThat(staff.getStatusCode()).as("%s", staff.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(identityService.createGroupQuery().groupMember("wx-police").list()).extracting(group -> group.getId())
        .containsExactly("dept_53062901");
    // Her group gives her no jurisdiction: no case, no ledger of 威信县.
    var cases = anonymous.withBasicAuth("wx-police", "Gongan#20261").getForEntity("/api/cases", String.class);
    assertThat(cases.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cases.getBody()).doesNotContain("caseNumber");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> badRows(ResponseEntity<Map<String, Object>> response) {
    return (List<Map<String, Object>>) response.getBody().get("badRows");
  }

  private static String problemsOf(List<Map<String, Object>> badRows, int line) {
    return badRows.stream().filter(row -> Integer.valueOf(line).equals(row.get("line"))).findFirst()
        .map(row -> String.valueOf(row.get("problems"))).orElse("");
  }

  private ResponseEntity<Map<String, Object>> upload(String user, String path, String fileName, byte[] content) {
    return EngineRest.as(anonymous, user).upload(path, fileName, content);
  }

  private ResponseEntity<String> page(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    return anonymous.withBasicAuth(user, EngineRest.DEMO_PASSWORD)
        .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static Map<String, Object> typed(Map<String, Object> variables) {
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }

  record Footprint(long orgUnits, long users, long groups, long memberships, long authorizations) {}

  private Footprint footprint() {
    return new Footprint(
        units.count(),
        count("ACT_ID_USER"),
        count("ACT_ID_GROUP"),
        count("ACT_ID_MEMBERSHIP"),
        count("ACT_RU_AUTHORIZATION"));
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
