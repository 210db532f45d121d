package cn.baoxue.field;

import java.util.List;

/**
 * The case moved on while the entry waited on the phone: its step was done by someone else, the
 * case was closed, or the step went to someone else. Nothing is applied; the user chooses.
 */
class FieldEntryConflict extends RuntimeException {

  /** One way out, as the app offers it; {@code taskId} and {@code kind} name the step to re-enter on. */
  record Choice(String code, String label, String taskId, String taskName, String kind) {

    static Choice keepAsContact() {
      return new Choice("CONTACT", "保留为联系记录", null, null, null);
    }

    static Choice discard() {
      return new Choice("DISCARD", "放弃", null, null, null);
    }

    static Choice reenter(String taskId, String taskName, EntryKind kind) {
      return new Choice("REENTER", "在当前环节重新填写", taskId, taskName, kind.name());
    }
  }

  private final String reason;
  private final List<Choice> choices;

  FieldEntryConflict(String reason, String message, List<Choice> choices) {
    super(message);
    this.reason = reason;
    this.choices = List.copyOf(choices);
  }

  String reason() {
    return reason;
  }

  List<Choice> choices() {
    return choices;
  }
}
