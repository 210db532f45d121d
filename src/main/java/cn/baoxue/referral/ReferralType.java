package cn.baoxue.referral;

import cn.baoxue.kernel.validation.Coded;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a case asks of a department (联控联保), with the facts of the child the department needs for
 * it and nothing more. The full 身份证号 goes only where the department's own work is keyed by it:
 * the police search the population register (查找下落), the labour inspectors prove the child's age
 * against the employer's records (制止违法用工), and the disabled persons' federation issues the
 * 残疾人证 against it (残疾评估). 民政 (生活救助) and 司法 (法律援助) meet the family, who bring their own
 * papers to an application: they see the number masked.
 */
public enum ReferralType implements Coded {
  LOCATE_CHILD("查找下落", "PUBLIC_SECURITY", 10, EnumSet.of(Fact.FULL_ID_NUMBER, Fact.GUARDIAN_PHONE, Fact.WHEREABOUTS)),
  STOP_CHILD_LABOUR("制止违法用工", "HUMAN_RESOURCES", 10, EnumSet.of(Fact.FULL_ID_NUMBER, Fact.WHEREABOUTS)),
  LIVING_ASSISTANCE("生活救助", "CIVIL_AFFAIRS", 15, EnumSet.of(Fact.GUARDIAN_PHONE, Fact.SPECIAL_GROUPS)),
  DISABILITY_ASSESSMENT("残疾评估", "DISABLED_PERSONS_FEDERATION", 20,
      EnumSet.of(Fact.FULL_ID_NUMBER, Fact.GUARDIAN_PHONE, Fact.SPECIAL_GROUPS)),
  LEGAL_AID("法律援助", "JUSTICE", 15, EnumSet.of(Fact.GUARDIAN_PHONE));

  /** Facts beyond those every referral carries (the child's name, gender, age, home, school and the reason). */
  public enum Fact {
    /** The 身份证号 in full (otherwise masked: 530627********1234). */
    FULL_ID_NUMBER,
    /** The guardian's phone in full (otherwise masked). */
    GUARDIAN_PHONE,
    /** Where the last home visit found the child. */
    WHEREABOUTS,
    /** 建档立卡、孤儿、事实无人抚养、残疾 ... */
    SPECIAL_GROUPS
  }

  private final String label;
  private final String usualDepartment;
  private final int workingDays;
  private final Set<Fact> facts;

  ReferralType(String label, String usualDepartment, int workingDays, Set<Fact> facts) {
    this.label = label;
    this.usualDepartment = usualDepartment;
    this.workingDays = workingDays;
    this.facts = facts;
  }

  @Override
  public String label() {
    return label;
  }

  /** The department that usually answers this type (the page's suggestion; any department may be chosen). */
  public String usualDepartment() {
    return usualDepartment;
  }

  /** The answer deadline, in working days, when the sender names none. */
  public int workingDays() {
    return workingDays;
  }

  public boolean discloses(Fact fact) {
    return facts.contains(fact);
  }
}
