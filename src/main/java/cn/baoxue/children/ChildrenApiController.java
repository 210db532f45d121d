package cn.baoxue.children;

import cn.baoxue.kernel.identity.Staff;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * 一人一档 through Baoxue's API: {@code GET /api/children/duplicates} lists the possible duplicates of
 * the caller's county, {@code POST /api/children/merges} merges two records
 * ({"keptChildId": …, "mergedChildId": …, "reason": "…"}). Each door answers to its one spelling.
 */
@RestController
class ChildrenApiController {

  static final String DUPLICATES = "/api/children/duplicates";
  static final String MERGES = "/api/children/merges";

  private final DuplicateChildren duplicates;
  private final ChildMerges merges;

  ChildrenApiController(DuplicateChildren duplicates, ChildMerges merges) {
    this.duplicates = duplicates;
    this.merges = merges;
  }

  @GetMapping(DUPLICATES)
  DuplicateChildren.Listing duplicates(Staff staff, HttpServletRequest request) {
    requireSpelling(request, DUPLICATES);
    return duplicates.of(staff);
  }

  @PostMapping(MERGES)
  @ResponseStatus(HttpStatus.CREATED)
  ChildMerges.Receipt merge(@RequestBody(required = false) Map<String, Object> body, Staff staff,
      HttpServletRequest request) {
    requireSpelling(request, MERGES);
    return merges.merge(MergeChildren.from(body), staff);
  }

  /**
   * The container decodes {@code %2F}, {@code %6Derges} and drops {@code ;jsessionid} before
   * Spring matches: the path as sent must be the door's own.
   */
  static void requireSpelling(HttpServletRequest request, String canonical) {
    if (!(request.getContextPath() + canonical).equals(request.getRequestURI())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请求路径的写法不规范");
    }
  }
}
