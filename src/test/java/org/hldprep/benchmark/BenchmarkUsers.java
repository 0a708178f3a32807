package org.hldprep.benchmark;

import java.util.Locale;

/** The benchmark's users of the project (production mode has no demo users) and their passwords. */
final class BenchmarkUsers {

  static final String ADMIN = "bench-admin";
  static final String COORDINATOR = "bench-coordinator";

  private BenchmarkUsers() {
  }

  /** The Country Office user of a Member State. */
  static String office(String iso3) {
    return "bench-" + iso3.toLowerCase(Locale.ROOT);
  }

  static String password(String user) {
    return user + "-Pw-2013!";
  }
}
