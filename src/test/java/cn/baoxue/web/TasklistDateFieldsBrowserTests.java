package cn.baoxue.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every date field of Tasklist's forms — the report's 出生日期, 入户家访's 家访日期, the written
 * order's 限期复学日期, 督办's 新的办理期限 — in a Chinese browser (Intl zh-CN, as every Chrome, Edge
 * and WeChat browser in China) in a desktop and a phone-sized window, and in an English browser.
 * Each year-first spelling a Chinese user types (2013-04-05, 2013-4-5, 2013/04/05, 2013/4/5,
 * 2013.04.05, 2013.4.5, 2013年04月05日, 2013年4月5日), and a day picked from the calendar, keeps
 * exactly that day when the field loses focus, and that day is what Baoxue records. Under a
 * Chinese Intl form-js reads year first, under an English one month first: a date rewritten for
 * one of them became 1 January in the other.
 */
@BaoxueWebTest
class TasklistDateFieldsBrowserTests {

  private static final String TASKLIST = "/camunda/app/tasklist/default/";
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /**
   * The spellings, each typed as a day of its own with one digit (2 to 9), never the 1st: the bug
   * made every date 1 January, which a test typing 1 January would not see.
   */
  private static final List<String> SPELLINGS = List.of(
      "uuuu-MM-dd", "uuuu-M-d", "uuuu/MM/dd", "uuuu/M/d", "uuuu.MM.dd", "uuuu.M.d", "uuuu年MM月dd日", "uuuu年M月d日");
  /** The day picked from the calendar, after the typed ones. */
  private static final int PICKED_DAY = 12;
  private static final By COMPLETE = By.xpath("//button[normalize-space()='办理完成' or normalize-space()='Complete']");
  private static final AtomicInteger STUDENTS = new AtomicInteger();

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @RegisterExtension static final BrowserPerClass desktop = new BrowserPerClass();
  @RegisterExtension static final BrowserPerClass phone = BrowserPerClass.onPhone();
  @RegisterExtension static final BrowserPerClass english = BrowserPerClass.inEnglish();
  /** Who each browser is logged in as: a login per form, not per case. */
  private static final Map<ChineseBrowser, String> LOGGED_IN = new IdentityHashMap<>();

  /** The forms with a date field: the field, who fills it in, and which month its days are taken from. */
  enum DateForm {
    REPORT("出生日期", "teacher-changan"),
    HOME_VISIT("家访日期", "teacher-changan"),
    RETURN_ORDER("限期复学日期", "official-jianshan"),
    SUPERVISION("新的办理期限", "official-jianshan");

    final String label;
    final String user;

    DateForm(String label, String user) {
      this.label = label;
      this.user = user;
    }

    /**
     * The month whose days (2 to 9 typed, 12 picked) each field takes: a birth in April 13 years
     * ago; a visit last month (not after today); a deadline next month (after today, within three
     * months).
     */
    YearMonth month() {
      YearMonth now = YearMonth.now(BEIJING);
      return switch (this) {
        case REPORT -> YearMonth.of(now.getYear() - 13, 4);
        case HOME_VISIT -> now.minusMonths(1);
        case RETURN_ORDER, SUPERVISION -> now.plusMonths(1);
      };
    }
  }

  /** A date entered into the field: typed in a spelling, or picked from the calendar (spelling null). */
  record Entry(LocalDate date, String spelling) {

    static Entry typed(DateForm form, String spelling) {
      return new Entry(form.month().atDay(SPELLINGS.indexOf(spelling) + 2), spelling);
    }

    static Entry picked(DateForm form) {
      return new Entry(form.month().atDay(PICKED_DAY), null);
    }

    String text() {
      return DateTimeFormatter.ofPattern(spelling).format(date);
    }

    @Override
    public String toString() {
      return spelling == null ? "picked " + date : text();
    }
  }

  /** What a round works on: the case's student and, but for the report, the task to open. */
  record Round(String studentName, Map<String, Object> child, String processInstanceId, String taskId) {}

  static Stream<Arguments> everyFormAndSpelling() {
    return Stream.of(DateForm.values())
        .flatMap(form -> SPELLINGS.stream().map(spelling -> Arguments.of(form, spelling)));
  }

