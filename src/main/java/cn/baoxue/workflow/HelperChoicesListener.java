package cn.baoxue.workflow;

import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.org.Roles;
import cn.baoxue.org.StaffDirectory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creating {@code assignHelpers}: the form's pickers offer only people of the case's jurisdiction —
 * teachers of its school, cadres of its village, the county's women's federation. The completion
 * listener still checks whatever is submitted.
 */
@Component("helperChoicesListener")
public class HelperChoicesListener implements TaskListener {

  static final String TEACHER_CHOICES = "teacherHelperChoices";
  static final String CADRE_CHOICES = "cadreHelperChoices";
  static final String WOMENFED_CHOICES = "womenfedHelperChoices";
  /** The form's option lists, task-local and kept out of the history (LeanFullHistory). */
  static final Set<String> CHOICES = Set.of(TEACHER_CHOICES, CADRE_CHOICES, WOMENFED_CHOICES);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StaffDirectory staff;
  private final Roles roles;

  public HelperChoicesListener(StaffDirectory staff, Roles roles) {
    this.staff = staff;
    this.roles = roles;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(TEACHER_CHOICES, choices((String) task.getVariable("schoolGroup")));
    task.setVariableLocal(CADRE_CHOICES, choices((String) task.getVariable("villageGroup")));
    String county = (String) task.getVariable("countyCode");
    task.setVariableLocal(WOMENFED_CHOICES, choices(GroupIds.womenFederation(county)));
  }

  /** The form-js option list, people by name and role: [{"label": "李明华（教师，长安村小学）", "value": "teacher-changan"}, …] */
  private Object choices(String groupId) {
    List<Map<String, String>> options = staff.membersOf(groupId).stream()
        .map(User::getId)
        .map(id -> Map.of("label", roles.describe(id), "value", id))
        .toList();
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
