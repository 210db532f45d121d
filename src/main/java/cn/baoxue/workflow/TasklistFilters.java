package cn.baoxue.workflow;

import cn.baoxue.org.StaffGroups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared Tasklist filter every user starts with. Its query is empty: the engine's
 * authorization checks already narrow it to the tasks of the user's own groups and her own.
 */
@Component
@Order(20)
public class TasklistFilters implements ApplicationRunner {

  static final String ALL_TASKS = "全部待办";

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
    Filter filter = filterService.createFilterQuery().filterName(ALL_TASKS).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(ALL_TASKS);
      filter.setQuery(taskService.createTaskQuery());
      filter.setProperties(
          Map.of(
              "description", "本人及本单位可办理的全部待办",
              "priority", -10,
              "refresh", true,
              "variables",
                  List.of(
                      Map.of("name", "caseNumber", "label", "案件编号"),
                      Map.of("name", "studentName", "label", "学生"),
                      Map.of("name", "schoolName", "label", "学校"))));
      filterService.saveFilter(filter);
    }
    staffGroups.grantFilterToEveryone(filter.getId());
  }
}
