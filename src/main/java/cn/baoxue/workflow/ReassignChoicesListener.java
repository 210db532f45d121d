package cn.baoxue.workflow;

import cn.baoxue.org.Roles;
import cn.baoxue.org.StaffDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creating a 督办 task: the superior reassigns the overdue task by choosing a person by name from
 * those who work the case's school, village, township and county (the groups the escalation copied
 * onto the 督办 process). {@code SupervisionService} still checks whatever is submitted.
 */
@Component("reassignChoicesListener")
public class ReassignChoicesListener implements TaskListener {

  static final String REASSIGN_CHOICES = "newAssigneeChoices";
  /** Task-local and kept out of the history (LeanFullHistory), like the helpers' choices. */
  static final Set<String> CHOICES = Set.of(REASSIGN_CHOICES);
  private static final List<String> CASE_GROUPS = List.of("schoolGroup", "villageGroup", "townshipGroup", "countyGroup");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StaffDirectory staff;
  private final Roles roles;

  public ReassignChoicesListener(StaffDirectory staff, Roles roles) {
    this.staff = staff;
    this.roles = roles;
  }

  @Override
  public void notify(DelegateTask task) {
    // One option per person, by name with her role and unit: "李明华（教师，长安村小学）".
    Map<String, String> labelById = new LinkedHashMap<>();
    CASE_GROUPS.stream()
        .map(name -> (String) task.getVariable(name))
        .filter(Objects::nonNull)
        .forEach(groupId -> staff.membersOf(groupId)
            .forEach(user -> labelById.computeIfAbsent(user.getId(), roles::describe)));
    List<Map<String, String>> options = labelById.entrySet().stream()
        .map(option -> Map.of("label", option.getValue(), "value", option.getKey()))
        .toList();
    try {
      task.setVariableLocal(REASSIGN_CHOICES, SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
