package org.hldprep.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Successful HTTP Basic logins of the last seconds, so that a REST client's every call does not pay for
 * the password check and the group lookup again. Keyed by an HMAC of user and password under a key
 * that lives only in this process (neither the password nor a reusable hash of it is kept); a wrong
 * password is a different key and always reaches the identity service, which counts the failure. Only
 * successes are kept. The engine's identity provider drops a user's entries when their password,
 * memberships or account change ({@link org.hldprep.engine.IdentityChangePlugin}); on other nodes of a
 * cluster an entry lives at most the time to live.
 */
public class CredentialsCache {

  /** What a successful login established. */
  public record Login(String userId, List<String> groups) {
  }

  private final Cache<String, Login> logins;
  private final SecretKeySpec key;
  /** A Mac per thread: creating one per request showed in the profile. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public CredentialsCache(Duration timeToLive, long maximumSize) {
    this.logins = timeToLive.isZero()
        ? null
        : Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).build();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The login these credentials established recently, or null. */
  public Login get(String userId, String password) {
    return logins == null ? null : logins.getIfPresent(key(userId, password));
  }

  public void put(String userId, String password, Login login) {
    if (logins != null) {
      logins.put(key(userId, password), login);
    }
  }

  /** Forgets every login of this user (password, memberships or the account changed). */
  public void invalidateUser(String userId) {
    if (logins != null) {
      logins.asMap().values().removeIf(login -> login.userId().equals(userId));
    }
  }

  /** Forgets every login (a group went away). */
  public void invalidateAll() {
    if (logins != null) {
      logins.invalidateAll();
    }
  }

  private String key(String userId, String password) {
    Mac mac = macs.get();
    mac.update(userId.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
