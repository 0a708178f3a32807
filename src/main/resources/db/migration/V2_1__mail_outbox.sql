-- E-mail notifications (issue 10). Runs on H2 and PostgreSQL alike.

-- Every mail is written here in the transaction of the event that causes it (the engine's), and sent
-- after commit by OutboxWorker. mail_key (kind, task or time zone, recipient, day) is unique: a retry,
-- a second node or a restart can never add or send the same mail twice.
CREATE TABLE hldprep_mail_outbox (
  id                VARCHAR(36)     NOT NULL PRIMARY KEY,
  mail_key          VARCHAR(400)    NOT NULL,
  kind              VARCHAR(16)     NOT NULL,
  task_id           VARCHAR(64),
  cycle_name        VARCHAR(100),
  recipient_user    VARCHAR(255)    NOT NULL,
  recipient_address VARCHAR(320)    NOT NULL,
  subject           VARCHAR(1000)   NOT NULL,
  body              VARCHAR(200000) NOT NULL,
  status            VARCHAR(16)     NOT NULL,
  attempts          INTEGER         NOT NULL,
  next_attempt_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_owner       VARCHAR(100),
  lease_until       TIMESTAMP WITH TIME ZONE,
  last_error        VARCHAR(2000),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at           TIMESTAMP WITH TIME ZONE,
  CONSTRAINT hldprep_mail_outbox_key UNIQUE (mail_key)
);
CREATE INDEX hldprep_mail_outbox_due ON hldprep_mail_outbox (status, next_attempt_at);

-- Each user's choice: immediate notices and/or the daily digest, language, time zone.
CREATE TABLE hldprep_mail_preference (
  user_id    VARCHAR(255) NOT NULL PRIMARY KEY,
  delivery   VARCHAR(16)  NOT NULL,
  language   VARCHAR(8)   NOT NULL,
  time_zone  VARCHAR(64),
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per time zone and local day whose digest was composed: the lock that makes the digest
-- run once across nodes (a second node's insert fails on the primary key and it does nothing).
CREATE TABLE hldprep_mail_digest_run (
  time_zone  VARCHAR(64) NOT NULL,
  run_day    DATE        NOT NULL,
  node       VARCHAR(100) NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT hldprep_mail_digest_run_pk PRIMARY KEY (time_zone, run_day)
);
