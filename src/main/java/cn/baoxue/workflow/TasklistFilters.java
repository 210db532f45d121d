package cn.baoxue.workflow;

import cn.baoxue.kernel.process.ProcessKeys;
import cn.baoxue.org.StaffGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Tasklist filters (过滤器) every official works from. They are global: one filter per name,
 * readable by every user, whose query is written relative to whoever opens it
 * (${currentUser()}, ${currentUserGroups()}), so a user created tomorrow in Camunda Admin or by
 * an import sees them with the tasks of her own groups. The engine's authorization checks narrow
 * every filter further to the tasks the user may see.
 *
 * <p>The filters are rewritten at every start, so a change here reaches an existing database.
 */
@Component
@Order(20)
public class TasklistFilters implements ApplicationRunner {

  static final String MY_TASKS = "我的待办";
  static final String UNIT_TASKS = "本单位待办";
  static final String OVERDUE_TASKS = "已逾期/督办";
  static final String DUE_THIS_WEEK = "本周到期";
  static final String ALL_TASKS = "全部待办";

  /** An escalated task's priority rises above the default of 50 (80 at the first level). */
  static final int ESCALATED_PRIORITY = 51;
  /** The 督办 process an escalation starts for the superior group. */
  static final String SUPERVISION_PROCESS = ProcessKeys.SUPERVISION;

  /** End of this week (Sunday 24:00), in the engine's time zone. */
  static final String END_OF_WEEK = "${dateTime().withDayOfWeek(7).withTimeAtStartOfDay().plusDays(1).toDate()}";

  private final FilterService filterService;
  private final TaskService taskService;
  private final StaffGroups staffGroups;

  public TasklistFilters(FilterService filterService, TaskService taskService, StaffGroups staffGroups) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.staffGroups = staffGroups;
  }

  @Transactional
  public void run(ApplicationArguments args) {
    save(MY_TASKS, -50, "指派给我本人、由我办理的任务",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    // Candidate user: the tasks of her groups and those offered to her by name (入户家访 and
    // 跟踪回访 go to both helpers of the case, whichever takes them first).
    save(UNIT_TASKS, -40, "本单位（我所在用户组）及指定由我办理、尚未认领的任务，认领后由我办理",
        taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}")
            .orderByDueDate().asc());
    save(OVERDUE_TASKS, -30, "已过到期日的任务，以及下级逾期后提交我督办的任务",
        taskService.createTaskQuery()
            .or()
                .dueBeforeExpression("${now()}")
                .taskMinPriority(ESCALATED_PRIORITY)
                .processDefinitionKey(SUPERVISION_PROCESS)
            .endOr()
            .orderByDueDate().asc());
    save(DUE_THIS_WEEK, -20, "本周内（周日24时前）到期、尚未逾期的任务",
        taskService.createTaskQuery().dueAfterExpression("${now()}").dueBeforeExpression(END_OF_WEEK)
            .orderByDueDate().asc());
    save(ALL_TASKS, -10, "本人及本单位可办理的全部待办",
        taskService.createTaskQuery().orderByDueDate().asc());
  }

  private void save(String name, int order, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    filter.setQuery(query);
    filter.setProperties(properties(order, description));
    filterService.saveFilter(filter);
    staffGroups.grantFilterToEveryone(filter.getId());
  }

  /**
   * The one case column of every filter: the task's line from {@link CaseSummaryListener}. One
   * column, because Tasklist cuts each column to the list's width and the child's name leads.
   */
  static final Map<String, String> CASE_COLUMN = Map.of("name", CaseSummaryListener.CASE_SUMMARY, "label", "案件");

  /** Tasklist shows each task's name and due date itself; the column adds the case. */
  private static Map<String, Object> properties(int order, String description) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", order);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of(CASE_COLUMN));
    return properties;
  }
}
