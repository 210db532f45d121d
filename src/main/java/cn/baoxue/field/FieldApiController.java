package cn.baoxue.field;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.ErrorShape;
import cn.baoxue.org.Roles;
import cn.baoxue.kernel.validation.InvalidCaseInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/field/…}: the JSON the 外勤 field app ({@code /m/}) reads and sends. Reads: who she
 * is and what the app needs (forms, how long the phone keeps data, the CSRF token for her
 * session), her tasks, her cases as cards. Writes: {@code POST /api/field/entries}, one entry
 * at a time, answered 201 the first time, 200 with the same outcome when sent again, 409 with the
 * choices when the case moved on, 400 in the one error shape when a field is wrong.
 */
@RestController
@RequestMapping("/api/field")
class FieldApiController {

  private final FieldWork work;
  private final FieldForms forms;
  private final FieldEntries entries;
  private final Roles roles;
  private final ObjectMapper json;
  private final int cacheDays;

  FieldApiController(FieldWork work, FieldForms forms, FieldEntries entries, Roles roles, ObjectMapper json,
      @Value("${baoxue.field.cache-days:7}") int cacheDays) {
    this.work = work;
    this.forms = forms;
    this.entries = entries;
    this.roles = roles;
    this.json = json;
    this.cacheDays = cacheDays;
  }

  @GetMapping("/session")
  Map<String, Object> session(Staff staff, CsrfToken csrf) {
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("user", roles.person(staff.userId()));
    session.put("userKey", Integer.toHexString(staff.userId().hashCode()));
    session.put("cacheDays", cacheDays);
    session.put("csrfHeader", csrf.getHeaderName());
    session.put("csrfParameter", csrf.getParameterName());
    session.put("csrfToken", csrf.getToken());
    session.put("forms", forms.all());
    return session;
  }

  @GetMapping("/today")
  List<FieldWork.WorkItem> today(Staff staff) {
    return work.today(staff);
  }

  @GetMapping("/cases")
  List<FieldWork.CaseCard> cases(Staff staff) {
    return work.myCases(staff);
  }

  @GetMapping("/cases/{caseNumber}")
  FieldWork.CaseCard card(@PathVariable String caseNumber, Staff staff) {
    return work.card(caseNumber, staff)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件不存在或不在您的管辖范围内"));
  }

  @PostMapping(path = "/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> submit(@RequestBody JsonNode body, Staff staff) {
    return submit(body, Map.of(), staff);
  }

  /**
   * An entry with its evidence: the part {@code entry} holds the entry's JSON, whose {@code
   * evidence} list names the part of each file (a photo, a signature drawn on the screen).
   */
  @PostMapping(path = "/entries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<String> submitWithEvidence(MultipartHttpServletRequest request, Staff staff) throws IOException {
    MultipartFile entryPart = request.getFile("entry");
    String entryText = entryPart != null ? new String(entryPart.getBytes(), StandardCharsets.UTF_8) : request.getParameter("entry");
    if (entryText == null) {
      throw new InvalidCaseInputException("entry", "缺少登记内容（entry）");
    }
    JsonNode body;
    try {
      body = json.readTree(entryText);
    } catch (IOException unreadable) {
      throw new InvalidCaseInputException("entry", "登记内容无法读取：须为 JSON");
    }
    Map<String, FieldEntries.Upload> files = new LinkedHashMap<>();
    for (Map.Entry<String, MultipartFile> part : request.getFileMap().entrySet()) {
      if (!part.getKey().equals("entry")) {
        MultipartFile file = part.getValue();
        files.put(part.getKey(), new FieldEntries.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
      }
    }
    return submit(body, files, staff);
  }

  private ResponseEntity<String> submit(JsonNode body, Map<String, FieldEntries.Upload> files, Staff staff) {
    FieldEntries.Answer answer;
    try {
      answer = entries.submit(body, files, staff);
    } catch (DuplicateKeyException | OptimisticLockingException raced) {
      // The same entry arrived twice at once, or the other helper completed the step this very
      // moment: the first outcome, or the conflict as the case now stands.
      String clientId = body.path("clientId").asText("").toLowerCase();
      answer = entries.earlier(clientId, staff).orElseGet(() -> entries.submit(body, files, staff));
    }
    return ResponseEntity.status(answer.first() ? HttpStatus.CREATED : HttpStatus.OK)
        .contentType(MediaType.APPLICATION_JSON)
        .body(answer.body());
  }

  @ExceptionHandler(FieldEntryConflict.class)
  ResponseEntity<Map<String, Object>> conflict(FieldEntryConflict conflict) {
    ProblemDetail detail = ErrorShape.of(HttpStatus.CONFLICT, conflict.getMessage());
    detail.setProperty("conflict", conflict.reason());
    detail.setProperty("choices", conflict.choices());
    return ErrorShape.response(detail);
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> refused(AuthorizationException refused) {
    return ErrorShape.response(ErrorShape.of(HttpStatus.FORBIDDEN, "您无权办理此任务"));
  }
}
