package cn.baoxue.reconciliation;

import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.ErrorShape;
import cn.baoxue.reconciliation.ReconciliationRuns.Run;
import cn.baoxue.reconciliation.ReconciliationService.RegistryFile;
import cn.baoxue.reconciliation.ReconciliationService.RunRefused;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/reconciliations}: a 四查三比对 run over the uploaded registries (multipart fields
 * {@code household}, {@code enrolment}, and optionally {@code attendance}, {@code poverty},
 * {@code disability}); {@code GET /api/reconciliations/{runId}}: a kept run as the caller may see it.
 */
@RestController
class ReconciliationApiController {

  private final ReconciliationService reconciliations;
  private final ReconciliationRuns runs;

  ReconciliationApiController(ReconciliationService reconciliations, ReconciliationRuns runs) {
    this.reconciliations = reconciliations;
    this.runs = runs;
  }

  @PostMapping(path = "/api/reconciliations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Map<String, Object> run(MultipartHttpServletRequest request, Staff staff) {
    Map<String, RegistryFile> files = RegistryUpload.files(request);
    return body(reconciliations.run(files, staff));
  }

  @GetMapping("/api/reconciliations/{runId}")
  Map<String, Object> show(@PathVariable long runId, Staff staff) {
    return body(runs.find(runId, staff).orElseThrow(
        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这次比对，或不在您的管辖范围内")));
  }

  static Map<String, Object> body(Run run) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("runId", run.runId());
    body.put("areaCode", run.areaCode());
    body.put("runAt", run.runAt());
    body.put("findings", run.findings());
    body.put("counts", run.counts());
    body.put("casesOpened", run.casesOpened());
    body.put("casesLinked", run.casesLinked());
    body.put("files", run.files());
    return body;
  }

  @ExceptionHandler(RunRefused.class)
  ResponseEntity<Map<String, Object>> refused(RunRefused refused) {
    ProblemDetail detail = ErrorShape.of(HttpStatus.BAD_REQUEST, refused.getMessage(), refused.problems());
    detail.setProperty("badRowCount", refused.count());
    detail.setProperty("badRows", refused.rows());
    return ErrorShape.response(detail);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Map<String, Object>> notYours(AccessDeniedException denied) {
    return ErrorShape.response(ErrorShape.of(HttpStatus.FORBIDDEN, denied.getMessage()));
  }
}
