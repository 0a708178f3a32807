package org.hldprep.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.hldprep.engine.StoredPermissions;
import org.hldprep.process.hldpreparation.HldPreparationProcess;
import org.hldprep.process.hldpreparation.Track;
import org.hldprep.reference.ReferenceData;
import org.hldprep.routing.GroupIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently and in every mode, the groups of the contract for every office in the
 * reference data and the authorizations the offices need. Groups are structure, not credentials:
 * nobody can log in until a user is added (demo mode or an administrator).
 */
@Component
public class IdentityBootstrap implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);
  static final String WORKFLOW = "WORKFLOW";
  public static final String FILTER_MY_GROUP_TASKS = "My group tasks";
  public static final String FILTER_MY_TASKS = "My tasks";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final ReferenceData referenceData;

  public IdentityBootstrap(ProcessEngine engine, ReferenceData referenceData) {
    this.identityService = engine.getIdentityService();
    this.authorizationService = engine.getAuthorizationService();
    this.filterService = engine.getFilterService();
    this.taskService = engine.getTaskService();
    this.referenceData = referenceData;
  }

  @Override
  public void afterPropertiesSet() {
    int created = createMissingGroups();
    grantAdministrators();
    grantStaff();
    readOwnAccountOnly();
    createTaskFilters();
    LOG.info("Identity structure ready: {} groups known, {} created now", GroupIds.contractGroups(referenceData).size(),
        created);
  }

  private int createMissingGroups() {
    Set<String> existing = new HashSet<>();
    identityService.createGroupQuery().list().forEach(g -> existing.add(g.getId()));
    int created = 0;
    for (Map.Entry<String, String> entry : GroupIds.contractGroups(referenceData).entrySet()) {
      if (existing.contains(entry.getKey())) {
        continue;
      }
      Group group = identityService.newGroup(entry.getKey());
      group.setName(entry.getValue());
      group.setType(GroupIds.ADMIN.equals(entry.getKey()) ? Groups.GROUP_TYPE_SYSTEM : WORKFLOW);
      identityService.saveGroup(group);
      created++;
    }
    return created;
  }

  /** camunda-admin holds ALL on every resource, as Camunda's own admin-user set-up grants. */
  private void grantAdministrators() {
    for (Resource resource : Resources.values()) {
      grant(GroupIds.ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  private void grantStaff() {
    // Every staff member works in Tasklist; the engine's task authorizations decide which tasks they see.
    grantGlobal(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // Process names and diagrams are not confidential; instances and tasks are.
    grantGlobal(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    // HLD coordination starts cycles and reads the instances of every track but the Council's statement
    // (through /api; Cockpit's engine-wide views are for administrators): the Council's negotiation record,
    // the Office of Legal Affairs' advice to the Chair and the objections of Member States, is read by the
    // Council's people through their forms only. It starts the master only: the children start only as
    // call activities of a cycle (a call activity needs no CREATE_INSTANCE of its caller), so nobody but an
    // administrator can start a child directly over REST or Tasklist.
    grant(GroupIds.ICP, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    set(GroupIds.ICP, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    set(GroupIds.ICP, Resources.PROCESS_DEFINITION, HldPreparationProcess.KEY, Permissions.READ,
        Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
    for (Track track : Track.ALL) {
      if (!track.equals(Track.COUNCIL_JOINT_STATEMENT)) {
        set(GroupIds.ICP, Resources.PROCESS_DEFINITION, track.processKey(), Permissions.READ,
            Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
      }
    }
    set(GroupIds.ICP, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // The progress board is a Cockpit page: its readers open Cockpit, and see there no instance, task
    // or history beyond what their authorizations above already give (the board's figures come from
    // /api, which checks their groups).
    for (String reader : List.of(GroupIds.ICP_GOVERNING_BODIES, GroupIds.DIRECTOR_GENERAL)) {
      grant(reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
    referenceData.regionalOffices().forEach(o -> grant(o.code(), Resources.APPLICATION, "cockpit", Permissions.ACCESS));
  }

  /**
   * Camunda grants every user ALL on their own account (edit, re-password, delete): cut down to READ
   * on databases made before {@code LeastPrivilegeAuthorizationPlugin} did that for new users.
   */
  private void readOwnAccountOnly() {
    int changed = 0;
    for (Authorization authorization : authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.USER).list()) {
      if (authorization.getUserId() != null && authorization.getUserId().equals(authorization.getResourceId())
          && (authorization.isPermissionGranted(Permissions.UPDATE)
              || authorization.isPermissionGranted(Permissions.DELETE))) {
        authorization.setPermissions(new Permission[]{Permissions.READ});
        authorizationService.saveAuthorization(authorization);
        changed++;
      }
    }
    if (changed > 0) {
      LOG.info("{} users' rights on their own account cut down to READ", changed);
    }
  }

  /** Like {@link #grant}, but an existing grant is set to exactly these permissions. */
  private void set(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing == null) {
      grant(groupId, resource, resourceId, permissions);
    } else {
      int before = StoredPermissions.of(existing);
      existing.setPermissions(permissions);
      if (StoredPermissions.of(existing) != before) {
        authorizationService.saveAuthorization(existing);
      }
    }
  }

  private void createTaskFilters() {
    createFilterIfMissing(FILTER_MY_GROUP_TASKS, -10, "Tasks of my office's groups, claimed or not",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc());
    createFilterIfMissing(FILTER_MY_TASKS, -5, "Tasks I have claimed",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
  }

  private void createFilterIfMissing(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      // Which country, RCP and cycle a task is about, shown in the task list: a Regional Office sees
      // many tasks of the same name, one per country.
      properties.put("variables", List.of(
          Map.of("name", "countryCode", "label", "Country"),
          Map.of("name", "rcpCode", "label", "RCP"),
          Map.of("name", "regionalOffice", "label", "Regional Office"),
          Map.of("name", "cycle", "label", "Cycle")));
      filter = filterService.newTaskFilter(name).setProperties(properties)
          .setQuery(query);
      filterService.saveFilter(filter);
    }
    grantGlobal(Resources.FILTER, filter.getId(), Permissions.READ);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
    if (!exists) {
      Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      save(authorization, resource, resourceId, permissions);
    }
  }

  private void grantGlobal(Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).count() > 0;
    if (!exists) {
      Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      authorization.setUserId(ANY);
      save(authorization, resource, resourceId, permissions);
    }
  }

  private void save(Authorization authorization, Resource resource, String resourceId, Permission... permissions) {
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    List<Permission> list = new ArrayList<>(List.of(permissions));
    list.forEach(authorization::addPermission);
    authorizationService.saveAuthorization(authorization);
  }
}
