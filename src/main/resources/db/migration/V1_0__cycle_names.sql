-- A cycle's name belongs to one master at a time. The row is written in the transaction that starts
-- the master (HldPreparationStartListener -> JdbcCycleNames), so of two starts of the same name at the
-- same moment the primary key lets one commit and refuses the other, and nothing of the refused
-- start remains. A name whose master has ended or was deleted is taken over by the next start.
CREATE TABLE hldprep_cycle (
  cycle_name          VARCHAR(64)  NOT NULL,
  process_instance_id VARCHAR(64)  NOT NULL,
  claimed_at          TIMESTAMP    NOT NULL,
  CONSTRAINT hldprep_cycle_pk PRIMARY KEY (cycle_name)
);
