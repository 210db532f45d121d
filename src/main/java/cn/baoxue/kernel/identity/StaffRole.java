package cn.baoxue.kernel.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a member of staff does (角色), as the staff file names it, with the kind of unit she
 * belongs to and the Camunda groups that give her the work and the jurisdiction of that role.
 */
public enum StaffRole {
  TEACHER("教师", OrgUnitType.SCHOOL),
  PRINCIPAL("校长", OrgUnitType.SCHOOL),
  VILLAGE_CADRE("村干部", OrgUnitType.VILLAGE),
  TOWNSHIP_OFFICIAL("乡镇干部", OrgUnitType.TOWNSHIP),
  EDUCATION_BUREAU("教育局", OrgUnitType.COUNTY),
  WOMEN_FEDERATION("妇联", OrgUnitType.COUNTY),
  /** The deployment's auditors (督导审计): every case, and Cockpit, read-only; the county is whom they report to. */
  AUDITOR("审计", OrgUnitType.COUNTY),
  /** A county's own auditors: its cases, read-only, in Baoxue's pages. */
  COUNTY_AUDITOR("县审计", OrgUnitType.COUNTY),
  /** A prefecture's auditors (市级督导): the cases of its counties. */
  PREFECTURE_AUDITOR("市审计", OrgUnitType.PREFECTURE),
  /** A province's auditors (省级督导): the cases of its prefectures and counties. */
  PROVINCE_AUDITOR("省审计", OrgUnitType.PROVINCE),
  /** 市（州）教育局: supervises its counties (督办 beyond the county, reports). */
  PREFECTURE_BUREAU("市教育局", OrgUnitType.PREFECTURE),
  /** 省教育厅: supervises the province's prefectures and counties. */
  PROVINCE_DEPARTMENT("省教育厅", OrgUnitType.PROVINCE),
  /** 部门工作人员 (联控联保): answers the referrals sent to her county department; sees no case ledger. */
  DEPARTMENT_OFFICER("部门工作人员", OrgUnitType.DEPARTMENT),
  /** 残疾人教育专家委员会 of a county: assesses its disabled children and decides their placement; sees no case ledger. */
  EXPERT_COMMITTEE("残疾人教育专家委员会", OrgUnitType.COUNTY);

  private final String label;
  private final OrgUnitType unitType;

  StaffRole(String label, OrgUnitType unitType) {
    this.label = label;
    this.unitType = unitType;
  }

  public String label() {
    return label;
  }

  public OrgUnitType unitType() {
    return unitType;
  }

  public static Optional<StaffRole> ofLabel(String label) {
    return Arrays.stream(values()).filter(role -> role.label.equals(label)).findFirst();
  }

  public static String labels() {
    return String.join("、", Arrays.stream(values()).map(StaffRole::label).toList());
  }

  /**
   * The groups of this role in the given unit. Auditors read every case wherever they sit (see
   * {@link Jurisdiction}); their county only tells whom they report to.
   */
  public List<String> groupIds(String unitCode) {
    return switch (this) {
      case TEACHER, VILLAGE_CADRE, TOWNSHIP_OFFICIAL, EDUCATION_BUREAU, PREFECTURE_BUREAU, PROVINCE_DEPARTMENT, DEPARTMENT_OFFICER ->
          List.of(GroupIds.of(unitType, unitCode));
      case PRINCIPAL -> List.of(GroupIds.of(unitType, unitCode), GroupIds.PRINCIPALS);
      case WOMEN_FEDERATION -> List.of(GroupIds.womenFederation(unitCode));
      case EXPERT_COMMITTEE -> List.of(GroupIds.experts(unitCode));
      case AUDITOR -> List.of(GroupIds.AUDITORS);
      case COUNTY_AUDITOR, PREFECTURE_AUDITOR, PROVINCE_AUDITOR -> List.of(GroupIds.auditorsOf(unitType, unitCode));
    };
  }

  /**
   * Whether a group is one that roles hand out (a unit's auditors' group among them), so that a change of role or unit takes it away.
   * Other groups (系统管理员, groups made by hand in Camunda Admin) are left alone.
   */
  public static boolean handsOut(String groupId) {
    return GroupIds.unitCode(groupId) != null || GroupIds.PRINCIPALS.equals(groupId) || GroupIds.AUDITORS.equals(groupId);
  }
}
