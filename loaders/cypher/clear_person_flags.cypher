// Clear the inventors' park flag before setting it again.
MATCH (person:Person)
WHERE person.park_linked IS NOT NULL
SET person.park_linked = null
