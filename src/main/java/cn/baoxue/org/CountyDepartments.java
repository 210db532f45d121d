package cn.baoxue.org;

import cn.baoxue.kernel.identity.OrgUnitType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The departments each county has for 联控联保 (公安、民政、人社、残联、司法、妇联、共青团), as
 * {@code baoxue.departments} lists them: a department's org unit is its county's code followed by
 * its two-digit number (镇雄县公安局 53062701), its group {@code GroupIds.department(unitCode)}.
 */
@ConfigurationProperties("baoxue")
public record CountyDepartments(List<Department> departments) {

  /** One kind of department: its code (PUBLIC_SECURITY), its short Chinese name (公安), its number (01). */
  public record Department(String code, String name, String number) {

    /** This department's unit in the given county. */
    public String unitCode(String countyCode) {
      return countyCode + number;
    }
  }

  public CountyDepartments {
    departments = departments == null ? List.of() : List.copyOf(departments);
    Set<String> codes = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    int digits = OrgUnitType.DEPARTMENT.codeLength() - OrgUnitType.COUNTY.codeLength();
    for (Department department : departments) {
      if (department.code() == null || !department.code().matches("[A-Z][A-Z_]*") || !codes.add(department.code())) {
        throw new IllegalStateException("baoxue.departments: codes must be distinct upper-case words: " + department.code());
      }
      if (department.number() == null || !department.number().matches("[0-9]{" + digits + "}") || !numbers.add(department.number())) {
        throw new IllegalStateException("baoxue.departments: numbers must be distinct, " + digits + " digits: " + department.number());
      }
      if (department.name() == null || department.name().isBlank()) {
        throw new IllegalStateException("baoxue.departments: " + department.code() + " has no name");
      }
    }
  }

  public Optional<Department> byCode(String code) {
    return departments.stream().filter(department -> department.code().equals(code)).findFirst();
  }

  /** The department a department unit code stands for (53062701 → 公安), if its number is configured. */
  public Optional<Department> ofUnit(String unitCode) {
    if (unitCode == null || unitCode.length() != OrgUnitType.DEPARTMENT.codeLength()) {
      return Optional.empty();
    }
    String number = unitCode.substring(OrgUnitType.COUNTY.codeLength());
    return departments.stream().filter(department -> department.number().equals(number)).findFirst();
  }

  /** The county a department unit belongs to. */
  public static String countyOf(String unitCode) {
    return unitCode.substring(0, OrgUnitType.COUNTY.codeLength());
  }
}
