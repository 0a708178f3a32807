package org.hldprep;

import org.hldprep.platform.settings.HldPrepProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** HLD Prep: Camunda 7 workflows for the preparation of the 2013 High-level Dialogue (IOM MC/2353). */
@SpringBootApplication
@EnableConfigurationProperties(HldPrepProperties.class)
public class HldPrepApplication {

  public static void main(String[] args) {
    SpringApplication.run(HldPrepApplication.class, args);
  }
}
