-- Mails that stay true. Runs on H2 and PostgreSQL alike.

-- The tasks a mail tells about, with the due date it states: before sending, the worker drops a mail whose
-- tasks have all ended (or whose moved due date has moved again) and composes a cycle's start summary anew
-- when some of its tasks ended or moved meanwhile.
CREATE TABLE hldprep_mail_task (
  mail_id VARCHAR(36) NOT NULL,
  task_id VARCHAR(64) NOT NULL,
  due_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT hldprep_mail_task_pk PRIMARY KEY (mail_id, task_id),
  CONSTRAINT hldprep_mail_task_mail FOREIGN KEY (mail_id) REFERENCES hldprep_mail_outbox (id) ON DELETE CASCADE
);

-- The cycle's time zone a summary's dates were written in (the recipient's own zone, if chosen, wins).
ALTER TABLE hldprep_mail_outbox ADD COLUMN time_zone VARCHAR(64);
