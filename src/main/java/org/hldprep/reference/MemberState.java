package org.hldprep.reference;

/** An IOM Member State of the reference list and the Regional Office that covers it. */
public record MemberState(String iso3, String iso2, String name, Integer iomMemberSince, String regionalOffice,
    boolean regionalOfficeInferred) {
}
