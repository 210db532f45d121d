package cn.baoxue.atrisk;

import cn.baoxue.org.Roles;
import cn.baoxue.org.StaffDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code makePreventionPlan}: on create, the form's picker offers the school's staff by name; on
 * complete, the one-to-one teacher and the actions go to {@link PreventionPlans#recordPlan}.
 */
@Component("preventionPlanListener")
class PreventionPlanListener implements TaskListener {

  static final String TEACHER_CHOICES = "preventionHelperChoices";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PreventionPlans plans;
  private final StaffDirectory staff;
  private final Roles roles;

  PreventionPlanListener(PreventionPlans plans, StaffDirectory staff, Roles roles) {
    this.plans = plans;
    this.staff = staff;
    this.roles = roles;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      List<Map<String, String>> options = staff.membersOf((String) task.getVariable(PreventionPlans.SCHOOL_GROUP)).stream()
          .map(user -> Map.of("label", roles.describe(user.getId()), "value", user.getId())).toList();
      try {
        task.setVariableLocal(TEACHER_CHOICES, Variables.serializedObjectValue(JSON.writeValueAsString(options))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).objectTypeName("java.util.ArrayList").create());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    plans.recordPlan(((Number) task.getVariable(PreventionPlans.PLAN_ID)).longValue(), text(task, "helper"), text(task, "actions"),
        actor(task));
  }

  /** Who completed the task: the engine's current user, else its assignee. */
  static String actor(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee() == null ? "system" : task.getAssignee();
  }

  static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : String.valueOf(value);
  }
}
