package org.hldprep.security.sso;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Under single sign-on HLD Prep stores no staff password: at every start, after the administrators of the
 * environment are made and before the web server opens, every password in the engine's user table is
 * erased but those of the local administrator accounts. (Camunda's API can set a password, not remove one.)
 */
@Component
class StaffPasswordsErased implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(StaffPasswordsErased.class);

  private final SsoSecurity sso;
  private final JdbcTemplate jdbc;

  StaffPasswordsErased(SsoSecurity sso, JdbcTemplate jdbc) {
    this.sso = sso;
    this.jdbc = jdbc;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!sso.enabled()) {
      return;
    }
    List<Object> kept = new ArrayList<>(sso.localAccounts());
    String keep = kept.isEmpty()
        ? ""
        : " and ID_ not in (" + String.join(",", kept.stream().map(k -> "?").toList())
            + ")";
    int erased = jdbc.update("update ACT_ID_USER set PWD_ = null, SALT_ = null where PWD_ is not null" + keep,
        kept.toArray());
    if (erased > 0) {
      LOG.warn("Single sign-on: erased the stored passwords of {} staff accounts (kept: {})", erased, kept);
    }
  }
}
