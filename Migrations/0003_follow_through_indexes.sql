-- Follow-through over one period reads the actions closed since the period began and those
-- added to an incident since then; these two indexes find them without reading every action
-- and every history record, so that its cost follows the period and not the history.
CREATE INDEX action_by_completion ON action(completed_at);
CREATE INDEX action_history_by_field_at ON action_history(field, at);
