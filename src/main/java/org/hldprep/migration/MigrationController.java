package org.hldprep.migration;

import org.hldprep.platform.api.ForbiddenException;

import org.hldprep.routing.GroupIds;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Migration of running instances to another version of their model, for administrators only
 * ({@code camunda-admin}; everyone else gets 403). See README, "Changing a model".
 * <ul>
 *   <li>{@code POST /api/admin/migrations/dry-run}: what would happen to each running instance; changes nothing;</li>
 *   <li>{@code POST /api/admin/migrations}: migrates the instances the dry run passes, as Camunda batches
 *       (202 with the batch ids and the dry run; 409 if no instance can be migrated);</li>
 *   <li>{@code GET /api/admin/migrations/{batchId}}: the batch's progress and failed jobs.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/admin/migrations")
public class MigrationController {

  private final MigrationService migrations;

  public MigrationController(MigrationService migrations) {
    this.migrations = migrations;
  }

  @PostMapping("/dry-run")
  public MigrationService.Report dryRun(@RequestBody(required = false) MigrationService.Request request,
      Authentication caller) {
    requireAdministrator(caller);
    return migrations.dryRun(request);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  public ResponseEntity<MigrationService.Started> migrate(
      @RequestBody(required = false) MigrationService.Request request, Authentication caller) {
    requireAdministrator(caller);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(migrations.migrate(request));
  }

  @GetMapping("/{batchId}")
  public MigrationService.BatchProgress batch(@PathVariable String batchId, Authentication caller) {
    requireAdministrator(caller);
    return migrations.batch(batchId);
  }

  private static void requireAdministrator(Authentication caller) {
    if (caller == null || caller.getAuthorities().stream().noneMatch(a -> GroupIds.ADMIN.equals(a.getAuthority()))) {
      throw new ForbiddenException("Only members of " + GroupIds.ADMIN + " may migrate running instances.");
    }
  }
}
