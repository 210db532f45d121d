package cn.baoxue.workflow;

import cn.baoxue.org.Roles;
import cn.baoxue.org.StaffDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The people a form lets its user choose, as a form-js option list: each person once, by name with
 * her role and unit, the login id only as the submitted value —
 * [{"label": "李明华（教师，长安村小学）", "value": "teacher-changan"}, …].
 */
@Component
class PeopleChoices {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StaffDirectory staff;
  private final Roles roles;

  PeopleChoices(StaffDirectory staff, Roles roles) {
    this.staff = staff;
    this.roles = roles;
  }

  /** The members of these groups, group by group in the order given; a null group adds no one. */
  Object membersOf(String... groupIds) {
    List<Map<String, String>> options = Arrays.stream(groupIds)
        .filter(Objects::nonNull)
        .flatMap(groupId -> staff.membersOf(groupId).stream())
        .map(User::getId)
        .distinct()
        .map(id -> Map.of("label", roles.describe(id), "value", id))
        .toList();
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