  @ParameterizedTest(name = "{0} typed {1}")
  @MethodSource("everyFormAndSpelling")
  void aDateTypedYearFirstInAChineseBrowserIsTheDayRecorded(DateForm form, String spelling) {
    enterAndSubmit(desktop.browser(), form, "zh-" + form + "-" + SPELLINGS.indexOf(spelling), List.of(Entry.typed(form, spelling)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DateForm.class)
  void aDatePickedFromTheCalendarInAChineseBrowserIsTheDayRecorded(DateForm form) {
    enterAndSubmit(desktop.browser(), form, "zh-" + form + "-calendar", List.of(Entry.picked(form)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DateForm.class)
  void onAPhoneEverySpellingAndTheCalendarShowTheirDayAndThePickedOneIsRecorded(DateForm form) {
    ChineseBrowser browser = phone.browser();
    assertThat(browser.driver().executeScript("return [window.innerWidth, window.innerHeight];")).as("a phone-sized window")
        .isEqualTo(List.of(360L, 800L));
    enterAndSubmit(browser, form, "zh-phone-" + form, everyEntry(form));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DateForm.class)
  void inAnEnglishBrowserEverySpellingAndTheCalendarShowTheirDayAndThePickedOneIsRecorded(DateForm form) {
    enterAndSubmit(english.browser(), form, "en-" + form, everyEntry(form));
  }

  private static List<Entry> everyEntry(DateForm form) {
    List<Entry> entries = new ArrayList<>(SPELLINGS.stream().map(spelling -> Entry.typed(form, spelling)).toList());
    entries.add(Entry.picked(form));
    return entries;
  }

  /**
   * Opens the form of a new case, enters each date in turn (each must show its day once the
   * field has lost focus), fills in the rest, submits, and finds the last date in Baoxue's tables.
   */
  private void enterAndSubmit(ChineseBrowser browser, DateForm form, String screenshot, List<Entry> entries) {
    boolean chinese = browser.intlLocale().startsWith("zh");
    LocalDate recorded = entries.get(entries.size() - 1).date();
    Round round = prepare(form, recorded);
    try {
      logIn(browser, form.user);
      open(browser, form, round);
      for (Entry entry : entries) {
        WebElement field = browser.field(form.label);
        if (entry.spelling() == null) {
          pick(browser, field, entry.date());
        } else {
          browser.click(field);
          field.sendKeys(Keys.chord(Keys.CONTROL, "a"), entry.text());
        }
        // Tab leaves the field, as a user moves on to the next one.
        field.sendKeys(Keys.TAB);
        String shown = shownAs(entry.date(), chinese);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).withMessage(() -> form.label + " after "
                + entry + " shows " + field.getAttribute("value") + ", not " + shown)
            .until(ExpectedConditions.attributeToBe(field, "value", shown));
      }
      fillInTheRest(browser, form, round);
      browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.field(form.label));
      browser.screenshot("date-" + screenshot);
      submit(browser, form);
      assertThat(recordedDate(form, round)).as("%s recorded after %s", form.label, entries).isEqualTo(recorded);
      // The birth date stays in the engine only masked (docs/security.md, "Personal data in the engine"):
      // the student's record above is where the report's date is kept.
      if (form != DateForm.SUPERVISION && form != DateForm.REPORT) {
        String pi = round.processInstanceId() == null ? processInstanceOf(round) : round.processInstanceId();
        assertThat(runtimeService.getVariable(pi, variableOf(form))).as("the submitted %s", variableOf(form))
            .isEqualTo(recorded.toString());
      }
    } catch (RuntimeException | AssertionError e) {
      browser.driver().executeScript("document.querySelectorAll('.modal').forEach(m => m.scrollTop = 0)");
      browser.screenshot("date-" + screenshot + "-failure");
      throw e;
    }
  }

  /** How the field shows a day: the browser's own short date format, as form-js writes it. */
  private static String shownAs(LocalDate date, boolean chinese) {
    return DateTimeFormatter.ofPattern(chinese ? "uuuu/M/d" : "M/d/uuuu").format(date);
  }

  /**
   * Opens the calendar, goes to the day's month with its controls as a user would (a later month
   * with the next-month arrow; an earlier one by choosing the month, then typing the year), and
   * clicks the day. The calendar fades in: its controls take clicks once fully shown.
   */
  private static void pick(ChineseBrowser browser, WebElement field, LocalDate date) {
    browser.click(field);
    WebElement calendar = field.findElement(By.xpath(
        "./ancestor::div[contains(@class,'flatpickr-wrapper')][1]//div[contains(@class,'flatpickr-calendar')]"));
    WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(5));
    WebElement year = wait.until(ExpectedConditions.elementToBeClickable(calendar.findElement(By.cssSelector("input.cur-year"))));
    YearMonth target = YearMonth.from(date);
    if (target.isAfter(shownMonth(calendar))) {
      for (int clicks = 0; clicks < 12 && !target.equals(shownMonth(calendar)); clicks++) {
        calendar.findElement(By.cssSelector(".flatpickr-next-month")).click();
      }
    } else if (!target.equals(shownMonth(calendar))) {
      // The month first: moving from the month list to the year keeps the calendar open.
      new Select(calendar.findElement(By.cssSelector("select.flatpickr-monthDropdown-months")))
          .selectByValue(String.valueOf(date.getMonthValue() - 1));
      year.click();
      year.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(date.getYear()));
    }
    assertThat(shownMonth(calendar)).as("the calendar's month").isEqualTo(target);
    WebElement day = calendar.findElement(By.xpath(".//span[contains(@class,'flatpickr-day') and not(contains(@class,'prevMonthDay'))"
        + " and not(contains(@class,'nextMonthDay')) and normalize-space()='" + date.getDayOfMonth() + "']"));
    wait.until(ExpectedConditions.elementToBeClickable(day)).click();
  }

