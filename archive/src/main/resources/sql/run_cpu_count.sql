-- How many processors did the machine of this run have? Parameter: the run id.
SELECT cpu_count FROM runs WHERE run_id = ?
