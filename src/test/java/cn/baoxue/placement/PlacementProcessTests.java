package cn.baoxue.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.QuickTier;
import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real models, {@code disabled-placement} and {@code home-delivery-schedule}, on the real engine
 * with its clock moved: 尖山乡 registers a child of 长安村 on Monday 4 January 2027; 镇雄县's expert
 * committee places her at home with 长安村小学's teacher. February is vacation (nothing planned, no
 * miss); in March the teacher visits once of twice: the miss is recorded, 尖山乡 told and asked to
 * urge; it lets the task pass its due date, so the county is told, the township's task raised and
 * the county urges.
 */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class PlacementProcessTests {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String TOWNSHIP = "township_530627205";
  static final String COUNTY = "county_530627";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired StaffDirectory staff;
  @Autowired Placements placements;
  @Autowired HomeDeliveries deliveries;
  @Autowired JdbcTemplate jdbc;

  ActingUsers users;

  @BeforeEach
  void mondayFourthOfJanuary() {
    users = new ActingUsers(engine, staff);
    ClockUtil.setCurrentTime(at(2027, 1, 4, 10));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theCommitteesTaskIsOfferedToItsCountyAndAnInclusivePlacementEndsThePlacement() {
    DisabledChild child = register("郑小芽");
    String pi = child.getProcessInstanceId();
    Task assess = taskService.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(assess.getTaskDefinitionKey()).isEqualTo("assessPlacement");
    assertThat(assess.getName()).isEqualTo("评估残疾儿童并决定安置方式");
    assertThat(candidateGroups(assess)).containsExactly("experts_530627");
    assertThat(runtimeService.getVariable(pi, "expertsGroup")).isEqualTo("experts_530627");
    assertThat(runtimeService.getVariable(pi, "childId")).isEqualTo(child.getId());
    assertThat(runtimeService.getVariable(pi, "disability")).isEqualTo("智力残疾一级");
    // The 送教 picker offers the staff of her school and township only.
    assertThat(String.valueOf(taskService.getVariableLocal(assess.getId(), "deliveryTeacherChoices")))
        .contains("teacher-changan", "official-jianshan").doesNotContain("teacher-nantai");

    // A decision the rule refuses rolls the completion back: the task stays open.
    assertThatThrownBy(() -> users.complete("experts-zhenxiong", assess.getId(), Map.of("placement", "HOME_DELIVERED")))
        .isInstanceOf(InvalidCaseInputException.class).hasMessageContaining("送教上门须指定至少一名送教教师");
    // Nor may anyone outside the committee decide: the engine refuses her the task, and the step
    // that records it would refuse her too, had she reached it.
    assertThatThrownBy(() -> users.complete("bureau-zhenxiong", assess.getId(), Map.of("placement", "SPECIAL_SCHOOL")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThatThrownBy(() -> placements.record(pi, Map.of("placement", "SPECIAL_SCHOOL"), "bureau-zhenxiong", List.of(COUNTY)))
        .isInstanceOf(InvalidCaseInputException.class).hasMessageContaining("只有本县残疾人教育专家委员会");
    assertThat(taskService.createTaskQuery().processInstanceId(pi).count()).isEqualTo(1);

    users.complete("experts-zhenxiong", assess.getId(), Map.of("placement", "INCLUSIVE_CLASS", "assessmentNote", "可随班就读"));
    assertThat(passed(pi)).containsExactly("childRegistered", "assessPlacement", "recordPlacement", "placementGateway", "childPlaced");
    assertThat(jdbc.queryForMap("select placement, assessed_by from disabled_child where id = ?", child.getId()))
        .containsEntry("PLACEMENT", "INCLUSIVE_CLASS").containsEntry("ASSESSED_BY", "experts-zhenxiong");
    assertThat(schedule(child)).isNull();
  }

  @Test
  void aMissedMonthIsRecordedAndUrgedByTheTownshipThenTheCounty() {
    DisabledChild child = register("冯小竹");
    placements.assess(child.getId(), Map.of("placement", "HOME_DELIVERED", "deliveryTeachers", List.of("teacher-changan")),
        as("experts-zhenxiong"));
    assertThat(passed(child.getProcessInstanceId())).containsExactly("childRegistered", "assessPlacement", "recordPlacement",
        "placementGateway", "startSchedule", "childPlacedAtHome");

    ProcessInstance schedule = schedule(child);
    assertThat(schedule).isNotNull();
    String pi = schedule.getId();
    assertThat(runtimeService.getVariable(pi, "periodStart")).isEqualTo("2027-02-01");
    assertThat(runtimeService.getVariable(pi, "townshipGroup")).isEqualTo(TOWNSHIP);
    assertThat(runtimeService.getVariable(pi, "countyGroup")).isEqualTo(COUNTY);
    Job february = timer(pi, "periodEnded");
    assertThat(february.getDuedate()).isEqualTo(at(2027, 3, 1, 0));

    // February is vacation: nothing was planned, nothing is missed.
    ClockUtil.setCurrentTime(at(2027, 3, 1, 1));
    managementService.executeJob(february.getId());
    assertThat(runtimeService.getVariable(pi, "planned")).isEqualTo(0);
    assertThat(runtimeService.getVariable(pi, "missed")).isEqualTo(false);
    assertThat(taskService.createTaskQuery().processInstanceId(pi).count()).isZero();
    assertThat(misses(child)).isZero();
    Job march = timer(pi, "periodEnded");
    assertThat(march.getDuedate()).isEqualTo(at(2027, 4, 1, 0));

    // March: one visit of the two planned.
    ClockUtil.setCurrentTime(at(2027, 3, 15, 16));
    deliveries.recordVisit(child.getId(), Map.of("date", "2027-03-10", "hours", "2", "content", "生活自理训练"), null, as("teacher-changan"));
    ClockUtil.setCurrentTime(at(2027, 4, 1, 1));
    managementService.executeJob(march.getId());

    assertThat(runtimeService.getVariable(pi, "periodLabel")).isEqualTo("2027年3月");
    assertThat(runtimeService.getVariable(pi, "planned")).isEqualTo(2);
    assertThat(runtimeService.getVariable(pi, "delivered")).isEqualTo(1);
    assertThat(runtimeService.getVariable(pi, "missed")).isEqualTo(true);
    assertThat(jdbc.queryForMap("select period_start, planned, delivered, escalated_at from home_delivery_miss where child_id = ?",
        child.getId())).containsEntry("PLANNED", 2).containsEntry("DELIVERED", 1).containsEntry("ESCALATED_AT", null)
        .containsEntry("PERIOD_START", java.sql.Date.valueOf(LocalDate.of(2027, 3, 1)));
    assertThat(jdbc.queryForObject("select count(*) from notification where recipient = ? and message like ?", Long.class,
        TOWNSHIP, "冯小竹（送教上门）2027年3月应送教2次，实际1次%")).isEqualTo(1);
    Task townshipTask = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("urgeByTownship").singleResult();
    assertThat(townshipTask.getName()).isEqualTo("督促送教上门");
    assertThat(candidateGroups(townshipTask)).containsExactly(TOWNSHIP);
    assertThat(townshipTask.getDueDate()).isEqualTo(runtimeService.getVariable(pi, "urgeDueDate")).isAfter(at(2027, 4, 1, 1));
    assertThat(townshipTask.getPriority()).isEqualTo(50);
    // The schedule goes on to April while the township urges.
    assertThat(timer(pi, "periodEnded").getDuedate()).isEqualTo(at(2027, 5, 1, 0));

    // The township lets it pass its due date: the county is told and asked, the township's task raised.
    Job overdue = timer(pi, "urgeOverdue");
    ClockUtil.setCurrentTime(new Date(townshipTask.getDueDate().getTime() + 3_600_000));
    managementService.executeJob(overdue.getId());
    assertThat(jdbc.queryForObject("select escalated_at from home_delivery_miss where child_id = ?", Object.class, child.getId())).isNotNull();
    assertThat(jdbc.queryForObject("select count(*) from notification where recipient = ? and message like ?", Long.class,
        COUNTY, "冯小竹（送教上门）缺送，乡镇逾期未督促%")).isEqualTo(1);
    assertThat(taskService.createTaskQuery().taskId(townshipTask.getId()).singleResult().getPriority()).isEqualTo(HomeDeliverySteps.LATE_PRIORITY);
    Task countyTask = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("urgeByCounty").singleResult();
    assertThat(countyTask.getName()).isEqualTo("督促送教上门（县教育局）");
    assertThat(candidateGroups(countyTask)).containsExactly(COUNTY);

    // An urge without its note is refused; with it, the county's urging is recorded.
    assertThatThrownBy(() -> users.complete("bureau-zhenxiong", countyTask.getId(), Map.of()))
        .isInstanceOf(InvalidCaseInputException.class).hasMessageContaining("督促情况不能为空");
    users.complete("bureau-zhenxiong", countyTask.getId(), Map.of("urgeNote", "已电话督促李明华老师，本周补送一次"));
    assertThat(jdbc.queryForMap("select urged_by, urge_note from home_delivery_miss where child_id = ?", child.getId()))
        .containsEntry("URGED_BY", "bureau-zhenxiong").containsEntry("URGE_NOTE", "已电话督促李明华老师，本周补送一次");
    assertThat(runtimeService.getVariable(pi, "urgeNote")).isNull();

    assertThat(passed(pi)).containsSubsequence("scheduleStarted", "nextPeriod", "periodEnded", "checkPeriod", "missedGateway",
        "activeGateway", "nextPeriod", "periodEnded", "checkPeriod", "missedGateway", "recordMiss", "urgeFork", "urgeByTownship",
        "urgeOverdue", "escalateMiss", "urgeByCounty", "recordUrge", "urged");
  }

  // --- helpers ---

  private DisabledChild register(String name) {
    String idNumber = TestStudents.idNumber(LocalDate.of(2018, 3, 1).plusDays(name.hashCode() & 0xff), true);
    return placements.register(Map.of("idNumber", idNumber, "name", name, "category", "INTELLECTUAL", "level", "LEVEL_1",
        "villageCode", TestStudents.CHANGAN_VILLAGE, "schoolCode", TestStudents.CHANGAN_SCHOOL), as("official-jianshan"));
  }

  private ProcessInstance schedule(DisabledChild child) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("home-delivery-schedule")
        .processInstanceBusinessKey(String.valueOf(child.getId())).singleResult();
  }

  private Job timer(String pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi).activityId(activityId).timers().singleResult();
  }

  private long misses(DisabledChild child) {
    return jdbc.queryForObject("select count(*) from home_delivery_miss where child_id = ?", Long.class, child.getId());
  }

  private Staff as(String userId) {
    return new Staff(userId, staff.groupIdsOf(userId));
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private List<String> passed(String pi) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(pi)
        .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, CHINA).toInstant());
  }
}