  private static YearMonth shownMonth(WebElement calendar) {
    return YearMonth.of(Integer.parseInt(calendar.findElement(By.cssSelector("input.cur-year")).getDomProperty("value")),
        Integer.parseInt(calendar.findElement(By.cssSelector("select.flatpickr-monthDropdown-months")).getDomProperty("value")) + 1);
  }

  private void logIn(ChineseBrowser browser, String user) {
    if (!user.equals(LOGGED_IN.get(browser))) {
      browser.logIn(user);
      LOGGED_IN.put(browser, user);
    }
  }

  /** A case at the form's step, walked there through the engine's REST API as each role would. */
  private Round prepare(DateForm form, LocalDate date) {
    String name = "王小梅" + STUDENTS.incrementAndGet();
    Map<String, Object> child = TestStudents.changanGirl(form == DateForm.REPORT ? date : LocalDate.now(BEIJING).minusYears(12));
    child.put("studentName", name);
    if (form == DateForm.REPORT) {
      return new Round(name, child, null, null);
    }
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    EngineRest official = EngineRest.as(anonymous, "official-jianshan");
    Map<String, Object> started = teacher.startCase(child).getBody();
    String pi = (String) started.get("id");
    if (form == DateForm.SUPERVISION) {
      EngineRest admin = EngineRest.as(anonymous, "admin");
      String timer = (String) admin.getList("/engine-rest/job?processInstanceId=" + pi + "&activityId=verify&timers=true")
          .getBody().get(0).get("id");
      admin.post("/engine-rest/job/" + timer + "/execute", Map.of());
      String supervision = (String) official.getList("/engine-rest/task?processDefinitionKey=supervision&processInstanceBusinessKey="
          + started.get("businessKey")).getBody().get(0).get("id");
      official.claim(supervision, "official-jianshan");
      return new Round(name, child, pi, supervision);
    }
    teacher.complete(onlyTask(teacher, pi), Map.of("verifyResult", "CONFIRMED", "verifyNotes", "连续两周未到校"));
    official.complete(onlyTask(official, pi), Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    if (form == DateForm.HOME_VISIT) {
      // Either helper may take the visit; here the teacher does.
      String visit = onlyTask(teacher, pi);
      teacher.claim(visit, "teacher-changan");
      return new Round(name, child, pi, visit);
    }
    EngineRest cadre = EngineRest.as(anonymous, "cadre-changan");
    teacher.complete(onlyTask(teacher, pi), Map.of("visitDate", LocalDate.now(BEIJING).toString(), "metWith", "父亲",
        "childWhereabouts", "AT_HOME", "reason", "WEARY", "familyAttitude", "HESITANT", "visitNotes", "孩子在家"));
    teacher.complete(onlyTask(teacher, pi), Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "谈心两次"));
    cadre.complete(onlyTask(cadre, pi), Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "村乡联合入户"));
    String order = onlyTask(official, pi);
    official.claim(order, "official-jianshan");
    return new Round(name, child, pi, order);
  }

  private static String onlyTask(EngineRest user, String pi) {
    List<Map<String, Object>> tasks = user.tasks(pi);
    assertThat(tasks).hasSize(1);
    return (String) tasks.get(0).get("id");
  }

  /** The report's start form from 启动流程; a task's form from its address in Tasklist. */
  private static void open(ChineseBrowser browser, DateForm form, Round round) {
    if (form == DateForm.REPORT) {
      browser.driver().get("about:blank");
      browser.go(TASKLIST);
      browser.waitFor(By.xpath("//*[contains(@class,'task-filters')]//*[contains(normalize-space(.),'待办')]"));
      By startProcess = By.xpath("//a[normalize-space()='启动流程' or normalize-space()='Start process']");
      if (!browser.driver().findElement(startProcess).isDisplayed()) {
        // On a phone the header's links are behind its menu button.
        browser.click(browser.driver().findElements(By.cssSelector("button.navbar-toggle")).stream()
            .filter(WebElement::isDisplayed).findFirst().orElseThrow());
      }
      browser.click(startProcess);
      // The dialog lists the processes as they load: a click on a list being redrawn is lost.
      By process = By.xpath("//ul[contains(@class,'processes')]//a[contains(normalize-space(.),'控辍保学')]");
      By startForm = By.cssSelector(".modal-dialog .fjs-container");
      for (int attempt = 1; attempt <= 3 && browser.driver().findElements(startForm).isEmpty(); attempt++) {
        browser.click(process);
        try {
          new WebDriverWait(browser.driver(), Duration.ofSeconds(8)).until(ExpectedConditions.presenceOfElementLocated(startForm));
        } catch (TimeoutException stillTheList) {
          // clicked again
        }
      }
      browser.field("学生姓名");
      return;
    }
    // A page of its own: a hash change alone would leave the previous form or dialog open.
    browser.driver().get("about:blank");
    browser.go(TASKLIST + "#/?task=" + round.taskId());
    browser.waitForValue("学生姓名", round.studentName());
    browser.waitFor(COMPLETE);
    if (form == DateForm.SUPERVISION) {
      // 新的办理期限 shows once the extension is chosen.
      check(browser, "延长办理期限");
    }
  }

  private static void fillInTheRest(ChineseBrowser browser, DateForm form, Round round) {
    switch (form) {
      case REPORT -> {
        type(browser, "学生姓名", round.studentName());
        type(browser, "身份证号", (String) round.child().get("studentIdNumber"));
        check(browser, "女");
        // 学校 and 户籍村 are preset: the teacher's only school and its township's only village.
        type(browser, "年级", "6");
        choose(browser, "疑似辍学原因", "外出务工");
      }
      case HOME_VISIT -> {
        type(browser, "见到的人", "父亲");
        choose(browser, "孩子去向", "在家");
        choose(browser, "辍学原因", "厌学");
        type(browser, "家访情况", "孩子在家，不愿上学");
      }
      case RETURN_ORDER -> {
        check(browser, "已复学");
        type(browser, "送达情况", "送达通知书后家长送回");
      }
      case SUPERVISION -> type(browser, "督办意见", "学校已说明原因，延期办理");
    }
  }

  private static void submit(ChineseBrowser browser, DateForm form) {
    if (form == DateForm.REPORT) {
      By start = By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='启动' or normalize-space()='Start']");
      browser.click(start);
      browser.waitUntilGone(By.cssSelector(".modal-dialog"));
      return;
    }
    browser.click(COMPLETE);
    browser.waitUntilGone(COMPLETE);
  }

  private LocalDate recordedDate(DateForm form, Round round) {
    return switch (form) {
      case REPORT -> jdbc.queryForObject("select birth_date from student where id_number = ?", LocalDate.class,
          round.child().get("studentIdNumber"));
      case HOME_VISIT -> jdbc.queryForObject("select v.visit_date from home_visit v join dropout_case c on c.id = v.case_id"
          + " where c.process_instance_id = ?", LocalDate.class, round.processInstanceId());
      case RETURN_ORDER -> jdbc.queryForObject("select o.deadline from return_order o join dropout_case c on c.id = o.case_id"
          + " where c.process_instance_id = ?", LocalDate.class, round.processInstanceId());
      case SUPERVISION -> jdbc.queryForObject("select a.new_due_at from supervision_action a join dropout_case c"
          + " on c.id = a.case_id where c.process_instance_id = ?", LocalDateTime.class, round.processInstanceId()).toLocalDate();
    };
  }

  private String processInstanceOf(Round report) {
    return jdbc.queryForObject("select c.process_instance_id from dropout_case c join student s on s.id = c.student_id"
        + " where s.id_number = ?", String.class, report.child().get("studentIdNumber"));
  }

  private static String variableOf(DateForm form) {
    return switch (form) {
      case REPORT -> "birthDate";
      case HOME_VISIT -> "visitDate";
      case RETURN_ORDER -> "orderDeadline";
      case SUPERVISION -> "newDueDate";
    };
  }

  private static void type(ChineseBrowser browser, String label, String text) {
    WebElement field = browser.field(label);
    browser.click(field);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    settle();
  }

  /** A radio button by its label. */
  private static void check(ChineseBrowser browser, String option) {
    browser.click(By.xpath("//label[normalize-space(.)='" + option + "']/input"
        + " | //label[normalize-space(.)='" + option + "']/preceding-sibling::input[1]"));
    settle();
  }

  /** An option of a form-js select. */
  private static void choose(ChineseBrowser browser, String label, String option) {
    browser.click(By.xpath("//label[normalize-space(.)='" + label + "*' or normalize-space(.)='" + label + "']"
        + "/following-sibling::*[contains(@class,'fjs-input-group')]"));
    browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']"));
    settle();
  }

  /** form-js debounces typed input: let it reach the form's state before the next field. */
  private static void settle() {
    try {
      Thread.sleep(600);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
