package org.hldprep.reference;

/** A Regional Consultative Process (RCP) or interregional forum (IRF) on migration. */
public record Rcp(String code, String name, String acronym, String region, String kind,
    IomSecretariat iomSecretariat, Integer established, String servingOffice) {

  /** Whether IOM serves as (or supports) the process's secretariat, as far as a source says. */
  public enum IomSecretariat {
    YES, NO, UNKNOWN
  }

  public boolean iomIsSecretariat() {
    return iomSecretariat == IomSecretariat.YES;
  }
}
