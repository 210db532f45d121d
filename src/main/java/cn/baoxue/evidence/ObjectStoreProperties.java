package cn.baoxue.evidence;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code baoxue.evidence.object-store}: an S3-compatible object store for the bytes of evidence,
 * on when a bucket is named. The endpoint is the store's own (MinIO, Ceph, Alibaba OSS, Tencent COS);
 * path-style addressing is what self-hosted stores expect.
 */
@ConfigurationProperties("baoxue.evidence.object-store")
public record ObjectStoreProperties(URI endpoint, String region, String bucket, String accessKey, String secretKey,
    Boolean pathStyle) {

  public ObjectStoreProperties {
    region = region == null || region.isBlank() ? "us-east-1" : region;
    pathStyle = pathStyle == null ? Boolean.TRUE : pathStyle;
  }
}
