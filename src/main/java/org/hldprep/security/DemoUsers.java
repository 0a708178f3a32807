package org.hldprep.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hldprep.routing.GroupIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo users of the contract (domain.md Part A), password {@value #PASSWORD}: only in the
 * explicit {@code demo} profile, never in production.
 */
@Component
@Profile("demo")
public class DemoUsers implements InitializingBean {

  static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  /** user id → first name, last name, groups. */
  public static final Map<String, List<String>> USERS = users();

  private final IdentityService identityService;
  private final Environment environment;

  public DemoUsers(IdentityService identityService, IdentityBootstrap groupsFirst, Environment environment) {
    this.identityService = identityService;
    this.environment = environment;
  }

  private static Map<String, List<String>> users() {
    Map<String, List<String>> users = new LinkedHashMap<>();
    users.put("admin", List.of("Demo", "Administrator", GroupIds.ADMIN));
    users.put("phl-officer", List.of("Philippines", "Country Officer", GroupIds.countryOffice("PHL")));
    users.put("ken-officer", List.of("Kenya", "Country Officer", GroupIds.countryOffice("KEN")));
    users.put("mex-officer", List.of("Mexico", "Country Officer", GroupIds.countryOffice("MEX")));
    users.put("bangkok-ro", List.of("Bangkok", "Regional Officer", "ro-bangkok"));
    users.put("nairobi-ro", List.of("Nairobi", "Regional Officer", "ro-nairobi"));
    users.put("sanjose-ro", List.of("San José", "Regional Officer", "ro-sanjose"));
    users.put("hld-coordinator", List.of("HLD", "Coordinator", GroupIds.ICP));
    users.put("council-secretary", List.of("Council", "Secretary", GroupIds.ICP_GOVERNING_BODIES));
    users.put("rcp-focal-point", List.of("RCP", "Focal Point", GroupIds.ICP_RCP));
    users.put("partnerships-officer", List.of("Partnerships", "Officer", GroupIds.ICP_PARTNERSHIPS));
    users.put("policy-drafter", List.of("Policy", "Drafter", GroupIds.POLICY_RESEARCH));
    users.put("legal-officer", List.of("Legal", "Officer", GroupIds.LEGAL));
    users.put("director-general", List.of("Director", "General", GroupIds.DIRECTOR_GENERAL));
    users.put("ny-liaison", List.of("New York", "Liaison", GroupIds.LIAISON_NEW_YORK));
    users.put("chairperson", List.of("Council", "Chairperson", GroupIds.COUNCIL_CHAIR));
    users.put("fotc-member", List.of("Friends of the Chair", "Member", GroupIds.FRIENDS_OF_THE_CHAIR));
    users.put("phl-mission", List.of("Philippines", "Permanent Mission", GroupIds.permanentMission("PHL")));
    return java.util.Collections.unmodifiableMap(users);
  }

  @Override
  public void afterPropertiesSet() {
    for (Map.Entry<String, List<String>> entry : USERS.entrySet()) {
      String id = entry.getKey();
      List<String> details = entry.getValue();
      if (identityService.createUserQuery().userId(id).count() == 0) {
        User user = identityService.newUser(id);
        user.setFirstName(details.get(0));
        user.setLastName(details.get(1));
        user.setEmail(id + "@hldprep.example");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
      }
      String group = details.get(2);
      if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identityService.createMembership(id, group);
      }
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public void printLogins() {
    String port = environment.getProperty("local.server.port", "8080");
    String host = environment.getProperty("server.address", "localhost");
    String base = "http://" + ("127.0.0.1".equals(host) ? "localhost" : host) + ":" + port;
    StringBuilder text = new StringBuilder("\n\n  HLD Prep demo is up.\n")
        .append("  Tasklist: ").append(base).append("/camunda/app/tasklist/\n")
        .append("  Cockpit:  ").append(base).append("/camunda/app/cockpit/\n")
        .append("  REST:     ").append(base).append("/engine-rest/  and  ").append(base).append("/api/\n")
        .append("  Demo logins (password '").append(PASSWORD).append("'):\n");
    USERS.forEach((id, details) -> text.append(String.format("    %-22s %s%n", id, details.get(2))));
    LOG.info(text.toString());
  }
}
