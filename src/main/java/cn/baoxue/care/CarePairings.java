package cn.baoxue.care;

import cn.baoxue.audit.AuditEntry;
import cn.baoxue.audit.AuditTrail;
import cn.baoxue.cases.ContactRules;
import cn.baoxue.cases.ContactRules.ContactEntry;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.kernel.identity.Jurisdiction;
import cn.baoxue.kernel.identity.OrgUnitType;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.validation.IdNumber;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.org.CaseJurisdiction;
import cn.baoxue.org.OrgTree;
import cn.baoxue.org.OrgUnit;
import cn.baoxue.org.StaffDirectory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 结对关爱: the county bureau or a township pairs one of the staff it answers for with a child or
 * family in difficulty living in its area; the paired helper, and the unit that made the pairing,
 * log each contact with the contact log's types and rules ({@link ContactRules}). Everyone whose
 * jurisdiction covers the person's school, village, township or county reads the pairing, as she
 * would a case; the helper reads her own wherever she works.
 */
@Service
public class CarePairings {

  /** The body of {@code POST /api/care/pairings}. */
  static final Set<String> FIELDS = Set.of("kind", "idNumber", "name", "helper", "villageCode", "schoolCode");

  static final String NOT_FOUND = "结对关爱不存在或不在您的管辖范围内";

  private final CarePairingRepository pairings;
  private final CareContactRepository contacts;
  private final ContactRules contactRules;
  private final OrgTree orgTree;
  private final StaffDirectory staff;
  private final AuditTrail auditTrail;
  private final EntityManager entityManager;

  CarePairings(CarePairingRepository pairings, CareContactRepository contacts, ContactRules contactRules, OrgTree orgTree,
      StaffDirectory staff, AuditTrail auditTrail, EntityManager entityManager) {
    this.pairings = pairings;
    this.contacts = contacts;
    this.contactRules = contactRules;
    this.orgTree = orgTree;
    this.staff = staff;
    this.auditTrail = auditTrail;
    this.entityManager = entityManager;
  }

  /** Whether this member of staff creates pairings: the county bureau's and the townships' staff. */
  public boolean mayCreate(Staff creator) {
    return creator.groupIds().stream().map(GroupIds::kindOf)
        .anyMatch(kind -> kind == GroupIds.Kind.TOWNSHIP || kind == GroupIds.Kind.COUNTY);
  }

