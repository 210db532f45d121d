package cn.baoxue.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.ClosureEvidence;
import cn.baoxue.testing.TasklistPage;
import cn.baoxue.testing.TestStudents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One child's case, walked through the browser by each role in turn: the teacher reports a child
 * and verifies, the township assigns the helpers, the village cadre records the home visit herself,
 * the school and then the village persuade, the township issues the written order and checks it,
 * the county refers the case by law, the school plans the return, a helper follows up, the cadre
 * uploads her photos (佐证材料) of the visit and the follow-up on the case page, the township approves
 * 销号 seeing the visits, the auditor reads the case. Every page on the way is read as a
 * person reads it (no English, no login id, no group id) and kept as a screenshot.
 */
final class WorkingDay {

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final JdbcTemplate jdbc;
  private final ChineseBrowser browser;
  private final TasklistPage tasklist;
  private final String prefix;
  private final String studentName = "杨小燕" + (System.nanoTime() % 1000);
  private String caseNumber;
  private int step;

  WorkingDay(ChineseBrowser browser, String prefix, RuntimeService runtimeService, ManagementService managementService,
      JdbcTemplate jdbc) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.jdbc = jdbc;
    this.browser = browser;
    this.tasklist = new TasklistPage(browser);
    this.prefix = prefix;
  }

  void walk() {
    assertThat(browser.intlLocale()).as("a Chinese browser down to its Intl").startsWith("zh");
    try {
      teacherReportsAndVerifies();
      townshipAssignsHelpers();
      cadreRecordsTheHomeVisit();
      cadreUploadsAPhotoOf("入户家访", "evidence-home-visit");
      schoolPersuades();
      cadrePersuadesWithTheVillage();
      townshipIssuesTheOrderAndChecksIt();
      countyRefersByLaw();
      schoolPlansTheReturn();
      helperFollowsUp();
      cadreUploadsAPhotoOf("跟踪回访", "evidence-follow-up");
      townshipApprovesClosure();
      auditorReads();
    } catch (RuntimeException | AssertionError e) {
      browser.screenshot(prefix + "-failure");
      throw e;
    }
  }

  private void teacherReportsAndVerifies() {
    browser.logIn("teacher-changan");
    tasklist.open();
    page("tasklist");
    Map<String, Object> child = TestStudents.changanGirl();
    tasklist.startProcess("控辍保学");
    tasklist.type("学生姓名", studentName)
        .type("身份证号", (String) child.get("studentIdNumber"))
        .choose("女")
        .date("出生日期", (String) child.get("birthDate"))
        .type("年级", "6");
    // Her school and its township's only village are preset by name: no code to type.
    browser.waitForValue("学校", "长安村小学");
    browser.waitForValue("户籍村", "长安村");
    tasklist.select("疑似辍学原因", "外出务工");
    page("report-form");
    browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='启动']"));
    browser.waitUntilGone(By.cssSelector(".modal-dialog"));
    caseNumber = runtimeService.createProcessInstanceQuery().variableValueEquals("studentName", studentName)
        .singleResult().getBusinessKey();
    // She is told the case number, and the verification is in her own list.
    browser.waitFor(By.xpath("//*[contains(@class,'baoxue-case-started') and contains(.,'已登记个案 " + caseNumber + "')]"));
    page("reported");
    browser.closeNotifications();

    tasklist.filter("我的待办").searchCase(caseNumber).openTask(studentName, "核实是否辍学");
    tasklist.choose("确认辍学").type("核实情况", "连续两周未到校，电话核实已随父母外出");
    page("verify");
    tasklist.complete();
  }

  private void townshipAssignsHelpers() {
    browser.logIn("official-jianshan");
    tasklist.open().filter("本单位待办").searchCase(caseNumber).openTask(studentName, "指定包保责任人").claim();
    tasklist.select("教育线包保教师", "李明华（教师，长安村小学）").select("行政线包保村干部", "杨国富（村干部，长安村）");
    page("assign-helpers");
    tasklist.complete();
  }

  private void cadreRecordsTheHomeVisit() {
    browser.logIn("cadre-changan");
    tasklist.open().filter("本单位待办").searchCase(caseNumber).openTask(studentName, "入户家访").claim();
    tasklist.date("家访日期", BeijingTime.today().toString())
        .type("见到的人", "孩子的奶奶")
        .select("孩子去向", "外出务工")
        .select("辍学原因", "外出务工")
        .type("家访情况", "孩子随父亲在昆明打工，奶奶答应联系父亲");
    page("home-visit");
    tasklist.complete();
    assertThat(jdbc.queryForObject("select v.recorded_by from home_visit v join dropout_case c on c.id = v.case_id"
        + " where c.case_number = ?", String.class, caseNumber)).as("the visit is the cadre's").isEqualTo("cadre-changan");
  }

  /**
   * 佐证材料: back from the field, the cadre uploads her photo on the case page, on the step just
   * done. 销号 needs one on the home visit and one on the follow-up. The photo's camera model and
   * serial number are stripped; its place and time are kept in their own columns.
   */
  private void cadreUploadsAPhotoOf(String step, String name) {
    browser.go("/cases/" + caseNumber);
    WebElement form = browser.waitFor(By.id("evidence-upload"));
    new Select(form.findElement(By.name("step"))).selectByVisibleText(step + "（已办结）");
    form.findElement(By.name("file")).sendKeys(Path.of("src/test/resources", ClosureEvidence.PHOTO).toAbsolutePath().toString());
    page(name + "-form");
    browser.click(form.findElement(By.xpath(".//button[normalize-space()='上传']")));
    browser.waitFor(By.xpath("//p[contains(@class,'notice') and normalize-space()='佐证材料（照片）已上传']"));
    List<String> rows = browser.texts(By.cssSelector("#evidence-list tr"));
    assertThat(rows.get(rows.size() - 1)).contains(step, "照片", "杨国富", "2026-11-20 10:15");
    page(name);
    byte[] stored = jdbc.queryForObject("select e.content from evidence_item e join dropout_case c on c.id = e.case_id"
        + " where c.case_number = ? order by e.id desc limit 1", byte[].class, caseNumber);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("the camera is stripped from the stored photo")
        .doesNotContain("BaoxueCam", "SN-0042").contains("JFIF");
    assertThat(jdbc.queryForObject("select e.latitude from evidence_item e join dropout_case c on c.id = e.case_id"
        + " where c.case_number = ? order by e.id desc limit 1", Double.class, caseNumber)).isBetween(27.81, 27.82);
  }

  private void schoolPersuades() {
    browser.logIn("teacher-changan");
    tasklist.open().filter("本单位待办").searchCase(caseNumber).openTask(studentName, "学校劝返");
    // The teacher sees who visited, by name.
    browser.waitFor(By.xpath("//*[contains(@class,'fjs-table')]//td[normalize-space()='杨国富']"));
    tasklist.claim();
    tasklist.choose("未复学").type("劝返情况", "电话联系父亲，父亲不同意回来");
    page("persuade-school");
    tasklist.complete();
  }

  private void cadrePersuadesWithTheVillage() {
    browser.logIn("cadre-changan");
    tasklist.open().filter("本单位待办").searchCase(caseNumber).openTask(studentName, "联合劝返（村、乡镇）").claim();
    tasklist.choose("未复学").type("劝返情况", "村委会与乡镇联合上门，家长仍不同意");
    page("persuade-joint");
    tasklist.complete();
  }

  private void townshipIssuesTheOrderAndChecksIt() {
    browser.logIn("official-jianshan");
    tasklist.open().filter("本单位待办").searchCase(caseNumber).openTask(studentName, "下达责令限期复学通知书").claim();
    tasklist.date("限期复学日期", BeijingTime.today().plusDays(10).toString())
        .choose("未复学（待限期届满后核查）")
        .type("送达情况", "已当面送达监护人");
    page("return-order");
    tasklist.complete();
    timePasses("orderDeadlinePassed");
    tasklist.open().filter("本单位待办").searchCase(caseNumber).openTask(studentName, "核查限期复学执行情况").claim();
    tasklist.choose("未复学").type("劝返情况", "限期届满仍未返校");
    tasklist.complete();
  }

  private void countyRefersByLaw() {
    browser.logIn("bureau-zhenxiong");
    tasklist.open().filter("本单位待办").searchCase(caseNumber).openTask(studentName, "依法控辍（县教育局）").claim();
    tasklist.choose("已复学").type("劝返情况", "经司法所送达告诫书后，孩子已返校");
    page("legal-referral");
    tasklist.complete();
  }

  private void schoolPlansTheReturn() {
    browser.logIn("teacher-changan");
    tasklist.open().filter("本单位待办").searchCase(caseNumber).openTask(studentName, "制定复学安置方案（一人一案）").claim();
    tasklist.select("安置方式", "回原班就读").type("一人一案内容", "回原班，班主任每周谈心，免除补课费用");
    page("placement");
    tasklist.complete();
  }

  private void helperFollowsUp() {
    timePasses("followUpDue");
    browser.logIn("cadre-changan");
    tasklist.open().filter("本单位待办").searchCase(caseNumber).openTask(studentName, "跟踪回访").claim();
    tasklist.choose("在校稳定").type("回访情况", "到校看望，孩子上课正常");
    page("follow-up");
    tasklist.complete();
  }

  private void townshipApprovesClosure() {
    browser.logIn("official-jianshan");
    tasklist.open().filter("本单位待办").searchCase(caseNumber).openTask(studentName, "审批销号").claim();
    // The township decides explicitly, seeing every visit, persuasion attempt and follow-up and who made it.
    List<String> rows = browser.texts(By.cssSelector(".fjs-table tbody tr"));
    assertThat(rows.get(0)).contains("入户家访", "杨国富", "孩子随父亲在昆明打工");
    assertThat(rows.get(1)).contains("学校劝返", "李明华", "未复学");
    assertThat(String.join("\n", rows)).contains("杨国富", "依法控辍", "周正华", "已复学");
    assertThat(rows.get(rows.size() - 1)).contains("跟踪回访", "杨国富", "在校稳定", "到校看望，孩子上课正常");
    tasklist.choose("同意销号").type("审批意见", "复学稳定，同意销号");
    page("approve-closure");
    tasklist.complete();
    assertThat(jdbc.queryForMap("select r.approved, r.comment, r.recorded_by from closure_review r"
        + " join dropout_case c on c.id = r.case_id where c.case_number = ?", caseNumber))
        .containsEntry("APPROVED", true).containsEntry("COMMENT", "复学稳定，同意销号")
        .containsEntry("RECORDED_BY", "official-jianshan");
    assertThat(jdbc.queryForObject("select status from dropout_case where case_number = ?", String.class, caseNumber))
        .isEqualTo("CLOSED");
  }

  private void auditorReads() {
    browser.logIn("auditor");
    browser.go("/");
    page("auditor-home");
    browser.go("/cases/" + caseNumber);
    browser.waitFor(By.xpath("//*[contains(normalize-space(.),'" + caseNumber + "')]"));
    page("auditor-case");
    browser.go("/cases/" + caseNumber + "/timeline");
    browser.waitFor(By.xpath("//*[contains(normalize-space(.),'杨国富')]"));
    page("auditor-timeline");
    assertThat(browser.visibleText()).as("no raw values in the timeline").doesNotContain("[]", "null");
  }

  /** Time passes: the process's own wait ends (never a task's escalation timer), as the job executor would end it. */
  private void timePasses(String waitingEvent) {
    String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("dropout-case").singleResult().getId();
    List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId(waitingEvent).list();
    assertThat(due).as("the case waits at %s", waitingEvent).isNotEmpty();
    due.forEach(job -> managementService.executeJob(job.getId()));
  }

  /** The page as a person reads it, kept as a screenshot. */
  private void page(String name) {
    browser.screenshot("%s-%02d-%s".formatted(prefix, ++step, name));
    browser.assertReadableByPeople(prefix + " " + name);
  }
}
