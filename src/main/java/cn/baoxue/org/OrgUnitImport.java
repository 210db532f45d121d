package cn.baoxue.org;

import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.org.ImportOutcome.BadRow;
import cn.baoxue.web.UploadedTable;
import cn.baoxue.web.UploadedTable.Line;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the jurisdiction tree from a file (组织机构导入): counties, townships, villages and
 * schools, one per row. Every row is checked before anything is written; one bad row refuses
 * the whole file. A good file adds new units and renames or moves known ones by their code,
 * parents before children, in one transaction; units missing from the file are left as they are.
 */
@Service
public class OrgUnitImport {

  private static final Logger log = LoggerFactory.getLogger(OrgUnitImport.class);
  private static final int MAX_NAME_LENGTH = 100;

  /** A unit as one row of the file gives it. */
  public record UnitRow(int line, String type, String code, String name, String parentCode) {}

  private record CheckedUnit(OrgUnitType type, String code, String name, String parentCode) {}

  private final OrgUnitRepository units;
  private final OrgUnitService orgUnits;
  private final int maxRows;
  private final int maxColumns;
  private final CountyDepartments departments;

  OrgUnitImport(OrgUnitRepository units, OrgUnitService orgUnits, @Value("${baoxue.imports.max-rows}") int maxRows,
      @Value("${baoxue.imports.max-columns}") int maxColumns, CountyDepartments departments) {
    this.departments = departments;
    this.units = units;
    this.orgUnits = orgUnits;
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  @Transactional
  public ImportOutcome importFile(byte[] content) {
    List<UnitRow> rows = new ArrayList<>();
    for (Line<OrgUnitColumn> line : UploadedTable.read(content, maxRows, maxColumns, OrgUnitColumn.class, "组织机构", "单位")) {
      rows.add(new UnitRow(line.lineNumber(), line.get(OrgUnitColumn.TYPE), line.get(OrgUnitColumn.CODE),
          line.get(OrgUnitColumn.NAME), line.get(OrgUnitColumn.PARENT_CODE)));
    }
    return importRows(rows);
  }

  @Transactional
  public ImportOutcome importRows(List<UnitRow> rows) {
    Map<String, OrgUnitType> typesInFile = new HashMap<>();
    Map<String, Integer> firstLineOf = new HashMap<>();
    for (UnitRow row : rows) {
      OrgUnitType.ofLabel(row.type()).ifPresent(type -> {
        if (row.code() != null) {
          typesInFile.putIfAbsent(row.code(), type);
        }
      });
    }
    List<BadRow> bad = new ArrayList<>();
    List<CheckedUnit> good = new ArrayList<>();
    for (UnitRow row : rows) {
      List<String> problems = new ArrayList<>();
      CheckedUnit unit = check(row, typesInFile, problems);
      if (row.code() != null) {
        Integer first = firstLineOf.putIfAbsent(row.code(), row.line());
        if (first != null) {
          problems.add("代码与第" + first + "行重复，同一单位在文件中只能出现一次");
        }
      }
      if (problems.isEmpty()) {
        good.add(unit);
      } else {
        bad.add(new BadRow(row.line(), row.code(), row.name(), problems));
      }
    }
    if (!bad.isEmpty()) {
      return ImportOutcome.refused(rows.size(), bad);
    }
    int created = 0;
    // Parents first: a county before its townships, a village before its schools.
    good.sort(Comparator.comparing(CheckedUnit::type));
    for (CheckedUnit unit : good) {
      if (!units.existsById(unit.code())) {
        created++;
      }
      orgUnits.register(unit.code(), unit.name(), unit.type(), unit.parentCode());
    }
    log.info("Org units imported: {} rows, {} new, {} updated", rows.size(), created, good.size() - created);
    return new ImportOutcome(true, rows.size(), created, good.size() - created, List.of());
  }

  private CheckedUnit check(UnitRow row, Map<String, OrgUnitType> typesInFile, List<String> problems) {
    OrgUnitType type = null;
    if (row.type() == null) {
      problems.add("类型不能为空（省、市、县、乡镇、村、学校或部门）");
    } else {
      type = OrgUnitType.ofLabel(row.type()).orElse(null);
      if (type == null) {
        problems.add("未知的类型：" + row.type() + "（应为省、市、县、乡镇、村、学校或部门）");
      }
    }
    if (row.code() == null) {
      problems.add("代码不能为空");
    } else if (type != null && !row.code().matches("[0-9]{" + type.codeLength() + "}")) {
      problems.add(type.label() + "代码须为" + type.codeLength() + "位数字：" + row.code());
    } else if (type == null && !row.code().matches("[0-9]+")) {
      problems.add("代码须为数字：" + row.code());
    }
    if (row.name() == null) {
      problems.add("名称不能为空");
    } else if (row.name().length() > MAX_NAME_LENGTH) {
      problems.add("名称不能超过" + MAX_NAME_LENGTH + "个字");
    }
    if (type != null) {
      checkParent(row, type, typesInFile, problems);
    }
    if (type == OrgUnitType.DEPARTMENT && row.code() != null && row.code().matches("[0-9]{" + type.codeLength() + "}")) {
      checkDepartment(row, problems);
    }
    return new CheckedUnit(type, row.code(), row.name(), row.parentCode());
  }

  /** A department's code is its county's code and the number {@code baoxue.departments} gives its kind. */
  private void checkDepartment(UnitRow row, List<String> problems) {
    if (row.parentCode() != null && !row.code().startsWith(row.parentCode())) {
      problems.add("部门代码须以所属县的代码开头：" + row.code() + " 不属于 " + row.parentCode());
    }
    if (departments.ofUnit(row.code()).isEmpty()) {
      problems.add("部门代码的末两位须为已配置的部门编号（"
          + String.join("、", departments.departments().stream().map(d -> d.number() + " " + d.name()).toList()) + "）：" + row.code());
    }
  }

  private void checkParent(UnitRow row, OrgUnitType type, Map<String, OrgUnitType> typesInFile, List<String> problems) {
    OrgUnitType expected = type.parentType();
    if (expected == null) {
      if (row.parentCode() != null) {
        problems.add(type.label() + "是最高一级，上级代码应为空");
      }
      return;
    }
    if (row.parentCode() == null && type.mayBeTop()) {
      // A county (or prefecture) at the top of its deployment, as Baoxue began.
      return;
    }
    if (row.parentCode() == null) {
      problems.add(type.label() + "的上级代码不能为空（应为所属" + expected.label() + "的代码）");
      return;
    }
    Optional<OrgUnitType> parentType =
        Optional.ofNullable(typesInFile.get(row.parentCode()))
            .or(() -> units.findById(row.parentCode()).map(OrgUnit::getType));
    if (parentType.isEmpty()) {
      problems.add("上级代码" + row.parentCode() + "不存在（文件中和系统中都没有这个单位）");
    } else if (parentType.get() != expected) {
      problems.add(type.label() + "的上级须为" + expected.label() + "，" + row.parentCode() + "是" + parentType.get().label());
    } else if (expected.digitsSharedBelow() > 0 && row.code() != null
        && !row.code().startsWith(row.parentCode().substring(0, Math.min(expected.digitsSharedBelow(), row.parentCode().length())))) {
      // GB/T 2260: the jurisdiction of a prefecture or province is read from its counties' leading digits.
      problems.add(type.label() + "代码须以所属" + expected.label() + "代码的前" + expected.digitsSharedBelow() + "位开头（行政区划代码）："
          + row.code() + " 不属于 " + row.parentCode());
    }
  }
}
