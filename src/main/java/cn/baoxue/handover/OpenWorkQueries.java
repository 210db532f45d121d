package cn.baoxue.handover;

import cn.baoxue.care.CareHelpers;
import cn.baoxue.handover.OpenWork.HeldRole;
import cn.baoxue.handover.OpenWork.HeldTask;
import cn.baoxue.handover.OpenWork.Hold;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.security.WithoutEngineAuthorization;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Reads one person's open work from the engine, whatever the reader's own task grants: the caller
 * has already checked that the reader answers for the person's units.
 */
@Component
class OpenWorkQueries {

  /**
   * The case's helper roles as the process names them: the 安排包保 form's fields, which the later
   * tasks (入户家访, 跟踪回访) are offered to by name.
   */
  static final Map<String, String> HELPER_ROLES =
      new LinkedHashMap<>(Map.of("teacherHelper", "包保教师", "cadreHelper", "包保村干部", "womenfedHelper", "妇联包保人"));

  /** The same names as a SQL list, for the queries that read the engine's variable table directly. */
  static final String HELPER_ROLES_SQL =
      HELPER_ROLES.keySet().stream().sorted().map(name -> "'" + name + "'").collect(Collectors.joining(", ", "(", ")"));

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final WithoutEngineAuthorization withoutEngineAuthorization;
  private final CareHelpers careHelpers;

  OpenWorkQueries(TaskService taskService, RuntimeService runtimeService, WithoutEngineAuthorization withoutEngineAuthorization,
      CareHelpers careHelpers) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
    this.careHelpers = careHelpers;
  }

  OpenWork of(String userId) {
    return withoutEngineAuthorization.call(() -> {
      List<Task> assigned = taskService.createTaskQuery().taskAssignee(userId).orderByTaskCreateTime().asc().list();
      // Offered to her by name, not through a group: the group's other members still have those.
      List<Task> offered = taskService.createNativeTaskQuery()
          .sql("select distinct T.* from ACT_RU_TASK T join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = T.ID_"
              + " where I.USER_ID_ = #{userId} and I.TYPE_ = 'candidate' and T.ASSIGNEE_ is null order by T.CREATE_TIME_")
          .parameter("userId", userId)
          .list();
      List<VariableInstance> roles = new ArrayList<>();
      for (String variable : HELPER_ROLES.keySet()) {
        runtimeService.createVariableInstanceQuery().variableValueEquals(variable, userId).list().stream()
            // The process's own value, not a form's task-local copy.
            .filter(v -> v.getExecutionId() != null && v.getExecutionId().equals(v.getProcessInstanceId()))
            .forEach(roles::add);
      }
      Set<String> instances = new java.util.HashSet<>();
      assigned.forEach(t -> instances.add(t.getProcessInstanceId()));
      offered.forEach(t -> instances.add(t.getProcessInstanceId()));
      roles.forEach(v -> instances.add(v.getProcessInstanceId()));
      Map<String, String> caseNumbers = caseNumbers(instances);
      List<HeldTask> tasks = new ArrayList<>();
      assigned.forEach(t -> tasks.add(held(t, Hold.ASSIGNED, caseNumbers)));
      offered.forEach(t -> tasks.add(held(t, Hold.CANDIDATE, caseNumbers)));
      List<HeldRole> held = roles.stream()
          .map(v -> new HeldRole(caseNumbers.getOrDefault(v.getProcessInstanceId(), ""), v.getProcessInstanceId(), v.getName(),
              HELPER_ROLES.get(v.getName())))
          .toList();
      return new OpenWork(tasks, held, careHelpers.heldBy(userId));
    });
  }

  private Map<String, String> caseNumbers(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> numbers = new HashMap<>();
    for (ProcessInstance instance :
        runtimeService.createProcessInstanceQuery().processInstanceIds(Set.copyOf(processInstanceIds)).list()) {
      numbers.put(instance.getId(), instance.getBusinessKey() == null ? "" : instance.getBusinessKey());
    }
    return numbers;
  }

  private HeldTask held(Task task, Hold hold, Map<String, String> caseNumbers) {
    return new HeldTask(task.getId(), task.getName(), caseNumbers.getOrDefault(task.getProcessInstanceId(), ""), hold,
        local(task.getDueDate()));
  }

  private static LocalDateTime local(Date date) {
    return date == null ? null : BeijingTime.of(date);
  }

  static String labels(Collection<HeldRole> roles) {
    return roles.stream().map(HeldRole::label).distinct().collect(Collectors.joining("、"));
  }
}
