package org.hldprep.platform.input;

/**
 * How much a client may send, wherever it comes in (/api, /engine-rest, the webapps): bounds checked
 * before the value reaches a parser or the database, so that going over them is a 4xx naming the limit.
 */
public final class InputLimits {

  /**
   * Characters of one text value: Camunda keeps a String variable in ACT_RU_VARIABLE.TEXT_, a
   * varchar(4000); a longer one fails the flush with a database error.
   */
  public static final int MAX_TEXT = 4000;

  /** Bytes of a JSON or form body; far above any form or query the applications send. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  /** Bytes of a multipart body (a deployment of models, decisions and forms from Camunda Modeler). */
  public static final int MAX_MULTIPART_BYTES = 16 * 1024 * 1024;

  /** Levels of nested arrays and objects in a JSON body; the applications' deepest is under ten. */
  public static final int MAX_JSON_NESTING = 100;

  private InputLimits() {
  }
}
