package cn.baoxue.reconciliation;

import java.util.Map;
import java.util.Set;

/**
 * Where a run looks: its area (a county, or a township of it) and the org tree as the comparison
 * needs it, read once per run — every village with its township, every school with its village and
 * county. A few thousand units, not a registry: it is held in memory.
 */
record RunArea(String areaCode, String countyCode, Map<String, String> townshipOfVillage, Set<String> areaVillages,
    Map<String, School> schools) {

  /** A school Baoxue knows: where it is. */
  record School(String code, String villageCode, String countyCode) {}

  boolean isCountyRun() {
    return areaCode.equals(countyCode);
  }
}
