package cn.baoxue.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import cn.baoxue.testing.TestStudents;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The role filters as Tasklist reads them: through the REST API, as each demo user. */
@BaoxueWebTest
class TasklistFiltersTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void everyUserSeesTheRoleFiltersInOrderWithTheCaseColumns() {
    List<Map<String, Object>> filters = EngineRest.as(anonymous, "teacher-nantai")
        .getList("/engine-rest/filter?resourceType=Task&sortBy=name&sortOrder=asc").getBody();

    assertThat(filters).extracting(f -> f.get("name"))
        .contains("我的待办", "本单位待办", "已逾期/督办", "本周到期", "全部待办");
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) filters.stream()
        .filter(f -> "本单位待办".equals(f.get("name"))).findFirst().orElseThrow().get("properties");
    assertThat((List<Map<String, Object>>) properties.get("variables")).extracting(v -> v.get("label"))
        .containsExactly("案件");
  }

  @Test
  @SuppressWarnings("unchecked")
  void tasklistsListShowsTheTeacherTheCaseOfHerTaskInOneLineAndNothingMoreOfIt() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    Map<String, Object> child = TestStudents.changanGirl();
    String pi = (String) teacher.startCase(child).getBody().get("id");
    String verify = taskOf(pi).getId();
    String caseNumber = (String) taskService.getVariable(verify, "caseNumber");

    Map<String, Object> list = teacher.filterListAsTasklist(filterId(teacher, "本单位待办")).getBody();

    Map<String, Object> embedded = (Map<String, Object>) list.get("_embedded");
    Map<String, Object> task = ((List<Map<String, Object>>) embedded.get("task")).stream()
        .filter(t -> verify.equals(t.get("id"))).findFirst().orElseThrow();
    List<Map<String, Object>> variables = (List<Map<String, Object>>) ((Map<String, Object>) task.get("_embedded")).get("variable");
    // Without the task-local line the list would show nothing of the case: the teacher may read
    // her task's variables, not the process instance's.
    assertThat(variables).extracting(v -> v.get("name")).containsExactly("caseSummary");
    assertThat((String) variables.get(0).get("value"))
        .isEqualTo(child.get("studentName") + " · 长安村小学 · 长安村 · " + caseNumber);
  }

  @Test
  void aNewUserOfASchoolGroupGetsTheFiltersWithHerSchoolsTasks() {
    String verify = newCaseTask();
    String newcomer = "teacher-newcomer-" + System.nanoTime() % 100000;
    var user = identityService.newUser(newcomer);
    user.setFirstName("新");
    user.setLastName("老师");
    user.setPassword(EngineRest.DEMO_PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(newcomer, "school_" + TestStudents.CHANGAN_SCHOOL);

    assertThat(taskIds(newcomer, "本单位待办")).contains(verify);
    assertThat(taskIds("teacher-nantai", "本单位待办")).doesNotContain(verify);
    assertThat(taskIds("official-jianshan", "本单位待办")).doesNotContain(verify);
  }

  @Test
  void theHomeVisitWaitsInBothHelpersUnitFilterUntilOneTakesIt() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    EngineRest official = EngineRest.as(anonymous, "official-jianshan");
    String pi = (String) teacher.startCase(TestStudents.changanGirl()).getBody().get("id");
    teacher.complete(taskOf(pi).getId(), Map.of("verifyResult", "CONFIRMED"));
    official.complete(taskOf(pi).getId(), Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    String visit = taskOf(pi).getId();

    assertThat(taskIds("teacher-changan", "本单位待办")).contains(visit);
    assertThat(taskIds("cadre-changan", "本单位待办")).contains(visit);
    assertThat(taskIds("principal-changan", "本单位待办")).doesNotContain(visit);

    EngineRest.as(anonymous, "cadre-changan").claim(visit, "cadre-changan");

    assertThat(taskIds("cadre-changan", "我的待办")).contains(visit);
    assertThat(taskIds("teacher-changan", "本单位待办")).doesNotContain(visit);
  }

  @Test
  void aClaimedTaskMovesFromTheUnitsFilterToMine() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    String verify = newCaseTask();
    assertThat(taskIds("teacher-changan", "本单位待办")).contains(verify);
    assertThat(taskIds("principal-changan", "本单位待办")).contains(verify);
    assertThat(taskIds("teacher-changan", "我的待办")).doesNotContain(verify);

    teacher.claim(verify, "teacher-changan");

    assertThat(taskIds("teacher-changan", "我的待办")).contains(verify);
    assertThat(taskIds("teacher-changan", "本单位待办")).doesNotContain(verify);
    assertThat(taskIds("principal-changan", "我的待办")).doesNotContain(verify);
  }

  @Test
  void overdueAndEscalatedTasksAreSeparatedFromThoseDueThisWeek() {
    // A fixed Wednesday morning: a real clock on a Sunday evening leaves no room before the week ends.
    LocalDateTime wednesday = LocalDateTime.of(2026, 11, 18, 10, 0);
    LocalDate sunday = wednesday.toLocalDate().with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
    setEngineClock(wednesday);
    String late = newCaseTask();
    String escalated = newCaseTask();
    String thisWeek = newCaseTask();
    String nextWeek = newCaseTask();
    setDue(late, wednesday.minusDays(1));
    setDue(escalated, sunday.plusDays(30).atTime(12, 0));
    taskService.setPriority(escalated, 80);
    setDue(thisWeek, sunday.atTime(23, 0));
    setDue(nextWeek, sunday.plusDays(1).atTime(9, 0));

    assertThat(taskIds("teacher-changan", "已逾期/督办")).contains(late, escalated).doesNotContain(thisWeek, nextWeek);
    assertThat(taskIds("teacher-changan", "本周到期")).contains(thisWeek).doesNotContain(late, escalated, nextWeek);
    assertThat(taskIds("teacher-nantai", "已逾期/督办")).doesNotContain(late, escalated);
  }

  @Test
  void onSundayEveningThisWeekEndsAtMidnightAndNotADayLater() {
    LocalDateTime sundayEvening = LocalDateTime.of(2026, 11, 22, 23, 30);
    setEngineClock(sundayEvening);
    String beforeMidnight = newCaseTask();
    String afterMidnight = newCaseTask();
    String passed = newCaseTask();
    setDue(beforeMidnight, sundayEvening.plusMinutes(15));
    setDue(afterMidnight, sundayEvening.plusMinutes(45));
    setDue(passed, sundayEvening.minusMinutes(15));

    assertThat(taskIds("teacher-changan", "本周到期")).contains(beforeMidnight).doesNotContain(afterMidnight, passed);
    assertThat(taskIds("teacher-changan", "已逾期/督办")).contains(passed).doesNotContain(beforeMidnight, afterMidnight);
  }

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  /** The filters' "now" and "this week" are the engine's clock, in the engine's time zone. */
  private static void setEngineClock(LocalDateTime now) {
    ClockUtil.setCurrentTime(Date.from(now.atZone(ZoneId.systemDefault()).toInstant()));
  }

  private String newCaseTask() {
    EngineRest teacher = EngineRest.as(anonymous, "teacher-changan");
    return taskOf((String) teacher.startCase(TestStudents.changanGirl()).getBody().get("id")).getId();
  }

  private Task taskOf(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private void setDue(String taskId, LocalDateTime due) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(Date.from(due.atZone(ZoneId.systemDefault()).toInstant()));
    taskService.saveTask(task);
  }

  private static String filterId(EngineRest rest, String filterName) {
    return (String) rest.getList("/engine-rest/filter?resourceType=Task").getBody().stream()
        .filter(f -> filterName.equals(f.get("name"))).findFirst().orElseThrow().get("id");
  }

  private List<Object> taskIds(String user, String filterName) {
    EngineRest rest = EngineRest.as(anonymous, user);
    String id = filterId(rest, filterName);
    return rest.getList("/engine-rest/filter/" + id + "/list?maxResults=500").getBody().stream()
        .map(task -> task.get("id")).toList();
  }
}
