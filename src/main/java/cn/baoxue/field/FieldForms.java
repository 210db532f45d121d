package cn.baoxue.field;

import cn.baoxue.cases.ContactType;
import cn.baoxue.kernel.process.TaskContracts;
import cn.baoxue.kernel.process.TaskContracts.Contract;
import cn.baoxue.kernel.process.TaskContracts.Field;
import cn.baoxue.kernel.process.TaskContracts.FieldType;
import cn.baoxue.kernel.process.TaskContracts.Option;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The forms the field app shows: for a step, the fields of its Camunda Form as its task contract
 * reads them (labels, choices, required) — the one source Tasklist shows too; for a contact, the
 * inputs of the contact log (ContactLogService), its types with their Chinese labels.
 */
@Component
class FieldForms {

  /** One input of the app's form. {@code type}: TEXT, INTEGER, NUMBER, BOOLEAN, DATE, TEXT_LIST. */
  record Input(String key, String label, String type, boolean required, boolean multiline, List<Option> options) {}

  /** Text fields whose form component is a textarea. */
  private static final List<String> MULTILINE = List.of("visitNotes", "persuasionNotes", "followUpNotes", "notes");

  Map<String, List<Input>> all() {
    Map<String, List<Input>> forms = new LinkedHashMap<>();
    for (EntryKind kind : EntryKind.values()) {
      forms.put(kind.name(), inputs(kind));
    }
    return forms;
  }

  List<Input> inputs(EntryKind kind) {
    if (!kind.completesTask()) {
      return List.of(
          new Input("type", "帮扶方式", FieldType.TEXT.name(), true, false,
              Arrays.stream(ContactType.values()).map(type -> new Option(type.name(), type.label())).toList()),
          new Input("date", "帮扶日期", FieldType.DATE.name(), true, false, List.of()),
          new Input("notes", "帮扶内容", FieldType.TEXT.name(), false, true, List.of()),
          new Input("amountYuan", "资助金额（元，仅资助资金填写）", FieldType.NUMBER.name(), false, false, List.of()));
    }
    return contract(kind).fields().values().stream()
        .filter(field -> !field.readOnly())
        .map(FieldForms::input)
        .toList();
  }

  /** The contract of the kind's step: every step of one kind shares its form. */
  Contract contract(EntryKind kind) {
    return TaskContracts.get().declaredTask(TaskContracts.CASE_PROCESS, kind.taskKeys().get(0))
        .orElseThrow(() -> new IllegalStateException("no task contract for " + kind.taskKeys().get(0)));
  }

  private static Input input(Field field) {
    return new Input(field.key(), field.label(), field.type().name(), field.required(), MULTILINE.contains(field.key()),
        field.options());
  }
}
