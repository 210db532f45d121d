package cn.baoxue.evidence;

import cn.baoxue.cases.PersonalDataViewed;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.Inputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code /api/cases/{caseNumber}/evidence}: 佐证材料 of a case for clients (the field app, other
 * systems). A multipart upload names only the fields below; anything else is refused by name.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/evidence")
class EvidenceApiController {

  static final Set<String> FIELDS = Set.of("step", "originalSha256", "capturedAt", "latitude", "longitude", "clientId", "kind");

  private final EvidenceService evidence;
  private final ApplicationEventPublisher events;

  EvidenceApiController(EvidenceService evidence, ApplicationEventPublisher events) {
    this.evidence = evidence;
    this.events = events;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<EvidenceView> add(@PathVariable String caseNumber, MultipartHttpServletRequest request, Staff staff) {
    AddEvidence command = command(caseNumber, request);
    EvidenceItem item;
    try {
      item = evidence.add(command, staff);
    } catch (DataIntegrityViolationException sentTwiceAtOnce) {
      // The same item sent again while the first send was still being stored: its transaction
      // is gone, the first one's item is the answer.
      item = evidence.sentBefore(staff, command.clientId())
          .orElseThrow(() -> sentTwiceAtOnce);
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(EvidenceView.of(item));
  }

  @GetMapping
  List<EvidenceView> list(@PathVariable String caseNumber, Staff staff) {
    return evidence.list(caseNumber, staff).stream().map(EvidenceView::of).toList();
  }

  @GetMapping("/{itemId}/content")
  ResponseEntity<byte[]> content(@PathVariable String caseNumber, @PathVariable Long itemId, Staff staff) {
    EvidenceService.Content content = evidence.content(caseNumber, itemId, staff);
    EvidenceItem item = content.item();
    events.publishEvent(new PersonalDataViewed(content.studentId(), item.getCaseId(), staff.userId(), "EVIDENCE"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(item.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(item.getFileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(content.bytes());
  }

  /** The upload as a command; a field it does not know, or a value it cannot read, is refused by name. */
  static AddEvidence command(String caseNumber, MultipartHttpServletRequest request) {
    Inputs in = new Inputs();
    List<String> names = new ArrayList<>(request.getParameterMap().keySet());
    for (String name : names) {
      if (!FIELDS.contains(name) && !"_csrf".equals(name)) {
        in.problem(name, "上传佐证材料不接受字段“" + name + "”");
      } else if (request.getParameterValues(name).length > 1) {
        in.problem(name, "字段“" + name + "”只能提交一次");
      }
    }
    request.getMultiFileMap().forEach((name, files) -> {
      if (!"file".equals(name)) {
        in.problem(name, "上传佐证材料不接受文件字段“" + name + "”");
      } else if (files.size() > 1) {
        in.problem("file", "一次只能上传一个文件");
      }
    });
    MultipartFile file = request.getFile("file");
    if (file == null) {
      in.problem("file", "请选择要上传的文件");
    }
    Instant capturedAt = instant(request.getParameter("capturedAt"), in);
    Double latitude = number("latitude", request.getParameter("latitude"), "纬度", in);
    Double longitude = number("longitude", request.getParameter("longitude"), "经度", in);
    in.check();
    try {
      return new AddEvidence(caseNumber, request.getParameter("step"), file.getOriginalFilename(), file.getContentType(),
          file.getBytes(), request.getParameter("originalSha256"), capturedAt, latitude, longitude,
          request.getParameter("clientId"), request.getParameter("kind"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An ISO-8601 instant; without an offset it is Beijing time, as people and phones write it. */
  private static Instant instant(String raw, Inputs in) {
    String value = Inputs.trim(raw);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException offsetMissing) {
      try {
        return LocalDateTime.parse(value).atZone(BeijingTime.zone()).toInstant();
      } catch (DateTimeParseException e) {
        in.problem("capturedAt", "拍摄时间格式不对，应为 2025-03-01T09:30:00+08:00");
        return null;
      }
    }
  }

  private static Double number(String field, String raw, String label, Inputs in) {
    String value = Inputs.trim(raw);
    if (value == null) {
      return null;
    }
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException e) {
      in.problem(field, label + "须为数字（度）");
      return null;
    }
  }

  /** An item as listed: never its bytes. */
  record EvidenceView(
      Long id, String step, String taskKey, String kind, String kindLabel, String fileName, String sha256,
      String originalSha256, String contentType, long size, LocalDateTime capturedAt, Double latitude, Double longitude,
      String uploadedBy, LocalDateTime uploadedAt, String clientId) {

    static EvidenceView of(EvidenceItem item) {
      return new EvidenceView(item.getId(), item.getStep(), item.getTaskKey(), item.getKind().name(), item.getKind().label(),
          item.getFileName(), item.getSha256(), item.getOriginalSha256(), item.getContentType(), item.getSize(),
          item.getCapturedAt(), item.getLatitude(), item.getLongitude(), item.getUploadedBy(), item.getUploadedAt(),
          item.getClientId());
    }
  }
}
