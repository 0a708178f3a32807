package org.hldprep.platform.config;

import org.hldprep.engine.CallerGroupsPlugin;
import org.hldprep.engine.CredentialsCache;
import org.hldprep.engine.HistoryCleanupWindowPlugin;
import org.hldprep.engine.IdentityChangePlugin;
import org.hldprep.engine.TaskQueryAuthorizationPlugin;
import org.hldprep.platform.api.EngineRestBadRequestMapper;
import org.hldprep.platform.settings.HldPrepProperties;
import org.hldprep.process.ProcessConventionsPlugin;
import org.hldprep.reference.ReferenceData;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine plugins: the starter registers every ProcessEnginePlugin bean with the engine. */
@Configuration
public class EngineConfig {

  @Bean
  ProcessConventionsPlugin processConventionsPlugin(ReferenceData referenceData) {
    return new ProcessConventionsPlugin(referenceData);
  }

  /**
   * Task lists under authorizations as a semi-join (see the plugin); on by default, switchable for a
   * side-by-side measurement ({@code hldprep.engine.task-query-semi-join=false}: a plugin that does nothing).
   */
  @Bean
  TaskQueryAuthorizationPlugin taskQueryAuthorizationPlugin(HldPrepProperties properties) {
    return new TaskQueryAuthorizationPlugin(properties.engine().taskQuerySemiJoin());
  }

  /**
   * The nightly history cleanup window ({@code hldprep.history.cleanup-window-start} / {@code -end}, HH:mm,
   * server time), set before the engine reads it.
   */
  @Bean
  HistoryCleanupWindowPlugin historyCleanupWindow(HldPrepProperties properties) {
    return new HistoryCleanupWindowPlugin(properties.history().cleanupWindowStart(),
        properties.history().cleanupWindowEnd());
  }

  /** Authorization checks without a scan of the authorization table per command (see the plugin). */
  @Bean
  CallerGroupsPlugin callerGroupsPlugin() {
    return new CallerGroupsPlugin();
  }

  /**
   * Recent successful REST logins (HTTP Basic), so that each call of a client does not check the
   * password and look up the groups again; {@code hldprep.security.credentials-cache-ttl=0s} turns it off.
   */
  @Bean
  CredentialsCache credentialsCache(HldPrepProperties properties) {
    return new CredentialsCache(properties.security().credentialsCacheTtl(), 10_000);
  }

  /** Drops cached logins when a password, a membership or an account changes. */
  @Bean
  IdentityChangePlugin identityChangePlugin(CredentialsCache credentialsCache) {
    return new IdentityChangePlugin(credentialsCache);
  }

  /** Client-caused failures are 4xx on the engine REST API too (gone task 404, conflicts 409, bad input 400). */
  @Bean
  ResourceConfigCustomizer engineRestBadRequestMapping() {
    return config -> config.register(EngineRestBadRequestMapper.ForRestExceptions.class)
        .register(EngineRestBadRequestMapper.ForEngineExceptions.class)
        .register(EngineRestBadRequestMapper.ForOtherExceptions.class);
  }
}
