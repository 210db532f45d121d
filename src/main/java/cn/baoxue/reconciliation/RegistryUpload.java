package cn.baoxue.reconciliation;

import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Problem;
import cn.baoxue.reconciliation.ReconciliationService.RegistryFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The files of a run as the request carries them: one per registry field, and nothing else. A
 * field the run does not declare (an {@code areaCode}, a {@code countyCode}) is refused by name:
 * the area comes from the caller's groups, never from the request.
 */
final class RegistryUpload {

  /** The form's CSRF token, sent by the page. */
  private static final String CSRF = "_csrf";

  private static final Set<String> FIELDS = Arrays.stream(Registry.values()).map(Registry::key).collect(Collectors.toSet());

  private RegistryUpload() {}

  static Map<String, RegistryFile> files(MultipartHttpServletRequest request) {
    List<Problem> problems = new ArrayList<>();
    for (String name : request.getParameterMap().keySet()) {
      if (!CSRF.equals(name)) {
        problems.add(new Problem(name, "不接受字段“" + name + "”：比对范围由您的账号决定，只能上传" + String.join("、", FIELDS) + "文件"));
      }
    }
    Map<String, RegistryFile> files = new LinkedHashMap<>();
    request.getMultiFileMap().forEach((name, parts) -> {
      if (!FIELDS.contains(name)) {
        problems.add(new Problem(name, "不接受文件字段“" + name + "”：只能是 household、enrolment、attendance、poverty、disability"));
      } else if (parts.size() > 1) {
        problems.add(new Problem(name, "字段 " + name + " 只能上传一个文件"));
      } else {
        files.put(name, file(parts.get(0)));
      }
    });
    if (!problems.isEmpty()) {
      throw new InvalidCaseInputException(problems);
    }
    return files;
  }

  private static RegistryFile file(MultipartFile part) {
    try {
      return new RegistryFile(part.getOriginalFilename(), part.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