  /** Creates a pairing from the request's body: all of it or, on any problem, nothing. */
  @Transactional
  public CarePairing create(Map<String, Object> body, Staff creator) {
    if (!mayCreate(creator)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有县教育局和乡镇可以建立结对关爱");
    }
    Jurisdiction reach = creator.jurisdiction();
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), FIELDS, "结对关爱");
    CareKind kind = in.code("kind", CareKind.class, text(body, "kind"), "关爱对象类别");
    IdNumber idNumber = in.idNumber("idNumber", text(body, "idNumber"));
    String name = in.personName("name", text(body, "name"), "关爱对象姓名", true, 64);
    String helper = in.text("helper", text(body, "helper"), "结对帮扶人", true, 64);
    if (helper != null && in.fine("helper") && !worksWithin(helper, reach)) {
      in.problem("helper", "结对帮扶人须是您辖区内的工作人员：" + helper);
    }
    CaseJurisdiction place = orgTree.placeOf(text(body, "villageCode"), text(body, "schoolCode"), "所在村", reach, in);
    if (kind != null && idNumber != null && pairings.existsByIdNumberAndKind(idNumber.value(), kind)) {
      in.problem("idNumber", "该对象已有“" + kind.label() + "”结对关爱，不能重复建立");
    }
    in.check();
    String group = creatingGroup(creator, place);
    CarePairing pairing = pairings.save(new CarePairing(kind, idNumber.value(), name, helper, place, creator.userId(), group));
    auditTrail.append(AuditEntry.Kind.CARE_PAIRING, pairing.getId(), null, creator.userId(), CareAudit.of(pairing));
    return pairing;
  }

  /** Logs one contact of the pairing: its helper, or the unit that created it. */
  @Transactional
  public CareContact recordContact(long pairingId, Map<String, Object> body, Staff actor) {
    CarePairing pairing = requireVisible(pairingId, actor);
    if (!mayLog(pairing, actor)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有结对帮扶人和建立结对的单位可以登记关爱记录");
    }
    Inputs in = new Inputs();
    in.onlyFields(body.keySet(), ContactRules.FIELDS, "关爱记录");
    ContactEntry entry = contactRules.read(ContactRules.inputOf(body), in);
    in.check();
    CareContact contact = contacts.save(new CareContact(pairing, entry, actor.userId()));
    auditTrail.append(AuditEntry.Kind.CARE_CONTACT, contact.getId(), null, actor.userId(), CareAudit.of(contact));
    return contact;
  }

  public boolean mayLog(CarePairing pairing, Staff actor) {
    return actor.userId().equals(pairing.getHelper()) || actor.isMemberOf(pairing.getCreatedByGroup());
  }

  /** The pairing, if this member of staff may read it; 404 otherwise, whether or not it exists. */
  @Transactional(readOnly = true)
  public CarePairing requireVisible(long pairingId, Staff reader) {
    return pairings.findById(pairingId)
        .filter(p -> reader.userId().equals(p.getHelper())
            || reader.jurisdiction().covers(p.getSchoolCode(), p.getVillageCode(), p.getTownshipCode(), p.getCountyCode()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NOT_FOUND));
  }

  @Transactional(readOnly = true)
  public List<CareContact> contactsOf(CarePairing pairing) {
    return contacts.findByPairingIdOrderByDateAscIdAsc(pairing.getId());
  }

  /** The pairings she reads: those of her jurisdiction and those she is the helper of, newest first. */
  @Transactional(readOnly = true)
  public List<CarePairing> visibleTo(Staff reader) {
    Jurisdiction.SqlScope scope =
        reader.jurisdiction().sqlScope("p.schoolCode", "p.villageCode", "p.townshipCode", "p.countyCode");
    TypedQuery<CarePairing> query = entityManager.createQuery(
        "select p from CarePairing p where " + scope.condition() + " or p.helper = :me order by p.id desc", CarePairing.class);
    scope.params().forEach(query::setParameter);
    return query.setParameter("me", reader.userId()).getResultList();
  }

  /** The pairings she is the helper of. */
  @Transactional(readOnly = true)
  public List<CarePairing> helpedBy(Staff helper) {
    return entityManager.createQuery("select p from CarePairing p where p.helper = :me order by p.id desc", CarePairing.class)
        .setParameter("me", helper.userId()).getResultList();
  }

  /** The staff a creator may pair: members of the units she answers for, each once. */
  @Transactional(readOnly = true)
  public List<String> helperChoices(Staff creator) {
    List<String> ids = new ArrayList<>();
    for (OrgTree.UnitChoice choice : orgTree.unitsWithin(creator.jurisdiction())) {
      for (OrgUnitType type : OrgUnitType.values()) {
        if (orgTree.find(choice.code(), type).isPresent()) {
          staff.membersOf(GroupIds.of(type, choice.code())).forEach(user -> {
            if (!ids.contains(user.getId())) {
              ids.add(user.getId());
            }
          });
          if (type == OrgUnitType.COUNTY) {
            staff.membersOf(GroupIds.womenFederation(choice.code())).forEach(user -> {
              if (!ids.contains(user.getId())) {
                ids.add(user.getId());
              }
            });
          }
        }
      }
    }
    return ids;
  }


  /** The creator's own unit that answers for the place: its township if she works there, else its county bureau. */
  private static String creatingGroup(Staff creator, CaseJurisdiction place) {
    String township = place.townshipGroup();
    return creator.isMemberOf(township) ? township : place.countyGroup();
  }

  /** Whether one of the units the person works in lies within the reach. */
  private boolean worksWithin(String userId, Jurisdiction reach) {
    if (staff.user(userId) == null) {
      return false;
    }
    for (String group : staff.groupIdsOf(userId)) {
      GroupIds.Kind kind = GroupIds.kindOf(group);
      Optional<OrgUnitType> type = unitType(kind);
      if (type.isEmpty()) {
        continue;
      }
      Optional<OrgUnit> unit = orgTree.find(GroupIds.unitCode(group), type.get());
      if (unit.isPresent()) {
        List<String> chain = new ArrayList<>();
        for (OrgUnitType level : OrgUnitType.values()) {
          orgTree.ancestor(unit.get(), level).ifPresent(ancestor -> chain.add(ancestor.getCode()));
        }
        if (reach.covers(chain.toArray(String[]::new))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Optional<OrgUnitType> unitType(GroupIds.Kind kind) {
    return Optional.ofNullable(switch (kind) {
      case SCHOOL -> OrgUnitType.SCHOOL;
      case VILLAGE -> OrgUnitType.VILLAGE;
      case TOWNSHIP -> OrgUnitType.TOWNSHIP;
      case COUNTY, WOMEN_FEDERATION -> OrgUnitType.COUNTY;
      default -> null;
    });
  }

  private static String text(Map<String, Object> body, String field) {
    Object value = body.get(field);
    return value == null ? null : String.valueOf(value);
  }
}
