package cn.baoxue.kernel.identity;

/**
 * The Camunda group ids (docs/architecture.md). Task routing, authorizations and jurisdiction all read
 * group ids through here, so the patterns live in one place.
 */
public final class GroupIds {

  public static final String PRINCIPALS = "principals";
  public static final String AUDITORS = "auditors";
  public static final String ADMINS = "camunda-admin";

  private static final String SCHOOL = "school_";
  private static final String VILLAGE = "village_";
  private static final String TOWNSHIP = "township_";
  private static final String COUNTY = "county_";
  private static final String PREFECTURE = "prefecture_";
  private static final String PROVINCE = "province_";
  private static final String WOMENFED = "womenfed_";
  /** Before a unit's group id: that unit's auditors ("audit_prefecture_530600"). */
  private static final String AUDIT = "audit_";
  /** A county department answering referrals (联控联保): {@code dept_<departmentUnitCode>}, e.g. dept_53062701. */
  private static final String DEPARTMENT = "dept_";
  /** A county's expert committee for the education of disabled children (残疾人教育专家委员会): {@code experts_<countyCode>}. */
  private static final String EXPERTS = "experts_";

  private GroupIds() {}

  /** The group whose members work the cases of an org unit: school, village, township or county. */
  public static String of(OrgUnitType type, String code) {
    return prefix(type) + code;
  }

  public static String school(String schoolCode) {
    return SCHOOL + schoolCode;
  }

  public static String village(String villageCode) {
    return VILLAGE + villageCode;
  }

  public static String township(String townshipCode) {
    return TOWNSHIP + townshipCode;
  }

  public static String county(String countyCode) {
    return COUNTY + countyCode;
  }

  public static String prefecture(String prefectureCode) {
    return PREFECTURE + prefectureCode;
  }

  public static String province(String provinceCode) {
    return PROVINCE + provinceCode;
  }

  public static String womenFederation(String countyCode) {
    return WOMENFED + countyCode;
  }

  /**
   * The auditors (督导审计) of a county, prefecture or province: they read the cases of that unit
   * and of every unit below it, as its staff do, and change nothing.
   */
  public static String auditorsOf(OrgUnitType type, String code) {
    return AUDIT + of(type, code);
  }

  /** The unit group an auditors' group audits ({@code audit_county_530627} → {@code county_530627}), or null. */
  public static String auditedGroup(String groupId) {
    return groupId != null && groupId.startsWith(AUDIT) ? groupId.substring(AUDIT.length()) : null;
  }

  /**
   * The county's expert committee (残疾人教育专家委员会): assesses its disabled children of compulsory
   * age and decides their placement; reads those children only, no case of its county.
   */
  public static String experts(String countyCode) {
    return EXPERTS + countyCode;
  }

  /** The county an expert committee's group belongs to, or null if the group is no committee's. */
  public static String countyOfExperts(String groupId) {
    return kindOf(groupId) == Kind.EXPERTS ? groupId.substring(EXPERTS.length()) : null;
  }

  /** The group of a county department (公安局, 民政局, ...), by the department's unit code. */
  public static String department(String departmentUnitCode) {
    return DEPARTMENT + departmentUnitCode;
  }

  /**
   * The county a department's group belongs to (the first six digits of its unit code), or null
   * if the group is no department's.
   */
  public static String countyOfDepartment(String groupId) {
    if (kindOf(groupId) != Kind.DEPARTMENT) {
      return null;
    }
    String code = groupId.substring(DEPARTMENT.length());
    return code.length() == OrgUnitType.DEPARTMENT.codeLength() ? code.substring(0, OrgUnitType.COUNTY.codeLength()) : null;
  }

  private static String prefix(OrgUnitType type) {
    return switch (type) {
      case SCHOOL -> SCHOOL;
      case VILLAGE -> VILLAGE;
      case TOWNSHIP -> TOWNSHIP;
      case COUNTY -> COUNTY;
      case PREFECTURE -> PREFECTURE;
      case PROVINCE -> PROVINCE;
      case DEPARTMENT -> DEPARTMENT;
    };
  }

  /** What a group stands for: a unit's staff (by level), a role across units, or anything else. */
  public enum Kind {
    SCHOOL, VILLAGE, TOWNSHIP, COUNTY, PREFECTURE, PROVINCE, WOMEN_FEDERATION,
    /** A county department (联控联保): works the referrals sent to it, and no case of its county. */
    DEPARTMENT,
    /** A county's expert committee (残疾人教育专家委员会): assesses disabled children, no case of its county. */
    EXPERTS,
    PRINCIPALS,
    /** The deployment's auditors: every case, and the Camunda webapps read-only. */
    AUDITORS,
    /** A county's, prefecture's or province's auditors: the cases of that unit, in Baoxue's pages. */
    UNIT_AUDITORS,
    ADMINS, OTHER;

    /** Groups whose members work cases (and so are not read-only like auditors). */
    public boolean givesWork() {
      return this != AUDITORS && this != UNIT_AUDITORS && this != PRINCIPALS && this != OTHER;
    }

    /** Groups whose members read and change nothing. */
    public boolean audits() {
      return this == AUDITORS || this == UNIT_AUDITORS;
    }
  }

  public static Kind kindOf(String groupId) {
    if (groupId == null) {
      return Kind.OTHER;
    }
    if (groupId.startsWith(AUDIT)) {
      return Kind.UNIT_AUDITORS;
    }
    if (groupId.startsWith(SCHOOL)) {
      return Kind.SCHOOL;
    }
    if (groupId.startsWith(VILLAGE)) {
      return Kind.VILLAGE;
    }
    if (groupId.startsWith(TOWNSHIP)) {
      return Kind.TOWNSHIP;
    }
    if (groupId.startsWith(COUNTY)) {
      return Kind.COUNTY;
    }
    if (groupId.startsWith(PREFECTURE)) {
      return Kind.PREFECTURE;
    }
    if (groupId.startsWith(PROVINCE)) {
      return Kind.PROVINCE;
    }
    if (groupId.startsWith(WOMENFED)) {
      return Kind.WOMEN_FEDERATION;
    }
    if (groupId.startsWith(DEPARTMENT)) {
      return Kind.DEPARTMENT;
    }
    if (groupId.startsWith(EXPERTS)) {
      return Kind.EXPERTS;
    }
    return switch (groupId) {
      case PRINCIPALS -> Kind.PRINCIPALS;
      case AUDITORS -> Kind.AUDITORS;
      case ADMINS -> Kind.ADMINS;
      default -> Kind.OTHER;
    };
  }

  /** The org unit code a jurisdiction group (or its auditors' group) stands for, or null for role groups. */
  public static String unitCode(String groupId) {
    if (groupId.startsWith(AUDIT)) {
      return unitCode(groupId.substring(AUDIT.length()));
    }
    for (String prefix : new String[] {SCHOOL, VILLAGE, TOWNSHIP, COUNTY, PREFECTURE, PROVINCE, WOMENFED, DEPARTMENT, EXPERTS}) {
      if (groupId.startsWith(prefix)) {
        return groupId.substring(prefix.length());
      }
    }
    return null;
  }
}
