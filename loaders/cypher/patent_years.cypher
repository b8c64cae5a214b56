// The filing years present (null for patents without one): the derive step works a year at a time.
MATCH (p:Patent)
RETURN DISTINCT p.year AS year
