-- The grants of the database user of the review in a browser (java -jar invent-dedup.jar --serve):
-- it reads the audit and the runs, and writes decisions (approvals, rejections, holds), nothing
-- else. Run as the owner of the job's tables, after the job's first run created them, once the
-- role exists (CREATE ROLE invent_dedup_review LOGIN PASSWORD '...'):
--   psql -d invent_dedup -v reviewer=invent_dedup_review -f db/review-grants.sql
GRANT USAGE ON SCHEMA public TO :"reviewer";
GRANT SELECT ON dedup_audit, dedup_run_summary, dedup_recorded_group, dedup_listed_run, dedup_run_listing,
    batch_job_instance, batch_job_execution, batch_job_execution_params TO :"reviewer";
GRANT SELECT, INSERT, UPDATE, DELETE ON dedup_approval, dedup_rejection, dedup_hold TO :"reviewer";
