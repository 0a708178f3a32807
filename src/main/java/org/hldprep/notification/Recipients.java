package org.hldprep.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hldprep.engine.EngineCommand;

/**
 * The people behind groups: members with an e-mail address, each once, read without authorization
 * checks (the person whose action created a task may not read other offices' users). Caches per
 * instance: use one per event or digest run.
 */
final class Recipients {

  record Person(String userId, String name, String address) {
  }

  private final IdentityService identityService;
  private final Map<String, List<Person>> byGroup = new LinkedHashMap<>();

  Recipients(IdentityService identityService) {
    this.identityService = identityService;
  }

  List<Person> of(String group) {
    return byGroup.computeIfAbsent(group, g -> {
      List<User> users = EngineCommand.active()
          ? EngineCommand.withoutAuthorization(() -> identityService.createUserQuery().memberOfGroup(g).list())
          : identityService.createUserQuery().memberOfGroup(g).list();
      List<Person> people = new ArrayList<>();
      for (User user : users) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
          people.add(new Person(user.getId(), name(user), user.getEmail().trim()));
        }
      }
      return people;
    });
  }

  /** Members of any of the groups, each once. */
  Collection<Person> of(Collection<String> groups) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (String group : groups) {
      of(group).forEach(p -> people.putIfAbsent(p.userId(), p));
    }
    return people.values();
  }

  static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
