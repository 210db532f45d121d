package cn.baoxue.org;

/** The school, home village, township and county that a case belongs to. */
public record CaseJurisdiction(OrgUnit school, OrgUnit village, OrgUnit township, OrgUnit county) {

  public String schoolGroup() {
    return GroupIds.of(school);
  }

  public String villageGroup() {
    return GroupIds.of(village);
  }

  public String townshipGroup() {
    return GroupIds.of(township);
  }

  public String countyGroup() {
    return GroupIds.of(county);
  }

  /** Whether a member of these groups may act for this case's school, village, township or county. */
  public boolean isWithin(Jurisdiction jurisdiction) {
    return jurisdiction.covers(school.getCode(), village.getCode(), township.getCode(), county.getCode());
  }
}
