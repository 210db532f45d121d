package cn.baoxue.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.baoxue.cases.ContactLogRepository;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.cases.HomeVisitRepository;
import cn.baoxue.cases.PersuasionAttemptRepository;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.EngineRest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 保学外勤 on a phone in Chinese Chromium, without signal: DevTools' network emulation cuts the
 * page off (and the test checks that a request from the page really fails), the cadre records a
 * home visit and a contact, closes the page, opens it again still offline — the entries wait on
 * the phone — and comes back online: they are sent, recorded once, and the audit chain holds. In
 * the second test the teacher records the same visit first; the cadre is asked, keeps hers as a
 * contact record, and nothing is lost or applied twice.
 */
@BaoxueWebTest
class FieldAppBrowserTests {

  /** A photo taken in the field, with EXIF (the evidence tests' own). */
  private static final Path PHOTO = Path.of("src", "test", "resources", "evidence", "home-visit.jpg");

  @RegisterExtension static BrowserPerClass phone = BrowserPerClass.onPhone();

  @Autowired TestRestTemplate anonymous;
  @Autowired HomeVisitRepository visits;
  @Autowired PersuasionAttemptRepository attempts;
  @Autowired ContactLogRepository contacts;
  @Autowired DropoutCaseRepository cases;
  @Autowired FieldEntryLog entryLog;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService historyService;
  @LocalServerPort int port;

  /** Each test starts with the network on, whatever the last one left. */
  @BeforeEach
  void networkOn() {
    online(phone.browser());
  }

  @Test
  void theCadreRecordsAHomeVisitAndAContactOfflineClosesThePageAndTheyAreSentWhenTheNetworkReturns() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    ChineseBrowser browser = phone.browser();
    assertThat(browser.intlLocale()).startsWith("zh");
    openTheApp(browser, changan);
    assertThat(browser.waitFor(By.id("bell")).getText()).as("the bell with her unread notifications").matches("通知 \\d+");
    browser.screenshot("field-phone-today");
    browser.assertReadableByPeople("外勤 今日工作");

    browser.go("/m/#case/" + changan.caseNumber());
    browser.waitFor(By.xpath("//h1[contains(., '王小梅')]"));
    assertThat(browser.visibleText()).contains("138****0001", "李明华", "杨国富", "长安村", "（个人信息已部分隐去）");
    browser.screenshot("field-phone-case");
    browser.assertReadableByPeople("外勤 个案卡片");

    offline(browser);
    recordHomeVisit(browser, changan, "杨国富离线登记：孩子在家，答应下周一返校", true);
    waitForText(browser, "queued", "待发送 1 条");
    assertThat(browser.visibleText()).contains("附佐证材料 2 件");
    browser.go("/m/#entry/CONTACT/-/" + changan.caseNumber());
    new Select(browser.waitFor(By.id("f-type"))).selectByVisibleText("电话联系");
    browser.driver().findElement(By.id("f-notes")).sendKeys("给父亲打电话，提醒周一送孩子");
    browser.click(By.id("save"));
    waitForText(browser, "queued", "待发送 2 条");
    assertThat(browser.visibleText()).contains("离线", "等待发送");
    browser.screenshot("field-phone-queued-offline");
    browser.assertReadableByPeople("外勤 待发送（离线）");
    assertThat(entryLog.countFor(changan.caseNumber())).as("nothing reached the server while offline").isZero();

