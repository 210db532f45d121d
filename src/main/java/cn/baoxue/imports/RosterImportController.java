package cn.baoxue.imports;

import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.imports.RosterImportService.Outcome;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.web.UnreadableUploadException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

/** The roster upload page and {@code POST /api/imports/roster}. */
@Controller
class RosterImportController {

  /** Bad rows listed in the answer itself; the downloadable report has all of them. */
  static final int BAD_ROWS_SHOWN = 200;

  private final RosterImportService imports;
  private final RosterTemplate template;

  RosterImportController(RosterImportService imports, RosterTemplate template) {
    this.imports = imports;
    this.template = template;
  }

  @GetMapping("/imports/roster")
  String page() {
    return "imports/roster";
  }

  /** The template with the columns, an example row and the code sheet with the user's own units. */
  @GetMapping("/imports/roster/template.xlsx")
  void template(Staff staff, HttpServletResponse response) throws IOException {
    template.of(staff).download(response, RosterTemplate.FILE_NAME);
  }

  @PostMapping(path = "/api/imports/roster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> upload(@RequestParam("file") MultipartFile file, Staff staff)
      throws IOException {
    Outcome outcome = imports.importRoster(file.getOriginalFilename(), file.getBytes(), staff);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("importId", outcome.importId());
    body.put("accepted", outcome.accepted());
    body.put("rows", outcome.rows());
    if (outcome.accepted()) {
      body.put("message", "导入成功：共" + outcome.rows() + "行，新登记" + outcome.registered() + "人，更新" + outcome.updated()
          + "人，新开案件" + outcome.caseNumbers().size() + "件" + (outcome.alreadyOpen() > 0 ? "（" + outcome.alreadyOpen() + "人已有未结案件，未重复开案）" : ""));
      body.put("registered", outcome.registered());
      body.put("updated", outcome.updated());
      body.put("casesOpened", outcome.caseNumbers().size());
      body.put("caseNumbers", outcome.caseNumbers());
      body.put("alreadyOpen", outcome.alreadyOpen());
      return ResponseEntity.ok(body);
    }
    body.put("message", "文件中有" + outcome.badRows().size() + "行不符合要求，整份文件未导入，请下载问题报告逐行修改后重新上传");
    body.put("badRowCount", outcome.badRows().size());
    body.put("badRows", outcome.badRows().subList(0, Math.min(BAD_ROWS_SHOWN, outcome.badRows().size())));
    body.put("reportUrl", "/api/imports/" + outcome.importId() + "/report");
    return ResponseEntity.badRequest().body(body);
  }

  @GetMapping("/api/imports/{importId}/report")
  ResponseEntity<byte[]> report(@PathVariable String importId, Staff staff) {
    String csv =
        imports
            .report(importId, staff)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这份导入问题报告"));
    // The BOM makes Excel read the Chinese text as UTF-8.
    byte[] bytes = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
    String name = URLEncoder.encode("花名册导入问题报告.csv", StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-report.csv\"; filename*=UTF-8''" + name)
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(bytes);
  }

  @ExceptionHandler({UnreadableUploadException.class, InvalidCaseInputException.class})
  @ResponseBody
  ResponseEntity<Map<String, Object>> unreadable(RuntimeException e) {
    return ResponseEntity.badRequest().body(Map.of("accepted", false, "message", e.getMessage()));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  @ResponseBody
  ResponseEntity<Map<String, Object>> noFile() {
    return ResponseEntity.badRequest().body(Map.of("accepted", false, "message", "请选择要上传的花名册文件（表单字段 file）"));
  }
}
