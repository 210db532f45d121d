package cn.baoxue.testing;

import cn.baoxue.org.StaffDirectory;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Does what a demo user would do, through the Java API with the engine's authorization checks on
 * for that user and her groups.
 */
public final class ActingUsers {

  private final ProcessEngine engine;
  private final StaffDirectory staff;

  public ActingUsers(ProcessEngine engine, StaffDirectory staff) {
    this.engine = engine;
    this.staff = staff;
  }

  public <T> T as(String user, Supplier<T> action) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, staff.groupIdsOf(user));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** teacher-changan reports a new child of 长安村小学. */
  public ProcessInstance reportAtChangan() {
    return as("teacher-changan", () -> engine.getRuntimeService().createProcessInstanceByKey("dropout-case")
        .setVariables(TestStudents.changanGirl()).execute());
  }

  /** The one open task of a process instance. */
  public Task taskOf(String processInstanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  public void complete(String user, String taskId, Map<String, Object> variables) {
    as(user, () -> {
      engine.getTaskService().complete(taskId, variables);
      return null;
    });
  }
}