    // Close the page; open the app again, still without signal: the entries are still there.
    ChromeDriver driver = browser.driver();
    String closed = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    String reopened = driver.getWindowHandle();
    driver.switchTo().window(closed).close();
    driver.switchTo().window(reopened);
    // The phone's viewport belongs to the closed tab's DevTools session: the new tab gets it too.
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 360, "height", 800, "deviceScaleFactor", 2, "mobile", false));
    offline(browser);
    browser.go("/m/#queue");
    waitForText(browser, "queued", "待发送 2 条");
    assertThat(browser.texts(By.cssSelector(".queue-entry h3"))).hasSize(2);
    assertThat(entryLog.countFor(changan.caseNumber())).isZero();

    online(browser);
    waitForText(browser, "queued", "待发送 0 条");
    browser.waitFor(By.cssSelector(".sent-entry"));
    assertThat(browser.visibleText()).contains("入户家访已登记", "帮扶记录已登记");
    browser.screenshot("field-phone-sent");
    browser.assertReadableByPeople("外勤 已发送");

    Long caseId = cases.findByCaseNumber(changan.caseNumber()).orElseThrow().getId();
    assertThat(visits.findByCaseIdOrderByRecordedAtAscIdAsc(caseId)).singleElement().satisfies(visit -> {
      assertThat(visit.getRecordedBy()).isEqualTo("cadre-changan");
      assertThat(visit.getNotes()).isEqualTo("杨国富离线登记：孩子在家，答应下周一返校");
    });
    assertThat(contacts.findByCaseIdOrderByRecordedAtAscIdAsc(caseId)).singleElement()
        .satisfies(contact -> assertThat(contact.getNotes()).isEqualTo("给父亲打电话，提醒周一送孩子"));
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(changan.processInstanceId())
        .taskDefinitionKey("homeVisit").finished().count()).isEqualTo(1);
    assertThat(entryLog.countFor(changan.caseNumber())).isEqualTo(2);
    List<Map<String, Object>> evidence =
        EngineRest.as(anonymous, "teacher-changan").getList("/api/cases/" + changan.caseNumber() + "/evidence").getBody();
    assertThat(evidence).hasSize(2).allSatisfy(item -> {
      assertThat(item.get("step")).isEqualTo(changan.homeVisitTaskId());
      assertThat((String) item.get("sha256")).matches("[0-9a-f]{64}");
    });
    assertThat(evidence).extracting(item -> item.get("contentType")).containsExactlyInAnyOrder("image/jpeg", "image/png");

    // The case page shows the visit, its evidence and their hashes.
    browser.go("/cases/" + changan.caseNumber());
    browser.waitFor(By.id("evidence-list"));
    assertThat(browser.visibleText()).contains("杨国富离线登记：孩子在家，答应下周一返校", "给父亲打电话，提醒周一送孩子");
    assertThat(browser.texts(By.cssSelector("#evidence-list td.hash")))
        .containsExactlyInAnyOrderElementsOf(evidence.stream().map(item -> (String) item.get("sha256")).toList());
    browser.screenshot("field-phone-case-page-evidence");
    assertThat(EngineRest.as(anonymous, "auditor").get("/api/audit/verify").getBody()).containsEntry("intact", true);

    try (ChineseBrowser desk = ChineseBrowser.open(port)) {
      desk.logIn("cadre-changan");
      desk.go("/m/#case/" + changan.caseNumber());
      desk.waitFor(By.xpath("//h2[contains(., '最近的走访与联系')]"));
      desk.waitFor(By.xpath("//li[contains(., '入户家访')]"));
      desk.screenshot("field-desk-case");
      desk.assertReadableByPeople("外勤 个案卡片（电脑）");
    }
  }

  @Test
  void whenTheTeacherRecordedTheVisitFirstTheCadreIsAskedAndKeepsHersAsAContact() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    ChineseBrowser browser = phone.browser();
    online(browser);
    openTheApp(browser, changan);
    offline(browser);
    recordHomeVisit(browser, changan, "杨国富离线登记：孩子在山上放牛", false);
    waitForText(browser, "queued", "待发送 1 条");

    assertThat(EngineRest.as(anonymous, "teacher-changan")
        .complete(changan.homeVisitTaskId(), FieldCases.visit("李明华登记：孩子在家")).getStatusCode().value()).isEqualTo(204);

    online(browser);
    browser.waitFor(By.cssSelector(".queue-entry.conflict"));
    assertThat(browser.visibleText()).contains("需要您处理", "已由李明华", "办理完成", "保留为联系记录", "放弃", "案件在您填写后已有变化");
    browser.screenshot("field-phone-conflict");
    browser.assertReadableByPeople("外勤 冲突");
    Long caseId = cases.findByCaseNumber(changan.caseNumber()).orElseThrow().getId();
    assertThat(contacts.findByCaseIdOrderByRecordedAtAscIdAsc(caseId)).isEmpty();

    browser.click(By.cssSelector(".queue-entry.conflict button[data-choice='CONTACT']"));
    waitForText(browser, "queued", "待发送 0 条");
    browser.waitFor(By.xpath("//div[contains(@class,'sent-entry')][contains(., '已保留为联系记录')]"));
    browser.screenshot("field-phone-kept-as-contact");

    assertThat(visits.findByCaseIdOrderByRecordedAtAscIdAsc(caseId)).singleElement()
        .satisfies(visit -> assertThat(visit.getRecordedBy()).isEqualTo("teacher-changan"));
    assertThat(contacts.findByCaseIdOrderByRecordedAtAscIdAsc(caseId)).singleElement().satisfies(contact -> {
      assertThat(contact.getRecordedBy()).isEqualTo("cadre-changan");
      assertThat(contact.getNotes()).contains("孩子在山上放牛");
    });
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(changan.processInstanceId())
        .taskDefinitionKey("homeVisit").count()).isEqualTo(1);
    assertThat(EngineRest.as(anonymous, "auditor").get("/api/audit/verify").getBody()).containsEntry("intact", true);

    assertThat(browser.contentSecurityPolicyViolations()).isEmpty();

    // 退出 wipes the phone's copy (IndexedDB and the caches), then logs out.
    browser.go("/m/#today");
    browser.waitFor(By.id("logout"));
    ((JavascriptExecutor) browser.driver()).executeScript("window.confirm = function () { return true; };");
    browser.click(By.id("logout"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/login"));
    Object left = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "Promise.all([indexedDB.databases(), caches.keys()]).then(function (r) {"
            + "  done(r[0].map(function (d) { return d.name; }).concat(r[1]).join(',')); }, function (e) { done('error ' + e); });");
    assertThat(left).as("databases and caches left after 退出").isEqualTo("");
    assertThat(EngineRest.as(anonymous, "auditor").get("/api/audit/verify").getBody()).containsEntry("intact", true);

    // The next login on this phone keeps the whole shell again (its worker stayed installed), so
    // the app opens without signal for her too.
    FieldCases.AtHomeVisit next = FieldCases.changan(anonymous);
    openTheApp(browser, next);
    offline(browser);
    browser.driver().navigate().refresh();
    browser.waitFor(By.cssSelector("[data-task='" + next.homeVisitTaskId() + "']"));
    online(browser);
  }

  @Test
  void whenTheCadreRecordedTheVisitFirstTheTeacherReentersHersOnTheSchoolsPersuasion() throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    ChineseBrowser browser = phone.browser();
    online(browser);
    openTheApp(browser, changan, "teacher-changan");
    offline(browser);
    recordHomeVisit(browser, changan, "李明华离线登记：与母亲谈了一小时，母亲同意劝孩子", false);
    waitForText(browser, "queued", "待发送 1 条");

    assertThat(EngineRest.as(anonymous, "cadre-changan")
        .complete(changan.homeVisitTaskId(), FieldCases.visit("杨国富登记：孩子在家")).getStatusCode().value()).isEqualTo(204);
    online(browser);
    browser.click(By.cssSelector(".queue-entry.conflict button[data-choice='REENTER']"));
    browser.waitFor(By.id("typed-before"));
    assertThat(browser.visibleText()).contains("您原来填写的内容（入户家访）", "见到的人：父亲王大山", "孩子去向：在家");
    assertThat(browser.driver().findElement(By.id("f-persuasionNotes")).getAttribute("value"))
        .isEqualTo("李明华离线登记：与母亲谈了一小时，母亲同意劝孩子");
    new Select(browser.driver().findElement(By.id("f-persuasionResult"))).selectByVisibleText("未复学");
    browser.screenshot("field-phone-reenter");
    browser.assertReadableByPeople("外勤 在当前环节重新填写");
    browser.click(By.id("save"));
    waitForText(browser, "queued", "待发送 0 条");

    Long caseId = cases.findByCaseNumber(changan.caseNumber()).orElseThrow().getId();
    assertThat(visits.findByCaseIdOrderByRecordedAtAscIdAsc(caseId)).singleElement()
        .satisfies(visit -> assertThat(visit.getRecordedBy()).isEqualTo("cadre-changan"));
    assertThat(attempts.findByCaseIdOrderByRecordedAtAscIdAsc(caseId)).singleElement().satisfies(attempt -> {
      assertThat(attempt.getRecordedBy()).isEqualTo("teacher-changan");
      assertThat(attempt.getNotes()).isEqualTo("李明华离线登记：与母亲谈了一小时，母亲同意劝孩子");
    });
  }

  @Test
  void casesAndTasksKeptLongerThanTheConfiguredDaysAreWipedWhenTheAppOpensButQueuedEntriesAreNot() {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    ChineseBrowser browser = phone.browser();
    online(browser);
    openTheApp(browser, changan);
    offline(browser);
    recordHomeVisit(browser, changan, "八天前的登记", false);
    waitForText(browser, "queued", "待发送 1 条");
    // Eight days pass (baoxue.field.cache-days is 7): the phone's copy is as old as that.
    Object aged = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "var open = indexedDB.open('baoxue-field'); open.onsuccess = function () {"
            + "  var tx = open.result.transaction('data', 'readwrite'); var s = tx.objectStore('data');"
            + "  s.getAll().onsuccess = function (e) { e.target.result.forEach(function (row) {"
            + "    row.savedAt = Date.now() - 8 * 24 * 3600 * 1000; s.put(row); }); };"
            + "  tx.oncomplete = function () { open.result.close(); done('aged'); }; };");
    assertThat(aged).isEqualTo("aged");
    browser.driver().navigate().refresh();
    waitForText(browser, "queued", "待发送 1 条");
    browser.go("/m/#today");
    browser.waitFor(By.xpath("//h1[.='今日工作']"));
    assertThat(browser.driver().findElements(By.cssSelector("[data-task]"))).isEmpty();
    browser.go("/m/#cases");
    browser.waitFor(By.xpath("//h1[.='我的个案']"));
    assertThat(browser.visibleText()).doesNotContain("王小梅").contains("已超过 7 天，已删除");
    browser.screenshot("field-phone-expired");

    online(browser);
    waitForText(browser, "queued", "待发送 0 条");
    Long caseId = cases.findByCaseNumber(changan.caseNumber()).orElseThrow().getId();
    assertThat(visits.findByCaseIdOrderByRecordedAtAscIdAsc(caseId)).singleElement()
        .satisfies(visit -> assertThat(visit.getNotes()).isEqualTo("八天前的登记"));
  }

  /**
   * Besides the photo: a voice note and a scanned 承诺书 as PDF from the phone's files, and the place
   * of the visit from its GPS when she ticks 记录拍摄地点 — all kept with the visit, each known by its
   * bytes on the server, each carrying the place.
   */
  @Test
  void theCadreAddsAVoiceNoteAScanAndThePlaceOfTheVisit(@TempDir Path files) throws Exception {
    FieldCases.AtHomeVisit changan = FieldCases.changan(anonymous);
    ChineseBrowser browser = phone.browser();
    openTheApp(browser, changan);
    String origin = "http://localhost:" + port;
    browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin, "permissions", List.of("geolocation")));
    browser.driver().executeCdpCommand("Emulation.setGeolocationOverride",
        Map.of("latitude", 27.2517, "longitude", 104.8869, "accuracy", 12));
    Path voice = Files.write(files.resolve("家访录音.ogg"), oggVoiceNote());
    Path scan = Files.write(files.resolve("承诺书.pdf"), "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

    browser.go("/m/#today");
    browser.click(By.cssSelector("[data-task='" + changan.homeVisitTaskId() + "'] a.button"));
    browser.waitFor(By.id("f-metWith")).sendKeys("母亲");
    new Select(browser.driver().findElement(By.id("f-childWhereabouts"))).selectByVisibleText("在家");
    new Select(browser.driver().findElement(By.id("f-reason"))).selectByVisibleText("厌学");
    new Select(browser.driver().findElement(By.id("f-familyAttitude"))).selectByVisibleText("犹豫");
    browser.driver().findElement(By.id("f-visitNotes")).sendKeys("母亲签了承诺书，录了谈话要点");
    browser.driver().findElement(By.id("f-photos")).sendKeys(PHOTO.toAbsolutePath().toString());
    browser.waitFor(By.cssSelector("#photo-previews img.thumb"));
    browser.driver().findElement(By.id("f-attachments")).sendKeys(voice.toString() + "\n" + scan.toString());
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> d.findElements(By.cssSelector("#attachment-list li")).size() == 2);
    browser.click(By.id("f-place"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> d.findElement(By.id("place-note")).getText().startsWith("已记录地点"));
    browser.screenshot("field-phone-home-visit-attachments");
    browser.assertReadableByPeople("外勤 入户家访 录音与扫描件");
    browser.click(By.id("save"));
    waitForText(browser, "queued", "待发送 0 条");

    Long caseId = cases.findByCaseNumber(changan.caseNumber()).orElseThrow().getId();
    List<Map<String, Object>> items = jdbc.sql("select kind, task_key, latitude, longitude from evidence_item where case_id = ?"
        + " order by id").param(caseId).query().listOfRows();
    assertThat(items).extracting(row -> row.get("kind")).containsExactlyInAnyOrder("PHOTO", "AUDIO", "PDF");
    assertThat(items).allSatisfy(row -> {
      assertThat(row.get("task_key")).isEqualTo("homeVisit");
      assertThat(((Number) row.get("latitude")).doubleValue()).isEqualTo(27.2517, within(0.0001));
      assertThat(((Number) row.get("longitude")).doubleValue()).isEqualTo(104.8869, within(0.0001));
    });
  }

  /** The first page of an Ogg Opus recording, as a phone's recorder begins one. */
  private static byte[] oggVoiceNote() {
    byte[] page = new byte[28 + 19 + 64];
    System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, page, 0, 4);
    page[5] = 0x02;
    page[26] = 1;
    page[27] = 19;
    byte[] head = {'O', 'p', 'u', 's', 'H', 'e', 'a', 'd', 1, 1, 0x38, 1, (byte) 0x80, (byte) 0xBB, 0, 0, 0, 0, 0};
    System.arraycopy(head, 0, page, 28, head.length);
    return page;
  }

  /** Logged in, the app open with the task on screen and its shell in the service worker's cache. */
  private void openTheApp(ChineseBrowser browser, FieldCases.AtHomeVisit atHomeVisit) {
    openTheApp(browser, atHomeVisit, "cadre-changan");
  }

  private void openTheApp(ChineseBrowser browser, FieldCases.AtHomeVisit atHomeVisit, String user) {
    browser.logIn(user);
    browser.go("/m/");
    browser.waitFor(By.cssSelector("[data-task='" + atHomeVisit.homeVisitTaskId() + "']"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> ((Long) ((JavascriptExecutor) d).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "navigator.serviceWorker.ready.then(function () { return caches.open('baoxue-field-shell-v1'); })"
            + ".then(function (c) { return c.keys(); }).then(function (k) { done(k.length); }, function () { done(0); });")) >= 7);
  }

  private void recordHomeVisit(ChineseBrowser browser, FieldCases.AtHomeVisit atHomeVisit, String notes, boolean withEvidence) {
    browser.go("/m/#today");
    browser.click(By.cssSelector("[data-task='" + atHomeVisit.homeVisitTaskId() + "'] a.button"));
    browser.waitFor(By.id("f-metWith")).sendKeys("父亲王大山");
    new Select(browser.driver().findElement(By.id("f-childWhereabouts"))).selectByVisibleText("在家");
    new Select(browser.driver().findElement(By.id("f-reason"))).selectByVisibleText("厌学");
    new Select(browser.driver().findElement(By.id("f-familyAttitude"))).selectByVisibleText("犹豫");
    browser.driver().findElement(By.id("f-visitNotes")).sendKeys(notes);
    if (withEvidence) {
      browser.driver().findElement(By.id("f-photos")).sendKeys(PHOTO.toAbsolutePath().toString());
      browser.waitFor(By.cssSelector("#photo-previews img.thumb"));
      WebElement pad = browser.driver().findElement(By.id("signature"));
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", pad);
      new Actions(browser.driver()).moveToElement(pad, -80, 10).clickAndHold().moveByOffset(40, -20).moveByOffset(40, 25)
          .moveByOffset(50, -15).release().perform();
    }
    browser.screenshot(withEvidence ? "field-phone-home-visit-form-evidence" : "field-phone-home-visit-form");
    browser.assertReadableByPeople("外勤 入户家访表单");
    browser.click(By.id("save"));
  }

  /** DevTools' network emulation: the page's requests fail, as without signal; checked with a request. */
  private static void offline(ChineseBrowser browser) {
    emulate(browser, true);
    Object reached = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "fetch('/api/field/session', {cache: 'no-store'}).then(function () { done('reached'); }, function () { done('blocked'); });");
    assertThat(reached).as("a request from the offline page").isEqualTo("blocked");
  }

  private static void online(ChineseBrowser browser) {
    emulate(browser, false);
  }

  private static void emulate(ChineseBrowser browser, boolean offline) {
    browser.driver().executeCdpCommand("Network.enable", Map.of());
    browser.driver().executeCdpCommand("Network.emulateNetworkConditions",
        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  private static void waitForText(ChineseBrowser browser, String id, String text) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(45)).until(d -> text.equals(d.findElement(By.id(id)).getText()));
  }

}
