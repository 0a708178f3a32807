package org.hldprep.platform.config;

import org.hldprep.security.AdministratorAccounts;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused start-up into Spring Boot's short "APPLICATION FAILED TO START" report. */
public class MissingAdministratorFailureAnalyzer
    extends
      AbstractFailureAnalyzer<AdministratorAccounts.MissingAdministratorException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AdministratorAccounts.MissingAdministratorException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set HLDPREP_ADMIN_USER and HLDPREP_ADMIN_PASSWORD, or run the demo profile for a local trial.", cause);
  }
}
