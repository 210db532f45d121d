package cn.baoxue.org;

import cn.baoxue.kernel.identity.Staff;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's upload pages for the org units and the staff accounts, and their templates. */
@Controller
class OrgImportController {

  private final OrgTemplates templates;

  OrgImportController(OrgTemplates templates) {
    this.templates = templates;
  }

  @GetMapping("/admin/org/template.xlsx")
  void orgUnitsTemplate(Staff staff, HttpServletResponse response) throws IOException {
    OrgImportApiController.requireAdmin(staff);
    templates.orgUnits().download(response, OrgTemplates.ORG_FILE_NAME);
  }

  @GetMapping("/admin/staff/template.xlsx")
  void staffTemplate(Staff staff, HttpServletResponse response) throws IOException {
    OrgImportApiController.requireAdmin(staff);
    templates.staff().download(response, OrgTemplates.STAFF_FILE_NAME);
  }

  @GetMapping("/admin/org")
  String orgUnits(Staff staff) {
    OrgImportApiController.requireAdmin(staff);
    return "admin/org";
  }

  @GetMapping("/admin/staff")
  String staff(Staff staff) {
    OrgImportApiController.requireAdmin(staff);
    return "admin/staff";
  }
}
