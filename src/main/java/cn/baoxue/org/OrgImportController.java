package cn.baoxue.org;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's upload pages for the org units and the staff accounts. */
@Controller
class OrgImportController {

  @GetMapping("/admin/org")
  String orgUnits(Authentication user) {
    OrgImportApiController.requireAdmin(user);
    return "admin/org";
  }

  @GetMapping("/admin/staff")
  String staff(Authentication user) {
    OrgImportApiController.requireAdmin(user);
    return "admin/staff";
  }
}
