package cn.baoxue.evidence;

import cn.baoxue.kernel.integrity.Sha256;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.cases.HelperAssignmentRepository;
import cn.baoxue.evidence.EvidenceContent.Accepted;
import cn.baoxue.evidence.ImageMetadata.PlaceAndTime;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.validation.Inputs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 佐证材料: photos, scans, PDFs, audio notes and signatures on a step of a case or on the case.
 * Whoever may read the case may read its evidence; whoever works it (its school, village, township,
 * county, 妇联, its helpers) may add some. Each item is checked by its content, stripped of image
 * metadata but the place and time, stored with the SHA-256 of the stored bytes, and entered in the
 * audit chain — all in the caller's transaction.
 */
@Service
public class EvidenceService {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int MAX_FILE_NAME = 200;
  /** A phone's clock may run a little ahead of the server's. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
  private static final String NOT_FOUND = "案件不存在或不在您的管辖范围内";

  private final DropoutCaseRepository cases;
  private final HelperAssignmentRepository helpers;
  private final EvidenceItemRepository items;
  private final EvidenceStore store;
  private final List<EvidenceStore> stores;
  private final CaseTasks tasks;
  private final EvidenceProperties properties;
  private final ApplicationEventPublisher events;

  EvidenceService(DropoutCaseRepository cases, HelperAssignmentRepository helpers, EvidenceItemRepository items,
      List<EvidenceStore> stores, CaseTasks tasks, EvidenceProperties properties, ApplicationEventPublisher events) {
    this.cases = cases;
    this.helpers = helpers;
    this.items = items;
    this.stores = stores;
    // New items go to the one store configured; a second store (an object store) is then the one
    // that is not the database's, and the database store only reads what it holds already.
    this.store = stores.stream().filter(s -> !DatabaseEvidenceStore.KIND.equals(s.kind())).findFirst()
        .orElseGet(() -> stores.get(0));
    this.tasks = tasks;
    this.properties = properties;
    this.events = events;
  }

  /**
   * Stores an item, or returns the one this user sent with the same client id before. Everything
   * is checked before anything is written; a problem names its field ({@code file}, {@code step},
   * {@code originalSha256}, ...).
   */
  @Transactional
  public EvidenceItem add(AddEvidence command, Staff actor) {
    return store(command, actor, requireMayAdd(command.caseNumber(), actor), null);
  }

  /**
   * 佐证材料 of what a county department did on a referral (联控联保), filed on the referral's case
   * under the step {@code referral-<id>}. The referral feature has checked that the referral is
   * the officer's department's and is being worked: a department reads no case of its own.
   */
  @Transactional
  public EvidenceItem addOnReferral(AddEvidence command, Staff actor, DropoutCase dropoutCase, Long referralId, String taskKey) {
    AddEvidence onReferral = new AddEvidence(dropoutCase.getCaseNumber(), EvidenceItem.REFERRAL_STEP + referralId,
        command.fileName(), command.contentType(), command.content(), command.originalSha256(), command.capturedAt(),
        command.latitude(), command.longitude(), command.clientId(), command.kind());
    return store(onReferral, actor, dropoutCase, taskKey);
  }

