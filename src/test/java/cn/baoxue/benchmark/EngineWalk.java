package cn.baoxue.benchmark;

import cn.baoxue.org.StaffDirectory;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks the happy path in process through the engine's Java API, each step as its user with the
 * engine's authorization checks on: on Baoxue's model (listeners, forms, project tables) or on
 * the bare twin. Both walks make the same engine calls, so the difference is Baoxue's.
 */
final class EngineWalk {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final StaffDirectory staff;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  /** Walks on Baoxue's engine. */
  EngineWalk(BenchApplication app) {
    this(app.bean(ProcessEngine.class), app.bean(StaffDirectory.class));
  }

  /** Walks on the given engine (Baoxue's, or the bare one), each user with the groups Baoxue gives her. */
  EngineWalk(ProcessEngine engine, StaffDirectory staff) {
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    management = engine.getManagementService();
    identity = engine.getIdentityService();
    this.staff = staff;
  }

  /** One case through dropout-case.bpmn; returns its process instance id. */
  String walkBaoxue() {
    return walk("dropout-case", HappyPath.newChild(), Map.of());
  }

  /**
   * The same walk through a bare twin ({@link BareDropoutCase#KEY} or
   * {@link BareDropoutCase#KEY_WITH_TIMERS}); the follow-up period, set by a listener in Baoxue, is supplied.
   */
  String walkTwin(String processKey) {
    return walk(processKey, HappyPath.newChild(), Map.of("followUpUntil", new Date()));
  }

  /**
   * A case of Baoxue walked until it waits at {@code stopAt} (a task or the follow-up timer), or
   * to its end when null; {@code notDropout} ends it at verification instead.
   */
  String baoxueCaseAt(String stopAt, boolean notDropout) {
    String pi = as(HappyPath.TEACHER,
        () -> runtime.createProcessInstanceByKey("dropout-case").setVariables(HappyPath.newChild()).execute().getId());
    if (notDropout) {
      completeStep(pi, new HappyPath.Step("verify", HappyPath.TEACHER,
          Map.of("verifyResult", "NOT_DROPOUT", "notDropoutReason", "TRANSFERRED", "verifyNotes", "已转学")), Map.of());
      return pi;
    }
    for (HappyPath.Step step : HappyPath.steps()) {
      if (step.taskKey().equals(stopAt)) {
        return pi;
      }
      completeStep(pi, step, Map.of());
    }
    return pi;
  }

  boolean isEnded(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0;
  }

  private String walk(String processKey, Map<String, Object> start, Map<String, Object> placementExtras) {
    String pi = as(HappyPath.TEACHER, () -> runtime.createProcessInstanceByKey(processKey).setVariables(start).execute().getId());
    for (HappyPath.Step step : HappyPath.steps()) {
      completeStep(pi, step, placementExtras);
    }
    return pi;
  }

  private void completeStep(String pi, HappyPath.Step step, Map<String, Object> placementExtras) {
    if (step.isTimer()) {
      Job timer = management.createJobQuery().processInstanceId(pi).activityId(step.taskKey()).singleResult();
      management.executeJob(timer.getId());
      return;
    }
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(step.taskKey()).singleResult();
    if (task == null) {
      throw new IllegalStateException(pi + " is not waiting at " + step.taskKey());
    }
    Map<String, Object> variables = new HashMap<>(step.variables());
    if ("planPlacement".equals(step.taskKey())) {
      variables.putAll(placementExtras);
    }
    as(step.user(), () -> {
      tasks.complete(task.getId(), variables);
      return null;
    });
  }

  <T> T as(String user, Supplier<T> work) {
    identity.setAuthentication(user, groups.computeIfAbsent(user, staff::groupIdsOf));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
