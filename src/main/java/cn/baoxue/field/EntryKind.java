package cn.baoxue.field;

import cn.baoxue.cases.ContactType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a field entry records (外勤登记): a step of the case process, completed as Tasklist
 * completes it, or a 结对帮扶 contact of the contact log. The task ids are DESIGN.md's.
 */
enum EntryKind {
  HOME_VISIT("入户家访", List.of("homeVisit")),
  PERSUASION("劝返", List.of("persuadeSchool", "persuadeJoint")),
  FOLLOW_UP("跟踪回访", List.of("followUp")),
  CONTACT("结对帮扶联系", List.of());

  private final String label;
  private final List<String> taskKeys;

  EntryKind(String label, List<String> taskKeys) {
    this.label = label;
    this.taskKeys = taskKeys;
  }

  String label() {
    return label;
  }

  List<String> taskKeys() {
    return taskKeys;
  }

  boolean completesTask() {
    return !taskKeys.isEmpty();
  }

  /** An entry kept as a contact record after its step moved on: a visit to the family. */
  ContactType contactType() {
    return ContactType.HOME_VISIT;
  }

  static Optional<EntryKind> ofTask(String taskKey) {
    return Arrays.stream(values()).filter(kind -> kind.taskKeys.contains(taskKey)).findFirst();
  }

  static Optional<EntryKind> of(String name) {
    return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
  }
}