  private EvidenceItem store(AddEvidence command, Staff actor, DropoutCase dropoutCase, String knownTaskKey) {
    Inputs in = new Inputs();
    String clientId = clientId(command.clientId(), in);
    if (clientId != null) {
      Optional<EvidenceItem> sent = items.findByUploadedByAndClientId(actor.userId(), clientId);
      if (sent.isPresent()) {
        if (!sent.get().getCaseId().equals(dropoutCase.getId())) {
          throw new ResponseStatusException(HttpStatus.CONFLICT, "该客户端编号已用于另一个案件的佐证材料");
        }
        return sent.get();
      }
    }
    if (!dropoutCase.isOpen()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "案件 " + dropoutCase.getCaseNumber() + " 已结案，不能再添加佐证材料");
    }
    Checked checked = check(command, dropoutCase, knownTaskKey, in);
    in.check();
    Prepared prepared = prepare(checked, command.content(), in);
    EvidenceItem item = items.saveAndFlush(new EvidenceItem(dropoutCase.getId(), checked.step(), checked.taskKey(),
        checked.kind(), checked.accepted().contentType(), checked.fileName(), prepared.bytes().length, sha256(prepared.bytes()),
        checked.originalSha256(), prepared.capturedAt(), prepared.latitude(), prepared.longitude(), actor.userId(),
        BeijingTime.now(), clientId, store.kind()));
    item.storedAt(store.put(item, prepared.bytes()));
    events.publishEvent(new EvidenceAdded(item));
    return item;
  }

  /** The command as read, each problem filed under its field. */
  private record Checked(String step, String taskKey, Accepted accepted, EvidenceKind kind, String originalSha256,
      LocalDateTime capturedAt, Double latitude, Double longitude, String fileName) {}

  /** The bytes to store, with the place and time of capture (the client's, or else the photo's EXIF). */
  private record Prepared(byte[] bytes, LocalDateTime capturedAt, Double latitude, Double longitude) {}

  private Checked check(AddEvidence command, DropoutCase dropoutCase, String knownTaskKey, Inputs in) {
    String step = Inputs.trim(command.step());
    String taskKey = knownTaskKey != null ? knownTaskKey
        : step == null || EvidenceItem.WHOLE_CASE.equals(step) ? null : taskKey(dropoutCase, step, in);
    if (step == null) {
      in.problem("step", "请选择佐证材料所属的环节（或整个个案）");
    }
    Accepted accepted = accepted(command.content(), in);
    EvidenceKind kind = kind(command.kind(), accepted, in);
    String originalSha256 = Inputs.trim(command.originalSha256());
    if (originalSha256 != null) {
      originalSha256 = originalSha256.toLowerCase(Locale.ROOT);
      if (!SHA256.matcher(originalSha256).matches()) {
        in.problem("originalSha256", "原始文件的 SHA-256 须为64位十六进制数");
      }
    }
    LocalDateTime capturedAt = capturedAt(command.capturedAt(), in);
    Double latitude = coordinate("latitude", command.latitude(), 90, "纬度", in);
    Double longitude = coordinate("longitude", command.longitude(), 180, "经度", in);
    if ((latitude == null) != (longitude == null) && in.fine("latitude") && in.fine("longitude")) {
      in.problem(latitude == null ? "latitude" : "longitude", "拍摄地点须同时给出纬度和经度");
    }
    return new Checked(step, taskKey, accepted, kind, originalSha256, capturedAt, latitude, longitude,
        fileName(command.fileName(), accepted));
  }

  private static String clientId(String raw, Inputs in) {
    String clientId = Inputs.trim(raw);
    if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
      in.problem("clientId", "客户端编号只能由字母、数字和 . _ : - 组成，最多64位");
      return null;
    }
    return clientId;
  }

  /** The definition key of the case's task with this id, open or completed. */
  private String taskKey(DropoutCase dropoutCase, String taskId, Inputs in) {
    Optional<CaseTasks.Task> task = taskId.length() > 64 ? Optional.empty() : tasks.find(dropoutCase, taskId);
    if (task.isEmpty()) {
      in.problem("step", "所选环节不是本案的办理环节");
      return null;
    }
    return task.get().key();
  }

  /** What the file is by its bytes, if it is of a type accepted and within the size limit. */
  private Accepted accepted(byte[] content, Inputs in) {
    if (content == null || content.length == 0) {
      in.problem("file", "请选择要上传的文件");
      return null;
    }
    if (content.length > properties.maxSize().toBytes()) {
      in.problem("file", "文件过大：单个佐证材料不能超过" + megabytes(properties.maxSize().toBytes()));
      return null;
    }
    Accepted accepted = EvidenceContent.sniff(content).orElse(null);
    if (accepted == null) {
      in.problem("file", "不支持该文件类型：佐证材料只能是照片（JPEG、PNG）、PDF 文件或录音（WebM、Ogg、M4A、MP3）");
    }
    return accepted;
  }

  /** The kind the client names, if it fits the content (a scan may be a PDF, a photo may not); else what the content is. */
  private static EvidenceKind kind(String raw, Accepted accepted, Inputs in) {
    EvidenceKind byContent = accepted == null ? null : accepted.kind();
    if (Inputs.trim(raw) == null) {
      return byContent;
    }
    EvidenceKind named = in.code("kind", EvidenceKind.class, raw, "材料类型");
    if (named != null && accepted != null && !EvidenceContent.fits(named, accepted)) {
      in.problem("kind", "材料类型“" + named.label() + "”与文件内容不符");
    }
    return named == null ? byContent : named;
  }

  /** An image without its metadata, the place and time read from its EXIF where the client sent none. */
  private static Prepared prepare(Checked checked, byte[] content, Inputs in) {
    if (!checked.accepted().isImage()) {
      return new Prepared(content, checked.capturedAt(), checked.latitude(), checked.longitude());
    }
    try {
      if (!"image/jpeg".equals(checked.accepted().contentType())) {
        return new Prepared(ImageMetadata.stripPng(content), checked.capturedAt(), checked.latitude(), checked.longitude());
      }
      PlaceAndTime exif = ImageMetadata.placeAndTime(content);
      LocalDateTime capturedAt = checked.capturedAt() != null ? checked.capturedAt() : exif.capturedAt();
      Double latitude = checked.latitude();
      Double longitude = checked.longitude();
      if (latitude == null && exif.latitude() != null && exif.longitude() != null
          && Math.abs(exif.latitude()) <= 90 && Math.abs(exif.longitude()) <= 180) {
        latitude = exif.latitude();
        longitude = exif.longitude();
      }
      return new Prepared(ImageMetadata.stripJpeg(content), capturedAt, latitude, longitude);
    } catch (ImageMetadata.UnreadableImage e) {
      in.problem("file", "图片已损坏，无法读取，请重新拍摄或选择");
      in.check();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The item this user sent with this client id, if any: after a send lost the race to store the
   * same item (the unique client id refused the second row), the first one is the answer.
   */
  @Transactional(readOnly = true)
  public Optional<EvidenceItem> sentBefore(Staff actor, String clientId) {
    String id = Inputs.trim(clientId);
    return id == null ? Optional.empty() : items.findByUploadedByAndClientId(actor.userId(), id);
  }

  /** The evidence of a case, oldest first, for whoever may read the case. */
  @Transactional(readOnly = true)
  public List<EvidenceItem> list(String caseNumber, Staff reader) {
    return of(requireReadable(caseNumber, reader));
  }

  @Transactional(readOnly = true)
  public List<EvidenceItem> of(DropoutCase dropoutCase) {
    return items.findByCaseIdOrderByUploadedAtAscIdAsc(dropoutCase.getId());
  }

  /** An item and its bytes as stored, with the pupil whose case it is (its reading is logged). */
  public record Content(EvidenceItem item, byte[] bytes, Long studentId) {}

  @Transactional(readOnly = true)
  public Content content(String caseNumber, Long itemId, Staff reader) {
    DropoutCase dropoutCase = requireReadable(caseNumber, reader);
    EvidenceItem item = items.findById(itemId).filter(i -> i.getCaseId().equals(dropoutCase.getId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "佐证材料不存在"));
    return new Content(item, bytesOf(item), dropoutCase.getStudent().getId());
  }

  /** The bytes of an item from the store that holds them. */
  public byte[] bytesOf(EvidenceItem item) {
    return stores.stream().filter(s -> s.kind().equals(item.getStorageKind())).findFirst()
        .orElseThrow(() -> new IllegalStateException("No evidence store of kind " + item.getStorageKind()))
        .get(item);
  }

  /** Whether this user may add evidence to the case: the rule of {@link #add}. */
  @Transactional(readOnly = true)
  public boolean mayAdd(DropoutCase dropoutCase, Staff actor) {
    if (actor.isAdmin() || isHelper(dropoutCase, actor.userId())) {
      return true;
    }
    return Stream.of(dropoutCase.schoolGroup(), GroupIds.village(dropoutCase.getVillageCode()),
            GroupIds.township(dropoutCase.getTownshipCode()), GroupIds.county(dropoutCase.getCountyCode()),
            GroupIds.womenFederation(dropoutCase.getCountyCode()))
        .anyMatch(actor::isMemberOf);
  }

  /** The case, if this user may read it: the jurisdiction rule of the case page. */
  @Transactional(readOnly = true)
  public DropoutCase requireReadable(String caseNumber, Staff reader) {
    return cases.findByCaseNumber(caseNumber)
        .filter(c -> reader.jurisdiction().covers(c.getSchoolCode(), c.getVillageCode(), c.getTownshipCode(), c.getCountyCode()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND));
  }

  private DropoutCase requireMayAdd(String caseNumber, Staff actor) {
    DropoutCase dropoutCase = cases.findByCaseNumber(caseNumber == null ? "" : caseNumber)
        .filter(c -> actor.jurisdiction().covers(c.getSchoolCode(), c.getVillageCode(), c.getTownshipCode(), c.getCountyCode())
            || isHelper(c, actor.userId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND));
    if (!mayAdd(dropoutCase, actor)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有办理本案的学校、村、乡镇、县教育局工作人员和包保责任人可以添加佐证材料");
    }
    return dropoutCase;
  }

  private boolean isHelper(DropoutCase dropoutCase, String userId) {
    return helpers.findByCaseIdOrderByRecordedAtAscIdAsc(dropoutCase.getId()).stream()
        .flatMap(a -> Stream.of(a.getTeacherHelper(), a.getCadreHelper(), a.getWomenfedHelper()))
        .filter(Objects::nonNull)
        .anyMatch(userId::equals);
  }

  private static LocalDateTime capturedAt(Instant capturedAt, Inputs in) {
    if (capturedAt == null) {
      return null;
    }
    if (capturedAt.isAfter(Instant.now().plus(CLOCK_SKEW))) {
      in.problem("capturedAt", "拍摄时间不能晚于现在");
      return null;
    }
    return LocalDateTime.ofInstant(capturedAt, BeijingTime.zone());
  }

  private static Double coordinate(String field, Double value, double limit, String label, Inputs in) {
    if (value == null) {
      return null;
    }
    if (value.isNaN() || value.isInfinite() || Math.abs(value) > limit) {
      in.problem(field, label + "须在 -" + (int) limit + " 到 " + (int) limit + " 之间");
      return null;
    }
    return value;
  }

  /** The name as sent, without folders or control characters; a name made up when none is left. */
  private static String fileName(String raw, Accepted accepted) {
    String name = raw == null ? "" : raw.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
    if (name.isEmpty() || name.startsWith(".")) {
      name = "佐证材料" + (accepted == null ? "" : "." + accepted.contentType().substring(accepted.contentType().indexOf('/') + 1));
    }
    return name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name;
  }

  static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + "MB" : (bytes / 1024) + "KB";
  }

  /** Of the bytes as stored; the audit verification recomputes it. */
  public static String sha256(byte[] content) {
    return Sha256.hex(content);
  }
}
