-- Imports (issue 13): a follow-up brought in from a file (or by the demo) keeps who brought it in. Its author is the
-- importer, and the timeline of a customer seen through the public pool hides authors (so as not to name a previous
-- owner): the follow-ups imported into the pool showed no one at all. The one who brought them in is not a previous
-- owner and stays shown.
alter table follow_up add column brought_in_by bigint references employee (id);
