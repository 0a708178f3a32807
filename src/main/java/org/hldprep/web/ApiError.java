package org.hldprep.web;

/** The error body of every 4xx answered by {@code /api}: the same shape as the engine REST API's. */
public record ApiError(String type, String message) {}
