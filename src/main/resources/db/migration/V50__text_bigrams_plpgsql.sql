-- The name search's bigrams (V5) computed by a PL/pgSQL loop instead of a SQL function: a SQL function with a
-- subquery cannot be inlined, so each call started and ended an executor for its generate_series and array_agg,
-- and the GIN index on customer names (and know-how texts) evaluates it for every row written. An import of 1,000
-- customers spent about half of its customer insert there (issue 13, docs/imports.md "Speed"). The loop gives the
-- same pieces (substr of the lowercased text at each position below its length), not sorted and possibly repeated;
-- GIN keeps each key once and `@>` compares sets, so the indexes built by the old function stay valid as they are.
create or replace function text_bigrams(value text) returns text[] language plpgsql immutable parallel safe strict as $$
declare
    lowered text := lower(value);
    pieces  text[] := '{}';
begin
    for i in 1 .. char_length(value) - 1 loop
        pieces := pieces || substr(lowered, i, 2);
    end loop;
    return pieces;
end
$$;
