package cn.baoxue.benchmark;

import cn.baoxue.org.StaffDirectory;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
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

  EngineWalk(BenchApplication app) {
    runtime = app.bean(RuntimeService.class);
    tasks = app.bean(TaskService.class);
    management = app.bean(ManagementService.class);
    identity = app.bean(IdentityService.class);
    staff = app.bean(StaffDirectory.class);
  }

  /** Deploys the bare twin and lets the school's teachers start it, as they may start a real case. */
  static void deployBareTwin(BenchApplication app) {
    app.bean(RepositoryService.class).createDeployment().name("benchmark")
        .addModelInstance(BareDropoutCase.KEY + ".bpmn", BareDropoutCase.model()).deploy();
    AuthorizationService authorizations = app.bean(AuthorizationService.class);
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(BareDropoutCase.SCHOOL);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(BareDropoutCase.KEY);
    grant.addPermission(Permissions.CREATE_INSTANCE);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }

  /** One case through dropout-case.bpmn; returns its process instance id. */
  String walkBaoxue() {
    return walk("dropout-case", HappyPath.newChild(), Map.of());
  }

  /** The same walk through the bare twin (the follow-up period, set by a listener in Baoxue, is supplied). */
  String walkBare() {
    return walk(BareDropoutCase.KEY, HappyPath.newChild(), Map.of("followUpUntil", new Date()));
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
