-- The longest impact of a service, found in one index step. A report over a quarter looks for
-- impacts that start no earlier than (quarter start − longest impact), so that it reads the
-- impacts near the quarter and not every impact that started before it.
CREATE INDEX impact_by_service_length ON impact(service_id, end_at - start_at);
