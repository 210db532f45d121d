package cn.baoxue.workflow;

import cn.baoxue.cases.PersonalDataPolicy;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The start variables that carry a child's or her guardian's personal data, each with its mask
 * from {@link PersonalDataPolicy}. A case start must send them (the report form and every other
 * way in), the intake reads them in full into the {@code student} table, and from then on the
 * process engine keeps them masked — in its runtime variables ({@link CaseIntakeListener}), in its
 * history ({@link MaskedPersonalHistory}) and in a database written by an earlier release
 * (the upgrade step {@code operations.MaskPersonalVariablesMigration}). Nothing in the model or in
 * a task form reads them: a task names its case by {@code caseId} and the case number.
 */
public final class PersonalVariables {

  private static final Map<String, UnaryOperator<String>> MASKS = Map.of(
      "studentIdNumber", PersonalDataPolicy::maskIdNumber,
      "guardianPhone", PersonalDataPolicy::maskPhone,
      "birthDate", PersonalDataPolicy::maskBirthDate);

  public static final Set<String> NAMES = MASKS.keySet();

  private PersonalVariables() {}

  public static boolean isPersonal(String name) {
    return name != null && MASKS.containsKey(name);
  }

  /** The value as the engine may keep it. Masking a masked value changes nothing, so every step may be run again. */
  public static String masked(String name, String value) {
    return value == null ? null : MASKS.get(name).apply(value);
  }
}
