package cn.baoxue.notifications;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the administrator sees of the channels (通知发送情况): the deliveries given up (失败) and those
 * being retried, and her 重新发送 of one that failed.
 */
@Service
class DeliveryAdministration {

  static final int PAGE_SIZE = 200;

  /** One delivery as the administrator's table shows it. */
  record Row(NotificationDelivery delivery, String channelLabel) {}

  private final NotificationDeliveryRepository deliveries;
  private final Map<String, String> channelLabels;

  DeliveryAdministration(NotificationDeliveryRepository deliveries, List<NotificationChannel> channels) {
    this.deliveries = deliveries;
    this.channelLabels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, NotificationChannel::label));
  }

  @Transactional(readOnly = true)
  List<Row> troubled() {
    return deliveries.findByStatuses(EnumSet.of(DeliveryStatus.DEAD, DeliveryStatus.RETRYING), PageRequest.of(0, PAGE_SIZE)).stream()
        .map(d -> new Row(d, channelLabels.getOrDefault(d.getChannel(), labelOfUnconfigured(d.getChannel()))))
        .toList();
  }

  @Transactional(readOnly = true)
  Map<DeliveryStatus, Long> counts() {
    return EnumSet.allOf(DeliveryStatus.class).stream().collect(Collectors.toMap(Function.identity(), deliveries::countByStatus));
  }

  /** A failed delivery starts a fresh round of attempts; false if there is no such failed delivery. */
  @Transactional
  boolean resend(long deliveryId) {
    NotificationDelivery delivery = deliveries.findById(deliveryId).orElse(null);
    if (delivery == null || delivery.getStatus() != DeliveryStatus.DEAD) {
      return false;
    }
    delivery.resend();
    return true;
  }

  private static String labelOfUnconfigured(String channel) {
    return switch (channel) {
      case "sms" -> "短信（未启用）";
      case "wecom" -> "企业微信（未启用）";
      case "log" -> "日志";
      default -> "其他渠道（未启用）";
    };
  }
}
