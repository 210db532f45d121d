package cn.baoxue.org;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.web.UnreadableUploadException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/admin/org} and {@code POST /api/admin/staff}: a county going live loads its
 * jurisdiction tree and its staff accounts from files. Administrators only.
 */
@RestController
class OrgImportApiController {

  private final OrgUnitImport orgUnitImport;
  private final StaffImport staffImport;

  OrgImportApiController(OrgUnitImport orgUnitImport, StaffImport staffImport) {
    this.orgUnitImport = orgUnitImport;
    this.staffImport = staffImport;
  }

  @PostMapping(path = "/api/admin/org", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> importOrgUnits(@RequestParam("file") MultipartFile file, Staff staff)
      throws IOException {
    return answer(staff, file, orgUnitImport::importFile, "个单位");
  }

  @PostMapping(path = "/api/admin/staff", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> importStaff(@RequestParam("file") MultipartFile file, Staff staff)
      throws IOException {
    return answer(staff, file, staffImport::importFile, "个账号");
  }

  private static ResponseEntity<Map<String, Object>> answer(
      Staff staff, MultipartFile file, Function<byte[], ImportOutcome> importer, String unit) throws IOException {
    requireAdmin(staff);
    ImportOutcome outcome = importer.apply(file.getBytes());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accepted", outcome.accepted());
    body.put("rows", outcome.rows());
    if (outcome.accepted()) {
      body.put("message",
          "导入成功：共" + outcome.rows() + "行，新建" + outcome.created() + unit + "，更新" + outcome.updated() + unit);
      body.put("created", outcome.created());
      body.put("updated", outcome.updated());
      return ResponseEntity.ok(body);
    }
    body.put("message", "文件中有" + outcome.badRows().size() + "行不符合要求，整份文件未导入，请逐行修改后重新上传");
    body.put("badRowCount", outcome.badRows().size());
    body.put("badRows", outcome.badRows());
    return ResponseEntity.badRequest().body(body);
  }

  static void requireAdmin(Staff staff) {
    if (!staff.isAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有系统管理员可以导入组织机构和工作人员账号");
    }
  }

  @ExceptionHandler(UnreadableUploadException.class)
  ResponseEntity<Map<String, Object>> unreadable(UnreadableUploadException e) {
    return ResponseEntity.badRequest().body(Map.of("accepted", false, "message", e.getMessage()));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<Map<String, Object>> noFile() {
    return ResponseEntity.badRequest().body(Map.of("accepted", false, "message", "请选择要上传的文件（表单字段 file）"));
  }
}
