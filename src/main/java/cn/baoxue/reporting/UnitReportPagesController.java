package cn.baoxue.reporting;

import cn.baoxue.kernel.identity.Staff;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 报表报送 on a phone: a unit's reports (待报送, 逾期未报, 已报送), each with its figures and the official
 * layouts to print, and for an upper level the lower units that have not submitted, by name.
 */
@Controller
class UnitReportPagesController {

  private final UnitReportDoors doors;

  UnitReportPagesController(UnitReportDoors doors) {
    this.doors = doors;
  }

  @GetMapping("/unit-reports")
  String ofUnit(@RequestParam(required = false) String unit, HttpServletRequest request, Staff staff, Model model) {
    UnitReportDoors.onlyParameters(request.getParameterMap().keySet(), Set.of("unit"));
    String code = unit == null || unit.isBlank() ? doors.ownUnit(staff) : unit;
    List<UnitReportView> reports = doors.ofUnit(code, staff);
    model.addAttribute("reports", reports);
    model.addAttribute("unitName", doors.unitName(code, staff));
    model.addAttribute("figures", ReportFigure.all());
    return "unit-reports/list";
  }

  /** 人账相符核对 of one report: what differs, and where. */
  @GetMapping("/unit-reports/{id}/consistency")
  String consistency(@org.springframework.web.bind.annotation.PathVariable long id, HttpServletRequest request, Staff staff,
      Model model) {
    UnitReportDoors.onlyParameters(request.getParameterMap().keySet(), Set.of());
    model.addAttribute("check", doors.consistency(id, staff));
    return "unit-reports/consistency";
  }
}
