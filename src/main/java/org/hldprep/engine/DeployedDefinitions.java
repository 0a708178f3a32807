package org.hldprep.engine;

import java.util.Map;
import java.util.Set;

/**
 * What is deployed already, read the way the engine resolves references at run time: what a check of a
 * new deployment ({@link PreDeploymentCheckPlugin}) needs to know.
 */
public interface DeployedDefinitions {

  /** The kinds of definitions a model refers to by key. */
  enum Kind {
    FORM("form"), PROCESS("process"), DECISION("decision");

    private final String noun;

    Kind(String noun) {
      this.noun = noun;
    }

    public String noun() {
      return noun;
    }
  }

  /** The latest deployed version of the key, or null if none is deployed. */
  Integer latestVersion(Kind kind, String key);

  boolean hasVersion(Kind kind, String key, int version);

  boolean hasVersionTag(Kind kind, String key, String versionTag);

  /** The resource of the latest deployed decision with this key, or null. */
  byte[] latestDecisionResource(String decisionKey);

  /**
   * The user task ids of the deployed process definitions that can still create tasks, each with where
   * it comes from (e.g. "national-consultation version 1"): every version with a running instance, and
   * the latest version of each key but those the deployment supersedes.
   */
  Map<String, String> userTasksInUse(Set<String> supersededKeys);

  /** Whether a candidate group of this id exists (for routing outputs that are not office roles). */
  boolean groupExists(String groupId);
}
