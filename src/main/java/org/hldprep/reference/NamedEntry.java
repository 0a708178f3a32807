package org.hldprep.reference;

/** A code and a name: GMG members and UN Regional Commissions. */
public record NamedEntry(String code, String name) {
}
