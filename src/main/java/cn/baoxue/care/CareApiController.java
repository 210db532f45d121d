package cn.baoxue.care;

import cn.baoxue.care.CareViews.ContactView;
import cn.baoxue.care.CareViews.PairingView;
import cn.baoxue.kernel.identity.Staff;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 结对关爱 for scripts and the page: {@code POST /api/care/pairings} with {"kind", "idNumber", "name",
 * "helper", "villageCode", "schoolCode"} creates a pairing (the county bureau or a township);
 * {@code POST /api/care/pairings/{id}/contacts} with the contact log's body logs a contact (the
 * helper or the creating unit); the GETs read what the caller's jurisdiction covers and her own.
 */
@RestController
@RequestMapping("/api/care/pairings")
class CareApiController {

  private final CarePairings pairings;
  private final CareViews views;

  CareApiController(CarePairings pairings, CareViews views) {
    this.pairings = pairings;
    this.views = views;
  }

  /** One pairing with its contacts. */
  record PairingWithContacts(PairingView pairing, List<ContactView> contacts) {}

  @PostMapping
  ResponseEntity<PairingView> create(@RequestBody Map<String, Object> body, Staff staff) {
    return ResponseEntity.status(HttpStatus.CREATED).body(views.of(pairings.create(body, staff), staff));
  }

  @GetMapping
  List<PairingView> list(Staff staff) {
    return views.of(pairings.visibleTo(staff), staff);
  }

  @GetMapping("/{id}")
  PairingWithContacts read(@PathVariable long id, Staff staff) {
    CarePairing pairing = pairings.requireVisible(id, staff);
    return new PairingWithContacts(views.of(pairing, staff), pairings.contactsOf(pairing).stream().map(views::of).toList());
  }

  @PostMapping("/{id}/contacts")
  ResponseEntity<ContactView> recordContact(@PathVariable long id, @RequestBody Map<String, Object> body, Staff staff) {
    return ResponseEntity.status(HttpStatus.CREATED).body(views.of(pairings.recordContact(id, body, staff)));
  }

  @GetMapping("/{id}/contacts")
  List<ContactView> contacts(@PathVariable long id, Staff staff) {
    return pairings.contactsOf(pairings.requireVisible(id, staff)).stream().map(views::of).toList();
  }
}
