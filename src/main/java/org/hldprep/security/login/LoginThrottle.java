package org.hldprep.security.login;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throttles failed logins (HTTP Basic and the webapps' login form alike) before the identity service is
 * asked, with Bucket4j token buckets that only failures drain:
 * <ul>
 *   <li>per client address: a stranger who keeps guessing is slowed down, whatever account he tries;</li>
 *   <li>per account: guessing one account from many addresses is slowed down too, but an address that
 *       has logged in to the account successfully before is exempt from the account's bucket, so a stranger
 *       elsewhere cannot keep its owner out.</li>
 * </ul>
 * Nothing is ever locked for good: a bucket refills by itself within its window. Camunda's own per-user
 * lockout is switched off (see application.yaml), since anyone could trigger it for any account.
 */
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** How many failed logins a window allows. */
  public record Limit(int failures, Duration window) {}

  private final Limit perAddress;
  private final Limit perAccount;
  private final Cache<String, Bucket> addressBuckets;
  private final Cache<String, Bucket> accountBuckets;
  private final Cache<String, Boolean> knownAddresses;

  public LoginThrottle(Limit perAddress, Limit perAccount, Duration rememberGoodAddresses) {
    this.perAddress = perAddress;
    this.perAccount = perAccount;
    this.addressBuckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(perAddress.window().multipliedBy(2)).build();
    this.accountBuckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(perAccount.window().multipliedBy(2)).build();
    this.knownAddresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(rememberGoodAddresses).build();
  }

  /** Null if this login may be tried now, else how long the client must wait. */
  public Duration waitBeforeTrying(String address, String account) {
    long nanos = nanosToWait(addressBucket(address));
    if (account != null && !isKnown(address, account)) {
      nanos = Math.max(nanos, nanosToWait(accountBucket(account)));
    }
    return nanos == 0 ? null : Duration.ofNanos(nanos);
  }

  /** A wrong password (or unknown user): logged with user and address, never the password. */
  public void failed(String address, String account, String channel) {
    LOG.warn("Failed login for user '{}' from {} ({})", printable(account), address, channel);
    addressBucket(address).tryConsume(1);
    if (account != null && !isKnown(address, account)) {
      accountBucket(account).tryConsume(1);
    }
  }

  public void succeeded(String address, String account) {
    knownAddresses.put(key(address, account), Boolean.TRUE);
  }

  /** Logged when a login is refused with 429 without asking the identity service. */
  public void throttled(String address, String account, String channel, Duration wait) {
    LOG.warn("Login for user '{}' from {} throttled for {} s ({})", printable(account), address,
        Math.max(1, wait.toSeconds()), channel);
  }

  private boolean isKnown(String address, String account) {
    return knownAddresses.getIfPresent(key(address, account)) != null;
  }

  private Bucket addressBucket(String address) {
    return addressBuckets.get(String.valueOf(address), a -> bucket(perAddress));
  }

  private Bucket accountBucket(String account) {
    return accountBuckets.get(account.toLowerCase(Locale.ROOT), a -> bucket(perAccount));
  }

  private static Bucket bucket(Limit limit) {
    return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.failures())
        .refillGreedy(limit.failures(), limit.window()).build()).build();
  }

  private static long nanosToWait(Bucket bucket) {
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
  }

  private static String key(String address, String account) {
    return address + "|" + (account == null ? "" : account.toLowerCase(Locale.ROOT));
  }

  /** A user name as sent, safe for one log line. */
  static String printable(String account) {
    if (account == null) {
      return "";
    }
    String cleaned = account.replaceAll("[\\p{Cntrl}]", "?");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
  }

  /** Seconds for a Retry-After header, at least one. */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
