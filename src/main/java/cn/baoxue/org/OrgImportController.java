package cn.baoxue.org;

import cn.baoxue.kernel.identity.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's upload pages for the org units and the staff accounts. */
@Controller
class OrgImportController {

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
