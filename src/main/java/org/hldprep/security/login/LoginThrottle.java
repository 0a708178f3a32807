package org.hldprep.security.login;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Locale;
import org.hldprep.platform.input.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throttles failed logins (HTTP Basic, the webapps' login form and Camunda's password check alike) with
 * Bucket4j token buckets that only failures drain:
 * <ul>
 *   <li>per client address: once an address has spent its budget, each wrong password from it is
 *       answered 429 and counts against the account it tried, even from an address the account knows.
 *       Its right passwords still get in: behind a proxy or a shared office address, strangers' failures
 *       must not keep staff out;</li>
 *   <li>per account: once spent, the account's password is not even checked (429), but from an address
 *       that has logged in to the account before and is not itself guessing, so a stranger elsewhere
 *       cannot keep the owner out.</li>
 * </ul>
 * Nothing is ever locked for good: a bucket refills by itself within its window. Camunda's own per-user
 * lockout is switched off (see application.yaml), since anyone could trigger it for any account.
 */
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** How many failed logins a window allows. */
  public record Limit(int failures, Duration window) {
  }

  private final Limit perAddress;
  private final Limit perAccount;
  private final Cache<String, Bucket> addressBuckets;
  private final Cache<String, Bucket> accountBuckets;
  private final Cache<String, Boolean> knownAddresses;

  public LoginThrottle(Limit perAddress, Limit perAccount, Duration rememberGoodAddresses) {
    this.perAddress = perAddress;
    this.perAccount = perAccount;
    this.addressBuckets = Caffeine.newBuilder().maximumSize(100_000)
        .expireAfterAccess(perAddress.window().multipliedBy(2)).build();
    this.accountBuckets = Caffeine.newBuilder().maximumSize(100_000)
        .expireAfterAccess(perAccount.window().multipliedBy(2)).build();
    this.knownAddresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(rememberGoodAddresses).build();
  }

  /** Null if the password may be checked now, else how long the client must wait: the account's budget is spent. */
  public Duration waitBeforeTrying(String address, String account) {
    if (account == null || exempt(address, account)) {
      return null;
    }
    long nanos = nanosToWait(accountBucket(account));
    return nanos == 0 ? null : Duration.ofNanos(nanos);
  }

  /**
   * A wrong password (or unknown user), logged with user and address, never the password.
   *
   * @return null to answer it as a wrong password (401), or how long the client must wait when its
   *     address had spent its budget already (429)
   */
  public Duration failed(String address, String account, String channel) {
    LOG.warn("Failed login for user '{}' from {} ({})", LogText.printable(account), address, channel);
    Bucket addressBucket = addressBucket(address);
    long addressWait = nanosToWait(addressBucket);
    if (account != null && !exempt(address, account)) {
      accountBucket(account).tryConsume(1);
    }
    addressBucket.tryConsume(1);
    return addressWait == 0 ? null : Duration.ofNanos(addressWait);
  }

  public void succeeded(String address, String account) {
    knownAddresses.put(key(address, account), Boolean.TRUE);
  }

  /** Logged when a login is refused with 429 without asking the identity service. */
  public void throttled(String address, String account, String channel, Duration wait) {
    LOG.warn("Login for user '{}' from {} throttled for {} s ({})", LogText.printable(account), address,
        Math.max(1, wait.toSeconds()), channel);
  }

  /** An address the account has logged in from is spared the account's bucket while it is not guessing itself. */
  private boolean exempt(String address, String account) {
    return knownAddresses.getIfPresent(key(address, account)) != null && nanosToWait(addressBucket(address)) == 0;
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

  /** Seconds for a Retry-After header, at least one. */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
