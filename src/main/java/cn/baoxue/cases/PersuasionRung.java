package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Coded;
import java.util.Arrays;
import java.util.Optional;

/**
 * The rungs of the persuasion ladder (劝返), in order, each the user task that works it. A rung
 * that brings the child back skips the rest.
 */
public enum PersuasionRung implements Coded {
  SCHOOL("persuadeSchool", "学校劝返"),
  JOINT("persuadeJoint", "联合劝返"),
  RETURN_ORDER("issueReturnOrder", "责令限期复学"),
  ORDER_COMPLIANCE("checkOrderCompliance", "限期复学核查"),
  LEGAL("legalReferral", "依法控辍");

  private final String taskKey;
  private final String label;

  PersuasionRung(String taskKey, String label) {
    this.taskKey = taskKey;
    this.label = label;
  }

  public String taskKey() {
    return taskKey;
  }

  @Override
  public String label() {
    return label;
  }

  public static Optional<PersuasionRung> ofTask(String taskKey) {
    return Arrays.stream(values()).filter(rung -> rung.taskKey.equals(taskKey)).findFirst();
  }
}
