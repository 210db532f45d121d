package cn.baoxue.enrolment;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.web.Spreadsheet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 学籍异动: the 异动花名册 of a term as a page and as xlsx. */
@Controller
class EnrolmentChangeController {

  private final EnrolmentChanges changes;

  EnrolmentChangeController(EnrolmentChanges changes) {
    this.changes = changes;
  }

  @GetMapping("/students/changes")
  String page(@RequestParam(required = false) String term, @RequestParam(required = false) String unit,
      Authentication user, Model model) {
    var schoolTerm = changes.term(term);
    model.addAttribute("term", schoolTerm);
    model.addAttribute("terms", changes.termNames());
    model.addAttribute("unit", unit);
    model.addAttribute("changes", changes.ofTerm(schoolTerm.name(), blankToNull(unit), Staff.of(user).jurisdiction()));
    return "students/changes";
  }

  @GetMapping("/students/changes.xlsx")
  void export(@RequestParam(required = false) String term, @RequestParam(required = false) String unit,
      Authentication user, HttpServletResponse response) throws IOException {
    var schoolTerm = changes.term(term);
    List<EnrolmentChanges.Listed> listed = changes.ofTerm(schoolTerm.name(), blankToNull(unit), Staff.of(user).jurisdiction());
    try (Spreadsheet sheet = Spreadsheet.download(response, "学籍异动花名册-" + schoolTerm.name())) {
      sheet.sheet("异动花名册", List.of("异动日期", "异动类型", "姓名", "身份证号", "性别", "年级", "原学校", "转入学校", "异动原因", "经办人"));
      for (EnrolmentChanges.Listed c : listed) {
        sheet.row(c.date().toString(), c.type(), c.studentName(), c.idNumber(), c.gender(), c.grade(), c.fromSchool(),
            c.toSchool(), c.reason(), c.recordedBy());
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
