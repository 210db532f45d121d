package cn.baoxue.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The bytes of evidence in an S3-compatible bucket, for deployments whose database should not carry
 * them. The row stays in the database with its hash; the object's key names the case and the hash.
 * An object whose bytes no longer match the recorded hash is not served: the store is outside the
 * audit chain, so every read checks it.
 */
@Component
@ConditionalOnProperty(prefix = "baoxue.evidence.object-store", name = "bucket")
class ObjectEvidenceStore implements EvidenceStore, DisposableBean {

  static final String KIND = "OBJECT";
  private static final Logger log = LoggerFactory.getLogger(ObjectEvidenceStore.class);

  private final S3Client s3;
  private final String bucket;

  ObjectEvidenceStore(ObjectStoreProperties properties) {
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.of(properties.region()))
        .forcePathStyle(properties.pathStyle())
        // Checksums only where the operation needs one, and the body sent whole with its SHA-256
        // signed: otherwise the SDK sends uploads aws-chunked (always with a trailing CRC since 2.30,
        // and chunk-signed over plain HTTP), which several S3-compatible stores keep as part of the
        // object. Evidence items are small (baoxue.evidence.max-size).
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
    if (properties.endpoint() != null) {
      builder.endpointOverride(properties.endpoint());
    }
    if (properties.accessKey() != null) {
      builder.credentialsProvider(StaticCredentialsProvider.create(
          AwsBasicCredentials.create(properties.accessKey(), properties.secretKey())));
    }
    this.s3 = builder.build();
    this.bucket = properties.bucket();
  }

  @Override
  public String kind() {
    return KIND;
  }

  /**
   * Puts the object while the row's transaction is open; if that transaction then rolls back, the
   * object is removed again, so the bucket holds no item the database does not know.
   */
  @Override
  public String put(EvidenceItem item, byte[] content) {
    String key = "evidence/" + item.getCaseId() + "/" + item.getId() + "-" + item.getSha256();
    s3.putObject(request -> request.bucket(bucket).key(key).contentType(item.getContentType())
        .contentLength((long) content.length), RequestBody.fromBytes(content));
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            delete(key);
          }
        }
      });
    }
    return key;
  }

  @Override
  public byte[] get(EvidenceItem item) {
    byte[] content = s3.getObjectAsBytes(request -> request.bucket(bucket).key(item.getStorageKey())).asByteArray();
    if (!EvidenceService.sha256(content).equals(item.getSha256())) {
      throw new IllegalStateException("Evidence item " + item.getId() + " in the object store no longer matches its"
          + " recorded SHA-256; it is not served");
    }
    return content;
  }

  private void delete(String key) {
    try {
      s3.deleteObject(request -> request.bucket(bucket).key(key));
    } catch (RuntimeException e) {
      log.warn("Could not remove object {} of a rolled-back evidence item: {}", key, e.getMessage());
    }
  }

  @Override
  public void destroy() {
    s3.close();
  }
}
