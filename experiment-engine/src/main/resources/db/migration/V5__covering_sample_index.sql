-- A report reads each run's samples as one time series per probe: time, probe and value, in time
-- order. This index holds exactly those columns in that order, so the read walks the index alone
-- (no look-up of each row in the table, no sort); it replaces probe_sample_run (run_id, at), which
-- it covers as a prefix.
CREATE INDEX probe_sample_series ON probe_sample (run_id, at, probe, val);
DROP INDEX probe_sample_run;
