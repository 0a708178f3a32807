package benchmark.bare;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's reference: Camunda 7.24 with the same Spring Boot starters and libraries as HLD Prep,
 * and nothing of HLD Prep (CycleBenchmark runs it from a directory holding only this package and its
 * resources). One process with one user task, authorizations off, history full; its own configuration
 * (bare-engine.yaml, {@code --spring.config.name=bare-engine}). Outside the package org.hldprep so that
 * the project's component scan never finds it in the test classpath. Spring Security is on the classpath as in
 * the project, but not configured: the bare engine answers everyone, as a stock Camunda does.
 */
@SpringBootApplication
public class BareEngineApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareEngineApplication.class, args);
  }

  /**
   * Fills the engine fast for the benchmark: starts instances of the one-task process in transactions
   * of a few hundred (one flush each). Benchmark scaffolding; answers only on the loopback interface.
   */
  @RestController
  static class Fill {
    private static final int PER_TRANSACTION = 250;
    private final ProcessEngine engine;

    Fill(ProcessEngine engine) {
      this.engine = engine;
    }

    @PostMapping("/bench/fill")
    int fill(@RequestParam int count) {
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
          .getProcessEngineConfiguration();
      AtomicInteger started = new AtomicInteger();
      while (started.get() < count) {
        int batch = Math.min(PER_TRANSACTION, count - started.get());
        configuration.getCommandExecutorTxRequired().execute(context -> {
          for (int i = 0; i < batch; i++) {
            engine.getRuntimeService().startProcessInstanceByKey("bench-one-task");
          }
          return null;
        });
        started.addAndGet(batch);
      }
      return started.get();
    }
  }
}
